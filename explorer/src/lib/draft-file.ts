import { parse, stringify } from 'yaml';

/** One entry of a source file as YAML gives it. */
export type Entry = Record<string, unknown>;
export type Section = 'document' | 'entities' | 'links';
export type Review = 'open' | 'accepted' | 'dropped';

/** A candidate entity for a flagged passage, as the API proposes it. */
export interface Choice {
  id: string;
  kind: string;
  name: string;
  confidence: number;
}

/** A passage naming a known entity the curator must choose for. */
export interface Decision {
  quote: string;
  reason: string;
  candidates: Choice[];
}

/** One proposal under review: a section's entry, its review state and its decision if flagged. */
export interface Item {
  key: string;
  section: Section;
  entry: Entry;
  review: Review;
  decision?: Decision;
}

/** Link fields that name an entity of the file. */
const ENDS = ['from', 'to', 'accordingTo', 'quoting'];

/** The drafted YAML as items to review; each decision goes to the entity declaring its first candidate. */
export function readDraft(yaml: string, decisions: Decision[] = []): Item[] {
  const file = (parse(yaml) ?? {}) as { document?: Entry; entities?: Entry[]; links?: Entry[] };
  const items: Item[] = [];
  if (file.document)
    items.push({ key: 'document', section: 'document', entry: file.document, review: 'open' });
  (file.entities ?? []).forEach((entry, i) => {
    const decision = decisions.find((d) => d.candidates[0]?.id === entry.id);
    items.push({ key: `entities:${i}`, section: 'entities', entry, review: 'open', decision });
  });
  (file.links ?? []).forEach((entry, i) => {
    items.push({ key: `links:${i}`, section: 'links', entry, review: 'open' });
  });
  return items;
}

/** The source file the items make: every entry not dropped, in its section. */
export function writeDraft(items: Item[]): string {
  const kept = items.filter((i) => i.review !== 'dropped');
  const of = (section: Section) => kept.filter((i) => i.section === section).map((i) => i.entry);
  return stringify(
    { document: of('document')[0] ?? {}, entities: of('entities'), links: of('links') },
    { lineWidth: 0 },
  );
}

/** The verbatim passages an entry quotes: its cite, its context quotes. */
export function quotesOf(entry: Entry): string[] {
  return [entry.cite]
    .flat()
    .map((c) => (typeof c === 'string' ? c : (c as { context?: unknown } | undefined)?.context))
    .filter((q): q is string => typeof q === 'string' && q.length > 0);
}

/** The date an entry gives (`date: 2022-05-02` or `date: {value, asWritten}`), as text. */
export function dateOf(entry: Entry): string {
  const date = entry.date;
  if (date && typeof date === 'object') return String((date as { value?: unknown }).value ?? '');
  return date === undefined || date === null ? '' : String(date);
}

/** Items with one item changed; `change` gets a copy of its entry. */
function update(items: Item[], key: string, change: (item: Item) => Item): Item[] {
  return items.map((item) =>
    item.key === key ? change({ ...item, entry: { ...item.entry } }) : item,
  );
}

/** Link ends naming `from` renamed to `to`. */
function renameEnds(items: Item[], from: string, to: string): Item[] {
  return items.map((item) => {
    if (item.section !== 'links' || !ENDS.some((f) => item.entry[f] === from)) return item;
    const entry = { ...item.entry };
    for (const f of ENDS) if (entry[f] === from) entry[f] = to;
    return { ...item, entry };
  });
}

/** One field of an entry set (an empty value removes it); an entity's new id follows in its links. */
export function setField(items: Item[], key: string, field: string, value: string): Item[] {
  const old = items.find((i) => i.key === key);
  if (!old) return items;
  let next = update(items, key, (item) => {
    if (field === 'date') {
      const date = item.entry.date;
      // The words as written stay with a changed value.
      if (value === '') delete item.entry.date;
      else if (date && typeof date === 'object') item.entry.date = { ...date, value };
      else item.entry.date = value;
    } else if (value === '') delete item.entry[field];
    else item.entry[field] = value;
    return item;
  });
  if (old.section === 'entities' && field === 'id' && typeof old.entry.id === 'string' && value)
    next = renameEnds(next, old.entry.id, value);
  return next;
}

/** Accepts a proposal: its `decide:` is settled. */
export function accept(items: Item[], key: string): Item[] {
  return update(items, key, (item) => {
    delete item.entry.decide;
    return { ...item, review: 'accepted' };
  });
}

/** Drops a proposal, or brings a dropped one back for review. */
export function toggleDrop(items: Item[], key: string): Item[] {
  return update(items, key, (item) => ({
    ...item,
    review: item.review === 'dropped' ? 'open' : 'dropped',
  }));
}

/** Settles a flagged entity with the chosen candidate: its id, kind and name, and its links'. */
export function choose(items: Item[], key: string, choice: Choice): Item[] {
  const old = items.find((i) => i.key === key);
  if (!old) return items;
  const next = update(items, key, (item) => {
    item.entry.id = choice.id;
    item.entry.kind = choice.kind;
    item.entry.name = choice.name;
    delete item.entry.decide;
    return { ...item, review: 'accepted' };
  });
  return typeof old.entry.id === 'string' ? renameEnds(next, old.entry.id, choice.id) : next;
}

/** A run of the text, marked when a proposal quotes it, current when the selected one does. */
export interface Segment {
  text: string;
  marked: boolean;
  current: boolean;
}

/** The text cut where quoted ranges start and end, so each run is marked or not as a whole. */
export function segments(
  text: string,
  ranges: [number, number][],
  current: [number, number][] = [],
): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const [a, b] of [...ranges, ...current]) {
    cuts.add(a);
    cuts.add(b);
  }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const inside = (list: [number, number][], a: number, b: number) =>
    list.some(([s, e]) => s <= a && b <= e);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i] as number;
    const b = points[i + 1] as number;
    if (a === b) continue;
    const seg = {
      text: text.slice(a, b),
      marked: inside(ranges, a, b),
      current: inside(current, a, b),
    };
    const last = out[out.length - 1];
    if (last && last.marked === seg.marked && last.current === seg.current) last.text += seg.text;
    else out.push(seg);
  }
  return out;
}
