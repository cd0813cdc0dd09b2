/** Where a quote lies in a text: offsets in UTF-16 code units, `end` just after it. */
export interface QuotePosition {
  start: number;
  end: number;
}

/**
 * The first place a verbatim quote occurs in a document's text (quotes are checked verbatim on
 * import, so every stored quote has one); null when the text does not hold it, or for no quote.
 */
export function quotePosition(text: string, quote: string): QuotePosition | null {
  if (quote === '') return null;
  const start = text.indexOf(quote);
  return start < 0 ? null : { start, end: start + quote.length };
}
