/** "1 link", "2 links", "1 entity", "3 entities": a count with its noun in the right number. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? singular : plural}`;
}

/** A link's role after its other end: "as mediator", but "as a sign of" not "as as a sign of". */
export function roleText(role: string): string {
  return /^as\b/i.test(role.trim()) ? role.trim() : `as ${role.trim()}`;
}

/** The notes of some citations, each once, in the order they first appear. */
export function distinctNotes(citations: readonly { note?: string | null }[]): string[] {
  return [...new Set(citations.map((c) => c.note?.trim()).filter((n): n is string => !!n))];
}
