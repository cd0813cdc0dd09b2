import { describe, expect, it } from 'vitest';
import { mergeContributions } from '../../src/db/entity-contributions.ts';
import { dateProperties } from '../../src/knowledge/import-plan.ts';
import { type PartialDate, parsePartialDate } from '../../src/knowledge/partial-date.ts';

const date = (text: string) => parsePartialDate(text) as PartialDate;
const said = (properties: Record<string, unknown>) => ({
  kind: 'Event',
  properties: JSON.stringify(properties),
});

describe('an entity merged from its documents', () => {
  const a = said({
    name: 'Visit',
    aliases: ['the visit'],
    description: 'A visit.',
    category: 'visit',
    ...dateProperties('date', date('1950')),
  });
  const b = said({
    name: 'State visit',
    aliases: ['the visit', 'state visit'],
    description: 'A state visit in May.',
    category: null,
    ...dateProperties('date', date('1950-05'), 'in May'),
    place: 'Strelsau',
  });

  it('takes each value from the first document that states it, a date whole', () => {
    const { properties } = mergeContributions('visit', [a, b]);
    expect(properties).toMatchObject({
      name: 'Visit',
      category: 'visit',
      date: '1950',
      datePrecision: 'year',
      dateEnd: '1950-12-31',
      place: 'Strelsau',
    });
    expect(properties).not.toHaveProperty('dateAsWritten');
  });

  it('keeps every description and makes the other names aliases', () => {
    const { properties } = mergeContributions('visit', [a, b]);
    expect(properties.description).toBe('A visit. A state visit in May.');
    expect(properties.aliases).toEqual(['the visit', 'state visit', 'State visit']);
  });

  it('never lets a value one document omits erase another’s', () => {
    const { properties } = mergeContributions('visit', [b, a]);
    expect(properties).toMatchObject({
      category: 'visit',
      date: '1950-05',
      dateAsWritten: 'in May',
    });
  });
});
