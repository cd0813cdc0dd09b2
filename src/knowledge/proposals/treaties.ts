import { type NewEntity, slug } from './entities.ts';
import type { Actor } from './links.ts';
import { passage, type Quoted } from './quoted.ts';

/**
 * "signed an agreement on the demarcation of their border", "signed a trade agreement with China":
 * the article, up to three lower-case words, the treaty noun, then an "on …" or "of …" phrase up to
 * a place, date, partner or the clause's end.
 */
const SIGNED_NOUN =
  /\b(?:signed|signs|sign|concluded)\s+(?:an?|the)\s+((?:[a-z-]+\s+){0,3}?(?:agreement|treaty|memorandum(?: of understanding)?|joint statement|accord|protocol|deal)(?:\s+(?:on|of)\s+(?:[a-z-]+)(?:\s+(?!in\b|on\b|with\b|at\b|for\b)[a-z-]+){0,6})?)/;

/**
 * A treaty a sentence names only by a common noun ("signed a joint statement on economic
 * security"), proposed as a new treaty named after the countries the sentence names, in their
 * order ("Japan-South Korea joint statement on economic security"), so that the "signed" reading
 * can make them parties to it. A sentence that names its treaty is left alone.
 */
export function commonNounTreaties(
  text: string,
  sentences: Quoted[],
  actors: Actor[],
  nameOf: (id: string) => string,
): NewEntity[] {
  const found: NewEntity[] = [];
  for (const sentence of sentences) {
    const m = SIGNED_NOUN.exec(sentence.quote);
    if (!m?.[1]) continue;
    const within = actors
      .filter((a) => a.start >= sentence.start && a.end <= sentence.end)
      .sort((a, b) => a.start - b.start);
    if (within.some((a) => a.kind === 'Treaty')) continue;
    const countries = [...new Set(within.filter((a) => a.kind === 'Country').map((a) => a.id))];
    if (countries.length === 0) continue;
    const at = sentence.start + m.index + m[0].length - m[1].length;
    const noun = m[1].trim();
    const name = `${countries.map(nameOf).join('-')} ${noun}`;
    found.push({ ...passage(text, at, at + noun.length), id: slug(name), kind: 'Treaty', name });
  }
  return found;
}
