import type { InputFieldMap, InputShapeFromFields, ObjectRef } from '@pothos/core';
import type { builder } from '../builder.ts';
import type { EntityRow } from '../db/entity-row.ts';
import type { LinkSpec } from '../db/link-repository.ts';
import { BY_DATE, type EntityOrder } from '../db/order.ts';
import { type EntityTypeRef, linkConnectionType } from './connections.ts';
import { orderByArg } from './entity-order.ts';
import { linkPageLoader } from './loaders.ts';
import { connectionExpansion, readsExtension } from './lookahead.ts';
import { connectionOf, windowOf } from './pagination.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type EntityFieldBuilder = PothosSchemaTypes.FieldBuilder<Types, EntityRow, 'Object' | 'Interface'>;

interface LinkConnectionOptions<Args extends InputFieldMap> {
  /** The entity type at the other end: one kind, or Entity when kinds are mixed. */
  target: EntityTypeRef;
  description: string;
  spec: (args: InputShapeFromFields<Args>) => Omit<LinkSpec, 'order'>;
  args?: Args;
}

/** The order a link list's `orderBy` argument asks for. */
const orderOf = (args: Record<string, unknown>): EntityOrder =>
  (args.orderBy as EntityOrder | null | undefined) ?? BY_DATE;

/**
 * A Relay connection over an entity's links, typed by the entity at the other end, each edge
 * carrying the link's type, direction, role, time and citations. Batched: one query for all the
 * parents of a level, and that query also reads what the client selected below it (lookahead.ts).
 */
export function linkConnection<Args extends InputFieldMap>(
  t: EntityFieldBuilder,
  options: LinkConnectionOptions<Args>,
) {
  const specOf = (args: Record<string, unknown>): LinkSpec => ({
    ...options.spec(args as InputShapeFromFields<Args>),
    order: orderOf(args),
  });
  return t.connection(
    {
      type: options.target as ObjectRef<Types, EntityRow>,
      description: options.description,
      args: { ...(options.args ?? ({} as Args)), orderBy: t.arg(orderByArg(BY_DATE)) },
      extensions: readsExtension({ links: specOf }),
      resolve: async (parent, args, ctx, info) => {
        const spec = specOf(args);
        const { expansion, edgeProperties, counted } = connectionExpansion(info);
        const window = windowOf(args);
        const loader = linkPageLoader(ctx, spec, window, expansion, edgeProperties, counted);
        const page = await loader.load(parent.id);
        return connectionOf(page, (link) => ({ node: link.node, link }));
      },
    },
    linkConnectionType(options.target),
  );
}
