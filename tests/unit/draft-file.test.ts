import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  accept,
  type Choice,
  choose,
  dateOf,
  quotesOf,
  readDraft,
  segments,
  setField,
  toggleDrop,
  writeDraft,
} from '../../explorer/src/lib/draft-file.ts';

const YAML = `document:
  id: d
  title: T
  decide: title
entities:
  - id: moscow
    kind: Place
    name: Moscow
    cite: Moscow said so.
    decide: "capital or government: moscow (Place, 1), russia (Country, 0.8)"
  - id: talks
    kind: Event
    date: { value: 2022-05, asWritten: In May }
    cite: [Moscow said so., { context: It was 2022. }]
links:
  - { type: PARTICIPATED_IN, from: moscow, to: talks, cite: Moscow said so. }
`;

const DECISION = {
  quote: 'Moscow',
  reason: 'capital or government',
  candidates: [
    { id: 'moscow', kind: 'Place', name: 'Moscow', confidence: 1 },
    { id: 'russia', kind: 'Country', name: 'Russia', confidence: 0.8 },
  ],
};

describe('a draft under review', () => {
  it('gives each decision to the entity declaring its first candidate', () => {
    const items = readDraft(YAML, [DECISION]);
    expect(items.map((i) => i.key)).toEqual(['document', 'entities:0', 'entities:1', 'links:0']);
    expect(items[1]?.decision).toBe(DECISION);
    expect(items[2]?.decision).toBeUndefined();
  });

  it('settles a decision with the chosen candidate, its links following', () => {
    const items = choose(
      readDraft(YAML, [DECISION]),
      'entities:0',
      DECISION.candidates[1] as Choice,
    );
    const file = parse(writeDraft(items));
    expect(file.entities[0]).toEqual({
      id: 'russia',
      kind: 'Country',
      name: 'Russia',
      cite: 'Moscow said so.',
    });
    expect(file.links[0].from).toBe('russia');
  });

  it('edits a date keeping its words as written, and renames an id in its links', () => {
    let items = setField(readDraft(YAML), 'entities:1', 'date', '2022-05-02');
    items = setField(items, 'entities:1', 'id', 'may-talks');
    const file = parse(writeDraft(items));
    expect(file.entities[1].date).toEqual({ value: '2022-05-02', asWritten: 'In May' });
    expect(dateOf(items[2]?.entry ?? {})).toBe('2022-05-02');
    expect(file.links[0].to).toBe('may-talks');
  });

  it('accepting removes decide; dropping leaves the entry out until restored', () => {
    let items = accept(readDraft(YAML), 'document');
    expect(parse(writeDraft(items)).document).toEqual({ id: 'd', title: 'T' });
    items = toggleDrop(items, 'links:0');
    expect(parse(writeDraft(items)).links).toEqual([]);
    expect(parse(writeDraft(toggleDrop(items, 'links:0'))).links).toHaveLength(1);
  });

  it('lists the quotes of an entry, context quotes included', () => {
    expect(quotesOf(readDraft(YAML)[2]?.entry ?? {})).toEqual(['Moscow said so.', 'It was 2022.']);
  });
});

describe('segments of a text', () => {
  it('cuts the text where quotes start and end, the selected one current', () => {
    const text = 'abcdefghij';
    expect(
      segments(
        text,
        [
          [2, 5],
          [4, 7],
        ],
        [[4, 5]],
      ),
    ).toEqual([
      { text: 'ab', marked: false, current: false },
      { text: 'cd', marked: true, current: false },
      { text: 'e', marked: true, current: true },
      { text: 'fg', marked: true, current: false },
      { text: 'hij', marked: false, current: false },
    ]);
    expect(
      segments(text, [])
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });
});
