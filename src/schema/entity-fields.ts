import type { Types } from '../builder.ts';
import type { EntityRow } from '../db/entity-row.ts';
import { readsExtension } from '../planner/reads.ts';
import { DateDetailRef, dateDetailOf, dateDetailProperties } from './date-detail.ts';

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
