import { ValidationError } from '../errors.ts';

/** The longest search text accepted. */
export const MAX_SEARCH_TEXT = 200;

// Every character Lucene's classic query parser gives a meaning to (`&&` and `||` are escaped
// one character at a time).
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const OPERATORS = new Set(['AND', 'OR', 'NOT']);

/** Escapes a word so that Lucene reads it as data: special characters and the operator words. */
export function escapeLucene(word: string): string {
  const escaped = word.replace(SPECIAL, (char) => `\\${char}`);
  return OPERATORS.has(escaped) ? `\\${escaped}` : escaped;
}

/**
 * Lower-cases and strips accents. The index analyzer does this to plain terms, but fuzzy and prefix
 * terms skip analysis, so they must arrive folded already.
 */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// Punctuation at a word's edges only adds noise (and a leading `*` is a parse error in a prefix).
const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** The words of a search text, folded, without edge punctuation; empty words dropped. */
export function searchWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => foldWord(word.replace(EDGES, '')))
    .filter((word) => word.length > 0);
}

/** One word's forms: an exact match weighs most, a near spelling or a prefix still counts. */
function forms(word: string): string {
  const term = escapeLucene(word);
  if (word.length === 1 || /^\p{N}+$/u.test(word)) return `(${term}^3)`;
  if (word.length >= 4) return `(${term}^3 OR ${term}~1)`;
  return `(${term}^3 OR ${term}*)`;
}

/**
 * One word as a clause: found in a name or alias, it weighs more than in a description, and there
 * more than in a curator's note. Written without its punctuation ("il-20" → "il20",
 * "resolution242"), it matches a name's search keys (src/knowledge/search-keys.ts: the same forms
 * of names, and their initials: "unsc"); split where letters meet digits ("il20" → "il 20"), it
 * matches the words of a name or a text as a phrase.
 */
function clause(word: string): string {
  const group = forms(word);
  const parts = [
    `name:${group}^4`,
    `aliasText:${group}^4`,
    `description:${group}`,
    `noteText:${group}^0.5`,
  ];
  const joined = word.replace(/[^\p{L}\p{N}]/gu, '');
  if (joined.length > 1) parts.push(`searchKeys:${escapeLucene(joined)}^4`);
  const split = joined.replace(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu, ' ');
  if (split !== joined) {
    const phrase = `"${split}"`;
    parts.push(`name:${phrase}^4`, `aliasText:${phrase}^4`, `description:${phrase}`);
  }
  return `(${parts.join(' OR ')})`;
}

/**
 * Turns a user's search text into a Lucene query that matches any of its words (entities matching
 * more of them score higher), tolerating one misspelt letter per word of 4+ letters and an
 * unfinished word of 2-3 letters. Words are lower-cased, so AND/OR/NOT are never operators, and
 * escaped. Null when no word has a letter or digit (e.g. `*`): nothing can match.
 */
export function luceneQuery(text: string): string | null {
  if (text.trim().length === 0) {
    throw new ValidationError('text must contain at least one letter or digit');
  }
  if (text.length > MAX_SEARCH_TEXT) {
    throw new ValidationError(
      `text must be at most ${MAX_SEARCH_TEXT} characters; got ${text.length}`,
    );
  }
  const words = [...new Set(searchWords(text))];
  return words.length === 0 ? null : words.map(clause).join(' OR ');
}
