import { describe, expect, it } from 'vitest';
import { findQuote, sentenceAround } from '../../explorer/src/lib/highlight.ts';
import { groupLinks, humanize } from '../../explorer/src/lib/link-groups.ts';
import { LINK_PHRASES, linkPhrase } from '../../explorer/src/lib/link-phrases.ts';
import { bandPosition, layoutStatusBand } from '../../explorer/src/lib/status-band.ts';
import { count, distinctNotes, roleText } from '../../explorer/src/lib/words.ts';
import { LINK_TYPE_NAMES } from '../../src/knowledge/vocabulary.ts';

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
      { type: 'FOLLOWED', direction: 'INCOMING', id: 5 },
    ] as const);
    expect(groups.map((g) => [g.label, g.links.map((l) => l.id)])).toEqual([
      ['party to', [1, 3]],
      ['followed by', [5]],
      ['parties', [4]],
      ['took part in', [2]],
    ]);
    expect(humanize('SUCCESSOR_OF')).toBe('successor of');
  });

  it('has a phrase for each end of every link type the graph speaks', () => {
    expect(Object.keys(LINK_PHRASES).sort()).toEqual([...LINK_TYPE_NAMES].sort());
    expect(linkPhrase('FOLLOWED', 'OUTGOING')).toBe('came after');
    expect(linkPhrase('FOLLOWED', 'INCOMING')).toBe('followed by');
  });
});

describe('words', () => {
  it('puts a count with its noun in the right number', () => {
    expect(count(1, 'link')).toBe('1 link');
    expect(count(2, 'link')).toBe('2 links');
    expect(count(1, 'entity', 'entities')).toBe('1 entity');
    expect(count(1200, 'entity', 'entities')).toBe('1,200 entities');
  });

  it('writes a role after "as" once', () => {
    expect(roleText('mediator')).toBe('as mediator');
    expect(roleText('as a sign of solidarity')).toBe('as a sign of solidarity');
    expect(roleText('ASSISTANT')).toBe('as ASSISTANT');
  });

  it('keeps each note of some citations once', () => {
    expect(distinctNotes([{ note: 'n' }, { note: 'n ' }, { note: null }, { note: 'm' }])).toEqual([
      'n',
      'm',
    ]);
  });
});
