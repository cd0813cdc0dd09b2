import { stringify } from 'yaml';
import type { Declaration } from '../catalog.ts';
import { DATE_NAMES } from '../vocabulary.ts';
import type { DateProposal } from './dates.ts';
import type { Proposals } from './propose.ts';
import type { Quoted } from './quoted.ts';
import { sentenceAt } from './sentences.ts';

/** What a copied declaration dates or counts: another document's, which this text may not hold. */
const DATE_FIELDS = [...DATE_NAMES, 'value', 'quantity', 'number'];

type Entry = Record<string, unknown>;

/** Link types that happen at a time rather than hold for one (cypher/vocabulary.md). */
const DATED_LINKS = new Set([
  'RECOGNIZED',
  'SUPPLIED',
  'ATTACKED',
  'CONDEMNS',
  'BLAMED',
  'PROPOSED',
  'ESTABLISHED',
]);

/**
 * The proposals as a source file. Each quote is a passage of the text by its offsets. An item the
 * curator must decide carries `decide:` saying what: the schema knows no such key, so the file
 * fails `check-data` until every `decide` is settled and removed.
 */
export function draftFile(
  proposals: Proposals,
  { id, source, catalog }: { id: string; source: string; catalog: Declaration[] },
): string {
  const { sentences } = proposals;
  const sentenceOf = (q: Quoted) => sentenceAt(sentences, q.start)?.quote ?? q.quote;
  const cite = (q: Quoted, date?: DateProposal) =>
    date?.anchor && !sentenceOf(q).includes(date.anchor.quote)
      ? [sentenceOf(q), { context: date.anchor.quote }]
      : sentenceOf(q);
  const dateField = (d: DateProposal) =>
    d.asWritten ? { value: d.value, asWritten: d.asWritten } : d.value;

  const entities: Entry[] = [];
  const declared = new Set<string>();
  for (const m of proposals.mentions) {
    const top = m.candidates[0];
    if (!top || declared.has(top.id)) continue;
    declared.add(top.id);
    const d = catalog.find((c) => c.id === top.id);
    const copy = Object.fromEntries(
      Object.entries(d?.raw ?? {}).filter(
        ([k]) => !['cite', 'note', 'accordingTo', 'quoting', ...DATE_FIELDS].includes(k),
      ),
    );
    entities.push({
      ...copy,
      cite: sentenceOf(m),
      ...(m.flag
        ? {
            decide: `${m.flag}: ${m.candidates.map((c) => `${c.id} (${c.kind}, ${c.confidence})`).join(', ')}`,
          }
        : {}),
    });
  }
  for (const e of proposals.newEntities) {
    if (declared.has(e.id)) continue;
    declared.add(e.id);
    entities.push({
      id: e.id,
      kind: e.kind,
      name: e.name,
      ...(e.iso3166 ? { iso3166: e.iso3166 } : {}),
      ...(e.kind === 'Treaty' ? { subject: e.name } : {}),
      ...(e.kind === 'UNResolution' ? { number: /\d+/.exec(e.name)?.[0] ?? '' } : {}),
      ...(e.kind === 'Event' ? { category: 'other', cameo: '010' } : {}),
      description: sentenceOf(e),
      cite: sentenceOf(e),
      ...(e.flag ? { decide: e.flag } : {}),
    });
  }
  // What a figure measures: the first country (else organisation) its sentence names, and the
  // other of "the two countries".
  const measured = (f: Quoted): string[] => {
    const s = sentenceAt(sentences, f.start);
    const inside = proposals.actors.filter((n) => s && n.start >= s.start && n.end <= s.end);
    const first =
      inside.find((n) => n.kind === 'Country') ?? inside.find((n) => n.kind === 'Organization');
    return [...new Set(inside.filter((n) => n.start === first?.start).map((n) => n.id))];
  };
  const links: Entry[] = [];
  proposals.figures.forEach((f, i) => {
    declared.add(`${id}-figure-${i + 1}`);
    for (const of of measured(f))
      links.push({ type: 'MEASURES', from: `${id}-figure-${i + 1}`, to: of, cite: sentenceOf(f) });
    entities.push({
      id: `${id}-figure-${i + 1}`,
      kind: 'Figure',
      name: f.quote,
      value: f.value,
      ...(f.valueAsWritten ? { valueAsWritten: f.valueAsWritten } : {}),
      unit: f.unit,
      measure: f.quote,
      ...(f.period ? { period: f.about ? f.period.value : dateField(f.period) } : {}),
      description: sentenceOf(f),
      cite: cite(f, f.period),
      decide: `what the figure measures${f.about ? ' (written as approximate: say so in the measure)' : ''}`,
    });
  });
  for (const e of proposals.events) {
    entities.push({
      id: e.id,
      kind: 'Event',
      category: e.category,
      cameo: e.cameo,
      name: sentenceOf(e.sentence).slice(0, 120),
      ...(e.date ? { date: dateField(e.date) } : {}),
      description: sentenceOf(e.sentence),
      cite: cite(e.sentence, e.date),
      ...(e.accordingTo ? { accordingTo: e.accordingTo } : {}),
      decide: `a name for the ${e.category} ("${e.verb.quote}")`,
    });
    declared.add(e.id);
    for (const p of e.participants)
      links.push({ type: 'PARTICIPATED_IN', from: p, to: e.id, cite: sentenceOf(e.sentence) });
    for (const place of e.places)
      links.push({ type: 'LOCATED_IN', from: e.id, to: place, cite: sentenceOf(e.sentence) });
  }
  for (const l of proposals.links) {
    // A link that happened at a time takes the date its sentence writes.
    const date = DATED_LINKS.has(l.type)
      ? proposals.dates.find((d) => d.start >= l.cite.start && d.end <= l.cite.end)
      : undefined;
    links.push({
      type: l.type,
      from: l.from,
      to: l.to,
      ...(l.role ? { role: l.role } : {}),
      ...(date ? { date: dateField(date) } : {}),
      cite: cite(l.cite, date),
      ...(l.accordingTo ? { accordingTo: l.accordingTo } : {}),
    });
  }
  const seen = new Set<string>();
  const kept = links.filter((l) => {
    const key = `${l.type} ${l.from} ${l.to}`;
    if (seen.has(key) || !declared.has(String(l.from)) || !declared.has(String(l.to))) return false;
    seen.add(key);
    return true;
  });
  const quoted = [...entities, ...kept].flatMap((e) =>
    [e.cite].flat().filter((c) => typeof c === 'string'),
  );
  const unquoted = sentences.filter(
    (s) => !quoted.some((q) => s.quote.includes(q as string) || (q as string).includes(s.quote)),
  );
  const publisher = /[(/]([^)/]{2,40})[)/]/.exec(
    proposals.nonFactual[1]?.quote ?? proposals.nonFactual[0]?.quote ?? '',
  )?.[1];
  const document = {
    id,
    title: proposals.nonFactual[0]?.quote ?? 'TODO',
    publisher: publisher ?? 'TODO',
    kind: 'news item',
    language: 'en',
    source,
    nonFactual: proposals.nonFactual.map((n) => n.quote),
    decide: 'title, publisher and kind; keep in nonFactual only what states no fact',
  };
  return [
    `# Proposed by \`npm run draft\` from ${source}: every quote is a passage of the text.`,
    '# Settle each `decide:` (choose, correct or drop the item, then delete the key) and run',
    '# `npm run check-data <this file>`: it fails while any `decide` is left.',
    stringify({ document, entities, links: kept }, { lineWidth: 0 }).trimEnd(),
    '',
    '# Factual sentences no proposal quotes yet: state their facts, or list them in nonFactual.',
    ...(unquoted.length > 0
      ? unquoted.map((s) => `#   ${s.quote.replace(/\s*\n\s*/g, ' ')}`)
      : ['#   none']),
    '',
  ].join('\n');
}
