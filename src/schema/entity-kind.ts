import type { ObjectRef } from '@pothos/core';
import { builder, type Types } from '../builder.ts';
import type { EntityRow } from '../db/entity-row.ts';
import type { EntityKind } from '../knowledge/vocabulary.ts';
import { EntityRef } from './entity.ts';

/**
 * The type of one entity kind, as its loadable node ref types it: a field of this type may resolve
 * to a row or to a slug its loader reads.
 */
export type EntityKindRef = ObjectRef<Types, EntityRow | string, EntityRow>;

type Fields = PothosSchemaTypes.ObjectTypeOptions<Types, EntityRow>['fields'];

/**
 * An object type for one kind of entity: a Relay node (global id "Kind:slug") loaded in batches,
 * implementing Entity. A global id of another kind resolves to null, not to the wrong type.
 */
export function entityKind(kind: EntityKind, description: string, fields?: Fields) {
  return builder.loadableNode(kind, {
    description,
    interfaces: [EntityRef],
    isTypeOf: (row) => (row as EntityRow).kind === kind,
    id: { resolve: (row: EntityRow) => row.id },
    load: async (ids: string[], ctx) => {
      const rows = await ctx.repos.entities.byIds(ids);
      return rows.filter((row) => row.kind === kind);
    },
    sort: (row) => row.id,
    fields,
  });
}
