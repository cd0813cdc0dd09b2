/**
 * Editing a source-file entry in a form: the form shows and changes a few fields, and every other
 * field of the entry (quotes with their context, `accordingTo`, a date's `asWritten`, …) goes back
 * to the server exactly as it came, so a correction changes only what the curator changed.
 */

/** A source file's entry, as `sourceEntry` gives it. */
export type Entry = Record<string, unknown>;

/** A link's fields the correction form edits, each as written ('' when absent). */
export type LinkFields = {
  type: string;
  role: string;
  date: string;
  validFrom: string;
  validTo: string;
};

/** The date fields of an entity entry, by kind, as data/README.md lists them. */
const ENTITY_DATES: Record<string, string[]> = {
  Treaty: ['signed', 'inForce', 'proposed'],
  Event: ['date'],
  Incident: ['date'],
  UNResolution: ['date'],
  Conflict: ['start', 'end'],
  Figure: ['period'],
};

/** A date as written: a plain value, or an object's `value` (`{ value, asWritten }`). */
export function writtenDate(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null)
    return String((raw as { value?: unknown }).value ?? '');
  return raw == null ? '' : String(raw);
}

/** The link fields of an entry, for the form. */
export function linkFieldsOf(entry: Entry): LinkFields {
  return {
    type: String(entry.type ?? ''),
    role: typeof entry.role === 'string' ? entry.role : '',
    date: writtenDate(entry.date),
    validFrom: writtenDate(entry.validFrom),
    validTo: writtenDate(entry.validTo),
  };
}

/** The date fields an entity of this entry's kind has, for the form: name and dates as written. */
export function entityFieldsOf(entry: Entry): Record<string, string> {
  const fields: Record<string, string> = { name: String(entry.name ?? '') };
  for (const name of ENTITY_DATES[String(entry.kind)] ?? [])
    fields[name] = writtenDate(entry[name]);
  return fields;
}

/**
 * `entry` with `fields` set: a field emptied is left out, a date keeps the rest of its object
 * (`asWritten`, …) and an unchanged field stays exactly as it was.
 */
export function editedEntry(entry: Entry, fields: Record<string, string>): Entry {
  const next: Entry = { ...entry };
  for (const [name, typed] of Object.entries(fields)) {
    const value = typed.trim();
    const old = entry[name];
    if (value === writtenDate(old)) continue;
    if (value === '') delete next[name];
    else if (typeof old === 'object' && old !== null && !Array.isArray(old))
      next[name] = { ...old, value };
    else next[name] = value;
  }
  return next;
}

/** Which link an entry is, as `correctLink` names it: type, ends, and role and dates as written. */
export function linkRefOf(entry: Entry) {
  const fields = linkFieldsOf(entry);
  const optional = (value: string) => (value === '' ? null : value);
  return {
    type: fields.type,
    from: String(entry.from),
    to: String(entry.to),
    role: optional(fields.role),
    date: optional(fields.date),
    validFrom: optional(fields.validFrom),
    validTo: optional(fields.validTo),
  };
}

/** Whether two entries say the same: the correction would change nothing. */
export function sameEntry(a: Entry, b: Entry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The entry, among a document's entries for links of one type from one entity, of the link shown
 * with this end, role and date: null when the document does not state it.
 */
export function pickLinkEntry(
  entries: readonly unknown[],
  shown: { to: string; role?: string | null; date?: string | null },
): Entry | null {
  const found = entries.filter(
    (entry): entry is Entry =>
      typeof entry === 'object' &&
      entry !== null &&
      (entry as Entry).to === shown.to &&
      ((entry as Entry).role ?? null) === (shown.role ?? null),
  );
  if (found.length <= 1) return found[0] ?? null;
  // Several links differ only in date: the one written as shown, else the one holding that date.
  const date = shown.date ?? '';
  return (
    found.find((entry) => writtenDate(entry.date) === date) ??
    found.find((entry) => writtenDate(entry.date).replace(/^~/, '').startsWith(date)) ??
    null
  );
}
