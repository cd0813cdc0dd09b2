import { getNamedType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  DATE_NAMES,
  ENTITY_KINDS,
  KIND_DATES,
  SORT_DATE_NAMES,
  TIMELINE_DATES,
} from '../../src/knowledge/vocabulary.ts';
import { schema } from '../../src/schema/index.ts';

/** The DateDetail fields of each kind's object type, with their descriptions. */
const schemaDates = Object.fromEntries(
  ENTITY_KINDS.map((kind) => {
    const type = schema.getType(kind);
    const fields = isObjectType(type) ? Object.values(type.getFields()) : [];
    return [
      kind,
      Object.fromEntries(
        fields
          .filter((field) => getNamedType(field.type).name === 'DateDetail')
          .map((field) => [field.name, field.description]),
      ),
    ];
  }),
);

describe("a kind's dates, declared once in the vocabulary", () => {
  it('are the DateDetail fields of its type, described as the vocabulary describes them', () => {
    const declared = Object.fromEntries(
      ENTITY_KINDS.map((kind) => [
        kind,
        Object.fromEntries(
          Object.entries(KIND_DATES[kind as keyof typeof KIND_DATES] ?? {}).map(
            ([name, { description }]) => [name, description],
          ),
        ),
      ]),
    );
    expect(schemaDates).toEqual(declared);
  });

  it('give the timeline date, the date order and the dates citations are checked for', () => {
    expect(TIMELINE_DATES).toEqual({
      Treaty: 'signed',
      Incident: 'date',
      Event: 'date',
      UNResolution: 'date',
      Conflict: 'start',
      Figure: 'period',
      StatusPeriod: 'validFrom',
    });
    expect([...SORT_DATE_NAMES].sort()).toEqual(
      ['date', 'inForce', 'period', 'signed', 'start', 'validFrom'].sort(),
    );
    // A treaty signed and in force is ordered by its signature.
    expect(SORT_DATE_NAMES.indexOf('signed')).toBeLessThan(SORT_DATE_NAMES.indexOf('inForce'));
    expect([...DATE_NAMES].sort()).toEqual(
      [
        'date',
        'end',
        'inForce',
        'period',
        'proposed',
        'signed',
        'start',
        'validFrom',
        'validTo',
      ].sort(),
    );
  });
});
