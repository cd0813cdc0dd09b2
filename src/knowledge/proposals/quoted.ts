/** A passage of the document, by its offsets: its quote is always `text.slice(start, end)`. */
export interface Quoted {
  start: number;
  end: number;
  quote: string;
}

/** The passage of `text` between two offsets; the only way a proposal gets a quote. */
export function passage(text: string, start: number, end: number): Quoted {
  return { start, end, quote: text.slice(start, end) };
}
