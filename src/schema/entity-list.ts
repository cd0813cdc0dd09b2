import type { InputFieldMap, InputShapeFromFields } from '@pothos/core';
import type { Types } from '../builder.ts';
import type { Context } from '../context.ts';
import type { ExpandedEntity } from '../db/expansion.ts';
import type { EntityOrder } from '../db/order.ts';
import type { Page, PageWindow } from '../db/page.ts';
import { windowOf } from '../paging.ts';
import { connectionPlan } from '../planner/plan.ts';
import type { Expansion } from '../planner/plan-types.ts';
import { attachExtras } from '../planner/planned.ts';
import { listConnection } from './connections.ts';
import type { EntityKindRef } from './entity-kind.ts';
import { orderByArg } from './entity-order.ts';
import { connectionOf } from './pagination.ts';

type QueryFieldBuilder = PothosSchemaTypes.QueryFieldBuilder<Types, Types['Root']>;

interface EntityListOptions<Args extends InputFieldMap> {
  type: EntityKindRef;
  description: string;
  args?: Args;
  /** The order when the client gives no `orderBy`; none: the list has one fixed order. */
  order?: EntityOrder;
  load: (
    args: InputShapeFromFields<Args>,
    window: PageWindow,
    ctx: Context,
    order: EntityOrder,
    expansion: Expansion,
  ) => Promise<Page<ExpandedEntity>>;
}

/**
 * A root connection over entities of one kind, with `totalCount`, sliced by the database: the page
 * and everything selected below it in one statement (the field's plan).
 */
export function entityList<Args extends InputFieldMap>(
  t: QueryFieldBuilder,
  options: EntityListOptions<Args>,
) {
  const { order } = options;
  const orderBy = order ? { orderBy: t.arg(orderByArg(order)) } : {};
  return t.connection(
    {
      type: options.type,
      description: options.description,
      args: { ...(options.args ?? ({} as Args)), ...orderBy },
      resolve: async (_root, args, ctx, info) => {
        const given = (args as { orderBy?: EntityOrder | null }).orderBy;
        const { expansion, asks } = connectionPlan(info);
        const window = windowOf(args, asks);
        const page = await options.load(
          args as Record<string, unknown> as InputShapeFromFields<Args>,
          window,
          ctx,
          given ?? order ?? { field: 'DATE', direction: 'ASC' },
          expansion,
        );
        return connectionOf(page, (row) => ({
          node: attachExtras(expansion, row.node, row.extras),
        }));
      },
    },
    listConnection(options.type),
  );
}
