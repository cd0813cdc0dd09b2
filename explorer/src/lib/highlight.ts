/** Where a quote stands in a text: [start, end) character offsets, or null when it is not there. */
export function findQuote(text: string, quote: string): [number, number] | null {
  const exact = text.indexOf(quote);
  if (exact !== -1) return [exact, exact + quote.length];
  // Quotes are verbatim, but a text may break lines or double spaces where the quote has one space.
  const words = quote.trim().split(/\s+/).filter(Boolean).map(escapeRegExp);
  if (words.length === 0) return null;
  const match = new RegExp(words.join('\\s+'), 'i').exec(text);
  return match ? [match.index, match.index + match[0].length] : null;
}

/** The sentence around a range: from the previous sentence end to the next one. */
export function sentenceAround(text: string, [start, end]: [number, number]): [number, number] {
  const before = text.slice(0, start);
  const boundary = Math.max(
    before.lastIndexOf('. '),
    before.lastIndexOf('\n'),
    before.lastIndexOf('? '),
    before.lastIndexOf('! '),
  );
  const from = boundary === -1 ? 0 : boundary + (text[boundary] === '\n' ? 1 : 2);
  const rest = /[.!?](\s|$)|\n/.exec(text.slice(end));
  const to = rest ? end + rest.index + (rest[0].startsWith('\n') ? 0 : 1) : text.length;
  return [from, Math.max(to, end)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
