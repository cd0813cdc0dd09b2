import {
  FieldBuilder,
  type FieldKind,
  type FieldRef,
  type InputFieldMap,
  type InputShapeFromFields,
  type SchemaTypes,
} from '@pothos/core';
import type { Types } from '../builder.ts';
import type { EntityRow } from '../db/entity-row.ts';
import { BY_DATE, type EntityOrder } from '../db/order.ts';
import { windowOf } from '../paging.ts';
import { connectionPlan } from '../planner/plan.ts';
import type { LinkSpec } from '../planner/plan-types.ts';
import { plannedPage } from '../planner/planned.ts';
import { readsExtension } from '../planner/reads.ts';
import { type EntityTypeRef, linkConnectionType } from './connections.ts';
import { orderByArg } from './entity-order.ts';
import { linkPageLoader } from './loaders.ts';
import { connectionOf } from './pagination.ts';

type EntityFieldBuilder = PothosSchemaTypes.FieldBuilder<Types, EntityRow, 'Object' | 'Interface'>;

/** What a link list is: its target type, description, and how its arguments select links. */
export interface LinkConnectionOptions<Args extends InputFieldMap> {
  /** The entity type at the other end: one kind, or Entity when kinds are mixed. */
  target: EntityTypeRef;
  description: string;
  spec: (args: InputShapeFromFields<Args>) => Omit<LinkSpec, 'order'>;
  args?: Args;
}

declare global {
  export namespace PothosSchemaTypes {
    export interface FieldBuilder<
      Types extends SchemaTypes,
      ParentShape,
      Kind extends FieldKind = FieldKind,
    > {
      /**
       * A Relay connection over the entity's links that `spec` selects, declared to the planner so
       * the plan of the root field reads its pages.
       */
      links: <Args extends InputFieldMap = Record<string, never>>(
        options: ParentShape extends EntityRow ? LinkConnectionOptions<Args> : never,
      ) => FieldRef<Types, unknown, Kind>;
    }
  }
}

const sortedUnique = <T extends string>(names: readonly T[]): T[] => [...new Set(names)].sort();

/** The order a link list's `orderBy` argument asks for. */
const orderOf = (args: Record<string, unknown>): EntityOrder =>
  (args.orderBy as EntityOrder | null | undefined) ?? BY_DATE;

/**
 * A Relay connection over an entity's links, typed by the entity at the other end, each edge
 * carrying the link's type, direction, role, time and citations. The page is read by the plan of
 * the root field (planner/), with the parent; a parent the plan did not read (an entity fetched by
 * id) has its pages loaded in one batch per level, with everything selected below them.
 */
function linkConnection<Args extends InputFieldMap>(
  t: EntityFieldBuilder,
  options: LinkConnectionOptions<Args>,
) {
  const specOf = (args: Record<string, unknown>): LinkSpec => {
    const { types, kinds, direction } = options.spec(args as InputShapeFromFields<Args>);
    // Sorted and unique: `[CITES, PARTY_TO]` and `[PARTY_TO, CITES, CITES]` are one request.
    return {
      types: sortedUnique(types),
      direction,
      ...(kinds ? { kinds: sortedUnique(kinds) } : {}),
      order: orderOf(args),
    };
  };
  return t.connection(
    {
      type: options.target,
      description: options.description,
      args: { ...(options.args ?? ({} as Args)), orderBy: t.arg(orderByArg(BY_DATE)) },
      extensions: readsExtension({ links: specOf }),
      resolve: async (parent, args, ctx, info) => {
        const window = windowOf(args);
        const page =
          plannedPage(parent, String(info.path.key)) ??
          (await linkPageLoader(ctx, specOf(args), window, connectionPlan(info)).load(parent.id));
        return connectionOf(page, (link) => ({ node: link.node, link }));
      },
    },
    linkConnectionType(options.target),
  );
}

// The prototype every object and interface field builder shares: `t.links` on any entity type.
const proto: EntityFieldBuilder = FieldBuilder.prototype;

proto.links = function links(options) {
  return linkConnection(this, options);
};
