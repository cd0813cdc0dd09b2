import { describe, expect, it } from 'vitest';
import { CAMEO_CODES, cameoCode } from '../../src/knowledge/cameo.ts';
import { cooperationSeries } from '../../src/knowledge/series.ts';

describe('the CAMEO codebook', () => {
  it('holds every code with its root, quad class and Goldstein weight', () => {
    expect(CAMEO_CODES.size).toBe(311);
    expect(cameoCode('055')).toEqual({
      code: '055',
      name: 'Apologize',
      root: '05',
      rootName: 'ENGAGE IN DIPLOMATIC COOPERATION',
      quadClass: 1,
      goldstein: 7,
    });
    expect(cameoCode('1123')).toMatchObject({ root: '11', quadClass: 3, goldstein: -2 });
    expect(cameoCode('161')).toMatchObject({ quadClass: 4, goldstein: -4 });
    expect(cameoCode('0332')).toMatchObject({ quadClass: 1, goldstein: 5.2 });
    expect(cameoCode('072')).toMatchObject({ quadClass: 2, goldstein: 8.3 });
  });

  it('refuses an unknown code, naming the codes under its root', () => {
    expect(cameoCode('059')).toMatch(
      /^unknown CAMEO code "059" \(data\/codebooks\/cameo\.tsv lists them\); codes under 05: 050, 051, 052/,
    );
  });
});

describe('the cooperation–conflict series', () => {
  const event = (id: string, cameo: string, dateStart: string, datePrecision = 'day') => ({
    id,
    cameo,
    dateStart,
    datePrecision,
  });
  const events = [
    event('a', '161', '1953-02-01', 'month'),
    event('b', '054', '1953-07-01', 'month'),
    event('c', '042', '2005-01-01', 'year'),
    event('d', '114', '2022-05-02'),
    event('e', '055', '2022-05-05'),
  ];

  it('counts and weighs the events of each year, listing them', () => {
    expect(cooperationSeries(events, 'year')).toEqual([
      {
        period: '1953',
        count: 2,
        quadClasses: { 1: 1, 2: 0, 3: 0, 4: 1 },
        cooperation: 1,
        conflict: 1,
        goldstein: 2,
        events: [events[0], events[1]],
      },
      expect.objectContaining({ period: '2005', count: 1, goldstein: 1.9 }),
      expect.objectContaining({
        period: '2022',
        count: 2,
        cooperation: 1,
        conflict: 1,
        goldstein: 5,
      }),
    ]);
  });

  it('by month, keeps an event known only to its year as a point of that year', () => {
    expect(cooperationSeries(events, 'month').map((p) => [p.period, p.count])).toEqual([
      ['1953-02', 1],
      ['1953-07', 1],
      ['2005', 1],
      ['2022-05', 2],
    ]);
  });
});
