import { describe, expect, it } from 'vitest';
import { findQuote, sentenceAround } from '../../explorer/src/lib/highlight.ts';
import { groupLinks, humanize } from '../../explorer/src/lib/link-groups.ts';
import { bandPosition, layoutStatusBand } from '../../explorer/src/lib/status-band.ts';

const d = (value: string, start: string, end = start) => ({ value, precision: 'DAY', start, end });
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('the status band', () => {
  const history = [
    {
      slug: 'full-1',
      status: 'FULL',
      validFrom: d('1948-05', '1948-05-01', '1948-05-31'),
      validTo: d('1953-02', '1953-02-01', '1953-02-28'),
    },
    {
      slug: 'severed',
      status: 'SEVERED',
      validFrom: d('1953-02', '1953-02-01', '1953-02-28'),
      validTo: d('1953-07', '1953-07-01', '1953-07-31'),
    },
    {
      slug: 'full-2',
      status: 'FULL',
      validFrom: d('1953-07', '1953-07-01', '1953-07-31'),
      validTo: d('1967-06', '1967-06-01', '1967-06-30'),
    },
    { slug: 'full-3', status: 'FULL', validFrom: d('1991-10-18', '1991-10-18'), validTo: null },
  ];

  it('lays the periods end to end from the first start to now, a gap where none is recorded', () => {
    const now = day('2001-01-01');
    const band = layoutStatusBand(history, now);
    expect(band?.range).toEqual({ start: day('1948-05-01'), end: now });
    expect(band?.segments.map((s) => [s.slug, s.status])).toEqual([
      ['full-1', 'FULL'],
      ['severed', 'SEVERED'],
      ['full-2', 'FULL'],
      [null, null],
      ['full-3', 'FULL'],
    ]);
    const segments = band?.segments ?? [];
    // Each segment starts where the one before ends, and together they fill the band.
    for (let i = 1; i < segments.length; i++) {
      const prev = segments[i - 1] as (typeof segments)[number];
      expect(segments[i]?.x).toBeCloseTo(prev.x + prev.width, 10);
    }
    const last = segments[segments.length - 1];
    expect((last?.x ?? 0) + (last?.width ?? 0)).toBeCloseTo(1, 10);
    expect(segments[3]?.span).toEqual({ start: day('1967-06-01'), end: day('1991-10-18') });
  });

  it('places a day on the band, clamped to it, and draws nothing without periods', () => {
    const band = layoutStatusBand(history, day('2001-01-01'));
    const range = band?.range as { start: number; end: number };
    expect(bandPosition(range, '1948-05-01')).toBe(0);
    expect(bandPosition(range, '1900-01-01')).toBe(0);
    expect(bandPosition(range, '2050-01-01')).toBe(1);
    expect(bandPosition(range, '1970-01-01')).toBeCloseTo(
      (day('1970-01-01') - range.start) / (range.end - range.start),
    );
    expect(layoutStatusBand([], day('2001-01-01'))).toBeNull();
  });
});

describe('quotes in their document', () => {
  const text = 'In 1948 the USSR recognised Israel. Relations were severed\nin 1953. They resumed.';

  it('finds a verbatim quote, also across a line break the quote writes as a space', () => {
    expect(findQuote(text, 'the USSR recognised Israel')).toEqual([8, 34]);
    const found = findQuote(text, 'Relations were severed in 1953');
    expect(found && text.slice(...found)).toBe('Relations were severed\nin 1953');
    expect(findQuote(text, 'not in the text')).toBeNull();
  });

  it('widens a quote to its sentence', () => {
    const found = findQuote(text, 'recognised') as [number, number];
    expect(text.slice(...sentenceAround(text, found))).toBe('In 1948 the USSR recognised Israel.');
    const later = findQuote(text, 'They resumed') as [number, number];
    expect(text.slice(...sentenceAround(text, later))).toBe('They resumed.');
  });
});

describe('link groups', () => {
  it('groups by type and direction, largest first, with readable labels', () => {
    const groups = groupLinks([
      { type: 'PARTY_TO', direction: 'OUTGOING', id: 1 },
      { type: 'PARTICIPATED_IN', direction: 'OUTGOING', id: 2 },
      { type: 'PARTY_TO', direction: 'OUTGOING', id: 3 },
      { type: 'PARTY_TO', direction: 'INCOMING', id: 4 },
    ]);
    expect(groups.map((g) => [g.label, g.links.map((l) => l.id)])).toEqual([
      ['→ party to', [1, 3]],
      ['← party to', [4]],
      ['→ participated in', [2]],
    ]);
    expect(humanize('SUCCESSOR_OF')).toBe('successor of');
  });
});
