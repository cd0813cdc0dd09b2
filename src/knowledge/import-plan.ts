import type { PartialDate } from './partial-date.ts';
import type { EntityKind, LinkType } from './vocabulary.ts';

/** A source file, checked and normalised: what the importer writes, nothing left to decide. */
export interface ImportPlan {
  document: DocumentRow;
  entities: EntityRow[];
  links: LinkRow[];
}

export interface DocumentRow {
  id: string;
  title: string;
  publisher: string;
  kind: string;
  language: string;
  text: string;
  /** Where the text file sits, relative to the source file (`sources/001_….txt`). */
  source?: string;
  nonFactual: string[];
  note: string | null;
}

/** Flat properties: Neo4j stores primitives and lists of them. */
export type Properties = Record<string, string | number | boolean | string[] | null>;

export interface EntityRow {
  id: string;
  kind: EntityKind;
  properties: Properties;
  quotes: string[];
  /** Parallel to `quotes`: true for a quote cited only as context (`{ context: … }`). */
  context?: boolean[];
  note: string | null;
}

export interface LinkRow {
  type: LinkType;
  from: string;
  to: string;
  /** Distinguishes several links of one type between the same two entities. */
  key: string;
  properties: Properties;
  quotes: string[];
  /** Parallel to `quotes`: true for a quote cited only as context (`{ context: … }`). */
  context?: boolean[];
  note: string | null;
}

/** The suffixes of the flat properties dateProperties writes for a date `<name>`. */
export const DATE_PROPERTY_SUFFIXES = [
  '',
  'Start',
  'End',
  'Precision',
  'Approximate',
  'AsWritten',
] as const;

/** Spreads a partial date into flat properties `<name>`, `<name>Start`, `<name>End`, … */
export function dateProperties(
  name: string,
  date: PartialDate | undefined,
  asWritten?: string,
): Properties {
  if (!date) return {};
  return {
    [name]: date.value,
    [`${name}Start`]: date.start,
    [`${name}End`]: date.end,
    [`${name}Precision`]: date.precision,
    [`${name}Approximate`]: date.approximate,
    [`${name}AsWritten`]: asWritten ?? null,
  };
}
