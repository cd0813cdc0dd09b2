/** A passage of a document's text: its words, exactly as the text has them, and where. */
export interface Passage {
  quote: string;
  start: number;
  end: number;
}

/**
 * The passage a selection of [start, end) in `text` makes, its spaces at either end left out; null
 * when it holds no word. The quote is cut from the text itself, so it is verbatim by construction.
 */
export function passageOf(text: string, start: number, end: number): Passage | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from] as string)) from++;
  while (to > from && /\s/.test(text[to - 1] as string)) to--;
  if (from === to) return null;
  return { quote: text.slice(from, to), start: from, end: to };
}

/** How precise a date as written is, or why it is not one: "2018" year, "2018-09" month, … */
export function precisionOf(date: string): 'year' | 'month' | 'day' | null {
  if (/^\d{4}$/.test(date)) return 'year';
  if (/^\d{4}-\d{2}$/.test(date)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'day';
  return null;
}

/** A link entry as a source file holds it, from the form's fields; empty fields left out. */
export function linkEntry(fields: {
  type: string;
  from: string;
  to: string;
  quote: string;
  role?: string;
  date?: string;
  validFrom?: string;
  validTo?: string;
}): Record<string, string> {
  const entry: Record<string, string> = { type: fields.type, from: fields.from, to: fields.to };
  for (const name of ['role', 'date', 'validFrom', 'validTo'] as const) {
    const value = fields[name]?.trim();
    if (value) entry[name] = value;
  }
  entry.cite = fields.quote;
  return entry;
}
