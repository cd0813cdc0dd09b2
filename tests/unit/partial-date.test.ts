import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../../src/knowledge/partial-date.ts';

describe('parsePartialDate', () => {
  it('keeps a year as a year-long range', () => {
    expect(parsePartialDate('1987')).toEqual({
      value: '1987',
      precision: 'year',
      approximate: false,
      start: '1987-01-01',
      end: '1987-12-31',
    });
  });

  it('keeps a month, with the right last day in a leap year', () => {
    expect(parsePartialDate('2016-02')).toMatchObject({
      precision: 'month',
      start: '2016-02-01',
      end: '2016-02-29',
    });
  });

  it('reads a season as its months, winter running into the next year', () => {
    expect(parsePartialDate('2015-fall')).toMatchObject({
      precision: 'season',
      start: '2015-09-01',
      end: '2015-11-30',
    });
    expect(parsePartialDate('2019-winter')).toMatchObject({
      start: '2019-12-01',
      end: '2020-02-29',
    });
  });

  it('marks a tilde as approximate', () => {
    expect(parsePartialDate('~1948-05-25')).toMatchObject({
      precision: 'day',
      approximate: true,
      start: '1948-05-25',
    });
  });

  it('reads a span from its first day to its last, for "the first nine months of 2019"', () => {
    expect(parsePartialDate('2019-01/2019-09')).toEqual({
      value: '2019-01/2019-09',
      precision: 'range',
      approximate: false,
      start: '2019-01-01',
      end: '2019-09-30',
    });
    expect(parsePartialDate('~1948-05-23/1948-05-27')).toMatchObject({
      approximate: true,
      start: '1948-05-23',
      end: '1948-05-27',
    });
  });

  it.each([
    ['2019-09/2019-01', 'ends before it begins'],
    ['2019/2020/2021', 'is not a date'],
    ['2019-13-45', 'no month 13'],
    ['2019-02-30', 'no day 30'],
    ['fall 2015', 'is not a date'],
    ['19-01-01', 'is not a date'],
  ])('rejects %s', (text, message) => {
    expect(parsePartialDate(text)).toContain(message);
  });
});
