/** A field of a source entry that a revision changed, as text a reader can compare. */
export interface FieldChange {
  field: string;
  /** Its value before, or null when the revision added it. */
  before: string | null;
  /** Its value after, or null when the revision removed it. */
  after: string | null;
}

/** A field's value as text: strings as they are, lists one item after another, the rest as JSON. */
export function fieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(fieldText).join('; ');
  return JSON.stringify(value);
}

const isEntry = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields that differ between a revision's `before` and `after` entries, in the entry's own
 * order (an added entry: every field added; a retracted one: every field removed). Entries that
 * are not objects (a whole file) give no fields.
 */
export function entryChanges(before: unknown, after: unknown): FieldChange[] {
  const old = isEntry(before) ? before : {};
  const now = isEntry(after) ? after : {};
  const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])];
  return fields.flatMap((field) => {
    const was = field in old ? fieldText(old[field]) : null;
    const is = field in now ? fieldText(now[field]) : null;
    return was === is ? [] : [{ field, before: was, after: is }];
  });
}

/** What a revision did, in words: "addEntity" → "add entity". */
export function actionText(action: string): string {
  return action.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
