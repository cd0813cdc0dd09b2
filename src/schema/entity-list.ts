import type { InputFieldMap, InputShapeFromFields, ObjectRef } from '@pothos/core';
import type { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { EntityRow } from '../db/entity-row.ts';
import type { EntityOrder } from '../db/order.ts';
import type { Page, PageWindow } from '../db/page.ts';
import { listConnection } from './connections.ts';
import { orderByArg } from './entity-order.ts';
import { connectionOf, windowOf } from './pagination.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type QueryFieldBuilder = PothosSchemaTypes.QueryFieldBuilder<Types, Types['Root']>;

interface EntityListOptions<Args extends InputFieldMap> {
  type: ObjectRef<Types, EntityRow>;
  description: string;
  args?: Args;
  /** The order when the client gives no `orderBy`; none: the list has one fixed order. */
  order?: EntityOrder;
  load: (
    args: InputShapeFromFields<Args>,
    window: PageWindow,
    ctx: Context,
    order: EntityOrder,
  ) => Promise<Page<EntityRow>>;
}

/** A root connection over entities of one kind, with `totalCount`, sliced by the database. */
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
      resolve: async (_root, args, ctx) => {
        const given = (args as { orderBy?: EntityOrder | null }).orderBy;
        const window = windowOf(args);
        const page = await options.load(
          args as Record<string, unknown> as InputShapeFromFields<Args>,
          window,
          ctx,
          given ?? order ?? { field: 'DATE', direction: 'ASC' },
        );
        return connectionOf(page, (row) => ({ node: row }));
      },
    },
    listConnection(options.type),
  );
}
