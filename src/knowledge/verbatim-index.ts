/** Characters a quote's first stretch is indexed by; shorter quotes are searched plainly. */
const SPAN = 8;

function hashAt(text: string, start: number): number {
  let h = 0;
  for (let i = start; i < start + SPAN; i++) h = Math.imul(h, 31) + text.charCodeAt(i);
  return h | 0;
}

/**
 * Whether a quote occurs verbatim in a text, for many quotes of one text. The places a quote
 * usually starts (after a space, a punctuation mark or a digit) are indexed once by a hash of their
 * first 8 characters, so such a quote costs a look-up and a comparison where its start occurs, not
 * a scan of the whole text; any other quote, or one not found so, is searched in the whole text.
 */
export function verbatimIndex(text: string): (quote: string) => boolean {
  const starts = new Map<number, number[]>();
  for (let i = 0; i + SPAN <= text.length; i++) {
    if (i > 0 && text.charCodeAt(i - 1) > 0x40) continue;
    const h = hashAt(text, i);
    const at = starts.get(h);
    if (at) at.push(i);
    else starts.set(h, [i]);
  }
  return (quote) => {
    if (quote.length >= SPAN) {
      const at = starts.get(hashAt(quote, 0));
      if (at?.some((i) => text.startsWith(quote, i))) return true;
    }
    return text.includes(quote);
  };
}
