import { Link } from 'wouter-preact';
import { distinctNotes } from '../lib/words.ts';

export interface CitationLike {
  quote: string;
  /** Where the quote starts in the document's text, when the API knows. */
  start?: number | null;
  note?: string | null;
  document: { id: string; slug: string; title: string };
}

/** Where the quote is read in its document: the document page, the quote highlighted. */
export function quoteHref(citation: CitationLike): string {
  const at = citation.start == null ? '' : `&at=${citation.start}`;
  return `/document/${encodeURIComponent(citation.document.slug)}?quote=${encodeURIComponent(citation.quote)}${at}`;
}

/**
 * Each citation: the verbatim quote (opening the document at it) and the document's title; a
 * curator's note once after them, however many of the quotes carry it.
 */
export function Citations({ citations }: { citations: readonly CitationLike[] }) {
  if (citations.length === 0) return null;
  const notes = distinctNotes(citations);
  return (
    <>
      <ul class="citations">
        {citations.map((c) => (
          <li key={`${c.document.id}:${c.quote}`}>
            <Link href={quoteHref(c)} class="quote" title="Open the document at this quote">
              “{c.quote}”
            </Link>{' '}
            <span class="source">— {c.document.title}</span>
          </li>
        ))}
      </ul>
      {notes.map((note) => (
        <p class="note" key={note}>
          Curator's note: {note}
        </p>
      ))}
    </>
  );
}
