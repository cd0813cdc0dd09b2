import { distance } from 'fastest-levenshtein';

/**
 * The passage of `text` closest to `quote` by edit distance: windows of the quote's length starting
 * at each word, widened to whole words. Shows a curator which characters differ (curly quotes,
 * spacing, a word changed).
 */
export function closestPassage(text: string, quote: string): string | undefined {
  const flat = text.replace(/\s+/g, ' ');
  const wanted = quote.replace(/\s+/g, ' ').trim();
  if (wanted.length === 0 || flat.trim().length === 0) return undefined;
  let best: { passage: string; cost: number } | undefined;
  for (const start of wordStarts(flat)) {
    const passage = wholeWords(flat, start, wanted.length);
    const cost = distance(passage, wanted);
    if (!best || cost < best.cost) best = { passage, cost };
  }
  return best?.passage;
}

function* wordStarts(text: string): Generator<number> {
  for (const match of text.matchAll(/\S+/g)) yield match.index;
}

function wholeWords(text: string, start: number, length: number): string {
  let end = start + length;
  while (end < text.length && /\S/.test(text[end] ?? '')) end += 1;
  return text.slice(start, end).trim();
}
