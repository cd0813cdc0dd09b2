import type { Entry } from '../lib/draft-file.ts';
import type { Problem } from '../lib/problem.ts';

/** A reviewed draft: its document section, its kept entries, and the text they quote. */
export interface ReviewedDraft {
  document: Entry;
  entities: Entry[];
  links: Entry[];
  text: string;
}

/** Where a submission got to: the document's slug once added, and why it stopped, if it did. */
export interface Submitted {
  slug: string | null;
  revision: number | null;
  problems: Problem[];
  written: number;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** The input of `addDocument` from a source file's document section and its text. */
export function documentInput(draft: ReviewedDraft, reason: string) {
  const d = draft.document;
  return {
    slug: String(d.id ?? ''),
    title: String(d.title ?? ''),
    publisher: String(d.publisher ?? ''),
    kind: String(d.kind ?? ''),
    language: text(d.language),
    note: text(d.note),
    nonFactual: Array.isArray(d.nonFactual) ? d.nonFactual.map(String) : undefined,
    text: draft.text,
    reason,
  };
}
