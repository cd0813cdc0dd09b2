import type { builder } from '../builder.ts';
import type { EntityRow } from '../db/entity-row.ts';
import { DateDetailRef, dateDetailOf, dateDetailProperties } from './date-detail.ts';
import { readsExtension } from './lookahead.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type EntityFieldBuilder = PothosSchemaTypes.FieldBuilder<Types, EntityRow, 'Object'>;

/** A date property of an entity, with its precision. */
export const dateField = (t: EntityFieldBuilder, name: string, description: string) =>
  t.field({
    type: DateDetailRef,
    nullable: true,
    description,
    extensions: readsExtension({ properties: dateDetailProperties(name) }),
    resolve: (row) => dateDetailOf(row, name),
  });

/** A plain string property of an entity, null when absent. */
export const stringField = (t: EntityFieldBuilder, name: string, description: string) =>
  t.string({
    nullable: true,
    description,
    extensions: readsExtension({ properties: [name] }),
    resolve: (row) => (typeof row[name] === 'string' ? (row[name] as string) : null),
  });
