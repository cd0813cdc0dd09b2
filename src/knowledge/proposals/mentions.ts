import { distance } from 'fastest-levenshtein';
import type { Declaration } from '../catalog.ts';
import { MONTHS } from '../find-dates.ts';
import { countryOfDemonym } from './demonyms.ts';
import { passage, type Quoted } from './quoted.ts';

/** A candidate for what a mention names, with how sure the match is (1: a declared name as is). */
export interface Candidate {
  id: string;
  kind: string;
  name: string;
  confidence: number;
  /** How it matched: a name, an alias, a curator alias, a close spelling, a surname. */
  by: 'name' | 'alias' | 'curator alias' | 'close spelling' | 'surname';
}

/** A passage naming an entity the catalogue declares, with its candidates, best first. */
export interface Mention extends Quoted {
  candidates: Candidate[];
  /** Set when the curator must choose: several candidates, or a match that is not exact. */
  flag?: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The names a declaration answers to, with how each was declared. */
function namesOf(d: Declaration): [string, Candidate['by']][] {
  const curator = Array.isArray(d.raw.curatorAliases) ? d.raw.curatorAliases.map(String) : [];
  return [
    [d.name, 'name'] as [string, Candidate['by']],
    ...d.aliases.map((a): [string, Candidate['by']] => [a, 'alias']),
    ...curator.map((a): [string, Candidate['by']] => [a, 'curator alias']),
    // "the Soviet Union" is declared; "Soviet Union" alone is the same name.
  ].filter(([n]) => n.length >= 3 || /^[A-Z]{2}$/.test(n));
}

const CONFIDENCE: Record<Candidate['by'], number> = {
  name: 1,
  alias: 1,
  'curator alias': 0.95,
  'close spelling': 0.8,
  surname: 0.85,
};

/** Lower-case words inside a name: "Lula da Silva", "Rio de Janeiro", "von der Leyen". */
const PARTICLES = '(?:da|de|do|dos|das|del|della|di|du|van|von|der|den|bin|ibn|ben)';
/** Head words that let "and" join a name: "Belt and Road Initiative". */
const AND_HEADS =
  'Initiative|Agreement|Treaty|Organi[sz]ation|Agency|Bank|Fund|Forum|Council|Commission|Party|Company|Cooperation|Development';
/**
 * A run of capitalised words, joined by spaces, "of (the)", a lower-case particle or an Arabic
 * article ("al-Sharaa"): a name the text may write.
 */
export const NAME_RUN = new RegExp(
  `(?<![\\w’'-])[A-Z](?:[\\w.-]*\\w)?(?:[ \\t]+(?:(?:of|for)[ \\t]+(?:the[ \\t]+)?|${PARTICLES}[ \\t]+(?:${PARTICLES}[ \\t]+)?|and[ \\t]+(?=[A-Z]\\w*[ \\t]+(?:${AND_HEADS})\\b))?(?:(?:al|el|ad|ar|as|ash|at|az)-)?[A-Z](?:[\\w-]*\\w)?)*`,
  'g',
);

const STOP_WORDS = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'By',
  'For',
  'But',
  'And',
  'It',
  'He',
  'She',
  'They',
  'We',
  'This',
  'That',
  'These',
  'Those',
  'Its',
  'His',
  'Her',
  'Their',
  'After',
  'Before',
  'Read',
  'More',
  'According',
  'Last',
  'Next',
  'Earlier',
  'Later',
  'About',
  'Some',
  'Both',
  'As',
  'If',
  'When',
  'While',
  'Under',
  'With',
  'From',
  'Since',
  'During',
  'Such',
  'There',
  'I',
  'Mr',
  'Ms',
  'Mrs',
  ...MONTHS,
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
]);

/**
 * The catalogue's entities the text names: every declared name, alias and curator alias written
 * as is (the longest wins where two overlap), then, among the capitalised names left, close
 * spellings of a declared name ("Sergei" for "Sergey") and the surname of a declared person.
 * A surface that several entities answer to, or a match that is not exact, is flagged.
 */
export function findMentions(text: string, catalog: Declaration[]): Mention[] {
  const byName = new Map<string, Candidate[]>();
  const ids = new Map<string, Declaration>();
  for (const d of catalog) {
    if (ids.has(d.id)) continue;
    ids.set(d.id, d);
  }
  for (const d of ids.values()) {
    for (const [n, by] of namesOf(d)) {
      const list = byName.get(n) ?? [];
      if (!list.some((c) => c.id === d.id))
        list.push({ id: d.id, kind: d.kind, name: d.name, by, confidence: CONFIDENCE[by] });
      byName.set(n, list);
    }
  }
  const hits: Mention[] = [];
  const overlaps = (s: number, e: number) => hits.some((h) => s < h.end && h.start < e);
  // Longest names first, so "UN Security Council" is not read as "UN".
  for (const name of [...byName.keys()].sort((a, b) => b.length - a.length)) {
    const pattern = new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`, 'g');
    for (const m of text.matchAll(pattern)) {
      const [s, e] = [m.index, m.index + name.length];
      if (overlaps(s, e)) continue;
      hits.push(mention(text, s, e, byName.get(name) ?? []));
    }
  }
  // Names the text writes that no declaration writes as is.
  const people = [...ids.values()].filter((d) => d.kind === 'Person');
  for (const m of text.matchAll(NAME_RUN)) {
    const words = m[0].split(/\s+/);
    const [s, e] = [m.index, m.index + m[0].length];
    if (overlaps(s, e) || words.every((w) => STOP_WORDS.has(w))) continue;
    // A demonym ("Russian") is a near spelling of its country's name but names no entity.
    const near = countryOfDemonym(m[0]) ? [] : closeSpellings(m[0], ids.values());
    if (near.length > 0) {
      hits.push(mention(text, s, e, near));
      continue;
    }
    // A declared person's surname alone ("Assad"), the last word of a run of capitals.
    const last = words.at(-1) ?? '';
    const bySurname = people.filter(
      (p) => p.name.split(/\s+/).length > 1 && p.name.split(/\s+/).at(-1) === last,
    );
    if (words.length === 1 && bySurname.length > 0)
      hits.push(
        mention(
          text,
          s,
          e,
          bySurname.map((p) => ({
            id: p.id,
            kind: p.kind,
            name: p.name,
            by: 'surname',
            confidence: CONFIDENCE.surname,
          })),
        ),
      );
  }
  for (const h of hits) standsForGovernment(text, h, [...ids.values()]);
  return hits.sort((a, b) => a.start - b.start);
}

/** A verb of a government after a place's name: "Moscow said" may mean the state, not the city. */
const ACTS =
  /^\s+(?:said|says|announced|rejected|accused|warned|demanded|condemned|welcomed|denied|insisted|responded)\b/;

/**
 * A city named as an actor ("Moscow said") is flagged with the country whose name its
 * declaration's description gives, for the curator to decide which one the text means.
 */
function standsForGovernment(text: string, hit: Mention, declarations: Declaration[]): void {
  const top = hit.candidates[0];
  if (top?.kind !== 'Place' || !ACTS.test(text.slice(hit.end, hit.end + 20))) return;
  const place = declarations.find((d) => d.id === top.id);
  const country = declarations.find(
    (d) =>
      d.kind === 'Country' &&
      place &&
      new RegExp(`\\b${escapeRegExp(d.name)}\\b`).test(place.description),
  );
  if (!country) return;
  hit.candidates.push({
    id: country.id,
    kind: country.kind,
    name: country.name,
    by: 'name',
    confidence: 0.5,
  });
  hit.flag = `"${hit.quote}" as the city or as the government of ${country.name}: choose one`;
}

function mention(text: string, start: number, end: number, candidates: Candidate[]): Mention {
  const sorted = [...candidates].sort((a, b) => b.confidence - a.confidence);
  const top = sorted[0];
  let flag: string | undefined;
  if (sorted.length > 1) flag = `names ${sorted.length} entities: choose one`;
  else if (top && top.confidence < 0.9) flag = `matched by ${top.by} (${top.confidence}): confirm`;
  return { ...passage(text, start, end), candidates: sorted, ...(flag ? { flag } : {}) };
}

/** Declared names within a few edits of `name`, word for word ("Sergei Lavrov" ~ "Sergey Lavrov"). */
function closeSpellings(name: string, declarations: Iterable<Declaration>): Candidate[] {
  const words = name.split(/\s+/);
  const found: Candidate[] = [];
  for (const d of declarations) {
    for (const [n] of namesOf(d)) {
      const theirs = n.split(/\s+/);
      if (theirs.length !== words.length || n === name) continue;
      // Every word close, at most a fifth of its letters changed, and the first letters equal.
      const close = words.every((w, i) => {
        const t = theirs[i] ?? '';
        return (
          w[0] === t[0] &&
          distance(w, t) <= Math.max(1, Math.floor(Math.max(w.length, t.length) / 5))
        );
      });
      if (close && Math.min(...words.map((w) => w.length)) >= 3) {
        found.push({
          id: d.id,
          kind: d.kind,
          name: d.name,
          by: 'close spelling',
          confidence: CONFIDENCE['close spelling'],
        });
        break;
      }
    }
  }
  return found;
}
