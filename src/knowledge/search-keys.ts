/**
 * Forms of an entity's names that people type but a word index does not see, stored beside the
 * names for the full-text index: a word written without its inner punctuation ("Il-20" → "il20",
 * "U.S." → "us"), a word joined to the number after it ("Resolution 242" → "resolution242"), and
 * the initials of a proper name ("United Nations Security Council" → "unsc", "UN Security
 * Council" → "unsc"). Nothing here knows any particular name.
 */

// Words a proper name may hold in lower case that its initials leave out.
const FUNCTION_WORDS = new Set([
  'of',
  'the',
  'and',
  'for',
  'on',
  'in',
  'to',
  'a',
  'an',
  'de',
  'al',
]);

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const compact = (word: string) => fold(word).replace(/[^\p{L}\p{N}]/gu, '');
const isNumber = (word: string) => /^\p{N}+$/u.test(compact(word));

/** The keys of one name (folded, lower case), without the name's own words. */
function keysOf(name: string): string[] {
  const words = name.split(/\s+/).filter((w) => compact(w).length > 0);
  const keys: string[] = [];
  for (const word of words) {
    // Possessives are the word itself ("Russia's"): only inner punctuation between parts counts.
    const bare = word.replace(/['’]s$/u, '');
    if (/[\p{L}\p{N}][^\p{L}\p{N}]+[\p{L}\p{N}]/u.test(bare)) keys.push(compact(bare));
  }
  for (let i = 0; i + 1 < words.length; i++) {
    const [word, next] = [words[i] as string, words[i + 1] as string];
    const joinable = !FUNCTION_WORDS.has(word.toLowerCase()) && /\p{L}$/u.test(compact(word));
    if (joinable && isNumber(next)) {
      keys.push(compact(word) + compact(next));
    }
  }
  const acronym = initials(words);
  if (acronym) keys.push(acronym);
  return keys;
}

/**
 * The initials of a proper name: every word capitalised but the function words, at least two of
 * them, none with a digit; a word in capitals gives all its letters ("UN"). Null for anything else ("Russia's Il-20
 * aircraft downed in 2018" is a description, not a name with initials).
 */
function initials(words: string[]): string | null {
  const significant = words.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()));
  if (significant.length < 2) return null;
  let letters = '';
  for (const word of significant) {
    const clean = word.replace(/[^\p{L}\p{N}]/gu, '');
    if (/\p{N}/u.test(clean)) return null;
    if (/^\p{Lu}{2,}$/u.test(clean)) letters += clean;
    else if (/^\p{Lu}/u.test(clean)) letters += clean[0];
    else return null;
  }
  return fold(letters);
}

/** The search keys of an entity's name and aliases, space separated, each once. */
export function searchKeys(names: readonly string[]): string {
  const own = new Set(names.flatMap((name) => fold(name).split(/[^\p{L}\p{N}]+/u)));
  const keys = names.flatMap(keysOf).filter((key) => key.length > 1 && !own.has(key));
  return [...new Set(keys)].join(' ');
}
