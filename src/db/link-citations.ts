import { DATE_PROPERTY_SUFFIXES, type Properties } from '../knowledge/import-plan.ts';

/** One quote backing a link: its document, the curator's note, and what that document states. */
export interface Citation {
  document: string;
  quote: string;
  note: string;
  /** JSON of the link properties the document states ('' on links stored before it was kept). */
  said: string;
  /** Whether the quote is cited only as context (the heading that gives the year). */
  context: boolean;
}

/** The properties a link's documents state: its role, who it is attributed to, and dates. */
export const LINK_PROPERTIES = [
  'role',
  'ordinal',
  'accordingTo',
  'quoting',
  ...['date', 'validFrom', 'validTo'].flatMap((name) =>
    DATE_PROPERTY_SUFFIXES.map((suffix) => name + suffix),
  ),
];

/**
 * A link rebuilt from the documents that still cite it: citations in document-id order (each
 * document's quotes in its own order), so re-imports keep it stable, and each property as the
 * first document states it. Every property is set, null when no document states it, so what a
 * withdrawn document alone said goes with it.
 */
export function rebuildLink(link: { citations: Citation[]; current: Properties }) {
  const citations = link.citations
    .map((citation, i) => ({ citation, i }))
    .sort((a, b) => a.citation.document.localeCompare(b.citation.document) || a.i - b.i)
    .map(({ citation }) => citation);
  const stated = citations.map((c) => (c.said ? (JSON.parse(c.said) as Properties) : link.current));
  const properties: Properties = Object.fromEntries(
    LINK_PROPERTIES.map((name) => [name, stated.find((s) => s[name] != null)?.[name] ?? null]),
  );
  return {
    properties,
    sources: citations.map((c) => c.document),
    quotes: citations.map((c) => c.quote),
    notes: citations.map((c) => c.note),
    said: citations.map((c, i) => c.said || JSON.stringify(pick(stated[i] ?? {}))),
    context: citations.map((c) => c.context),
  };
}

function pick(properties: Properties): Properties {
  return Object.fromEntries(LINK_PROPERTIES.map((name) => [name, properties[name] ?? null]));
}
