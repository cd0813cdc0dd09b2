import { describe, expect, it } from 'vitest';
import { formatDate, formatPeriod, periodSpan, spanOf } from '../../explorer/src/lib/dates.ts';
import { extent, packLanes, yearTicks } from '../../explorer/src/lib/lanes.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const date = (
  value: string,
  precision: string,
  start: string,
  end: string,
  approximate = false,
) => ({
  value,
  precision,
  start,
  end,
  approximate,
});

describe('partial dates as spans', () => {
  it('spans every day a partial date may mean, the last day included', () => {
    expect(spanOf(date('1948', 'YEAR', '1948-01-01', '1948-12-31'))).toEqual({
      start: day('1948-01-01'),
      end: day('1949-01-01'),
    });
    expect(spanOf(date('1948-05', 'MONTH', '1948-05-01', '1948-05-31'))).toEqual({
      start: day('1948-05-01'),
      end: day('1948-06-01'),
    });
    expect(spanOf(date('1948-05-18', 'DAY', '1948-05-18', '1948-05-18'))).toEqual({
      start: day('1948-05-18'),
      end: day('1948-05-19'),
    });
  });

  it('runs a period to the first day of the next, or to now while it holds', () => {
    const from = date('1967-06', 'MONTH', '1967-06-01', '1967-06-30');
    const to = date('1987', 'YEAR', '1987-01-01', '1987-12-31');
    expect(periodSpan(from, to, day('2024-01-01'))).toEqual({
      start: day('1967-06-01'),
      end: day('1987-01-01'),
    });
    expect(periodSpan(from, null, day('2024-01-01'))).toEqual({
      start: day('1967-06-01'),
      end: day('2024-01-01'),
    });
    expect(periodSpan(null, to, day('2024-01-01'))).toBeNull();
  });

  it('writes a date at its own precision, as a reader would', () => {
    expect(formatDate(date('1948-05-18', 'DAY', '1948-05-18', '1948-05-18'))).toBe('18 May 1948');
    expect(formatDate(date('1953-02', 'MONTH', '1953-02-01', '1953-02-28'))).toBe('Feb 1953');
    expect(formatDate(date('1991', 'YEAR', '1991-01-01', '1991-12-31'))).toBe('1991');
    expect(formatDate(date('2015-fall', 'SEASON', '2015-09-01', '2015-11-30'))).toBe('autumn 2015');
    expect(formatDate(date('~1948-05', 'MONTH', '1948-05-01', '1948-05-31', true))).toBe(
      'c. May 1948',
    );
    expect(
      formatPeriod(
        date('1967-06', 'MONTH', '1967-06-01', '1967-06-30'),
        date('1987', 'YEAR', '1987-01-01', '1987-12-31'),
      ),
    ).toBe('Jun 1967 – 1987');
    expect(formatPeriod(date('1991', 'YEAR', '1991-01-01', '1991-12-31'), null)).toBe('from 1991');
  });

  it('writes a span as its two ends, a shared year once, "c." once for an approximate span', () => {
    expect(formatDate(date('2019-01/2019-09', 'RANGE', '2019-01-01', '2019-09-30'))).toBe(
      'Jan – Sep 2019',
    );
    expect(formatDate(date('~1948-05/1953-02', 'RANGE', '1948-05-01', '1953-02-28', true))).toBe(
      'c. May 1948 – Feb 1953',
    );
    expect(
      formatDate(date('~1948-05-22/1948-05-28', 'RANGE', '1948-05-22', '1948-05-28', true)),
    ).toBe('c. 22 May – 28 May 1948');
    expect(formatDate(date('2018-09-17/2019-early', 'RANGE', '2018-09-17', '2019-04-30'))).toBe(
      '17 Sep 2018 – early 2019',
    );
    expect(formatDate(date('1991/1993', 'RANGE', '1991-01-01', '1993-12-31'))).toBe('1991 – 1993');
    expect(
      formatPeriod(
        date('~1948-05/1953-02', 'RANGE', '1948-05-01', '1953-02-28', true),
        date('2022-05', 'MONTH', '2022-05-01', '2022-05-31'),
      ),
    ).toBe('c. May 1948 – Feb 1953 – May 2022');
  });

  it('falls back to the first and last day for a value of a form it does not know', () => {
    expect(formatDate(date('1948-13', 'MONTH', '1948-12-01', '1948-12-31'))).toBe(
      '1948-12-01 – 1948-12-31',
    );
    expect(formatDate(date('2015-monsoon', 'SEASON', '2015-06-01', '2015-06-01'))).toBe(
      '2015-06-01',
    );
  });
});

describe('timeline lanes', () => {
  const axis = { start: 0, end: 100 };
  const item = (id: string, start: number, end: number) => ({ item: id, span: { start, end } });

  it('puts spans that do not overlap on one lane and overlapping ones on the next', () => {
    const { placed, lanes } = packLanes(
      [item('a', 0, 10), item('b', 5, 15), item('c', 12, 20), item('d', 16, 30)],
      axis,
    );
    expect(lanes).toBe(2);
    expect(Object.fromEntries(placed.map((p) => [p.item, p.lane]))).toEqual({
      a: 0,
      b: 1,
      c: 0,
      d: 1,
    });
  });

  it('keeps room for each label after its bar, and puts labels that would overflow before it', () => {
    const { placed, lanes } = packLanes(
      [item('a', 0, 1), item('b', 10, 11), item('c', 95, 96)],
      axis,
      20,
    );
    expect(lanes).toBe(2);
    const byId = Object.fromEntries(placed.map((p) => [p.item, p]));
    expect(byId.a?.lane).toBe(0);
    expect(byId.b?.lane).toBe(1);
    expect(byId.c?.labelBefore).toBe(true);
    expect(byId.a?.labelBefore).toBe(false);
  });

  it('pads the extent of the spans and ticks round years inside it', () => {
    expect(extent([])).toBeNull();
    const range = extent([
      spanOf(date('1948', 'YEAR', '1948-01-01', '1948-12-31')),
      spanOf(date('2020', 'YEAR', '2020-01-01', '2020-12-31')),
    ]);
    expect(range && range.start < day('1948-01-01')).toBe(true);
    expect(yearTicks(range as { start: number; end: number })).toEqual([
      1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020,
    ]);
  });
});
