import { NotFoundError } from '../errors.ts';
import { DATE_PROPERTY_SUFFIXES } from '../knowledge/import-plan.ts';
import { type EntityKind, TIMELINE_DATES } from '../knowledge/vocabulary.ts';
import type { Reads } from './database.ts';
import { type EntityRow, entityProjection, MAX_SCAN } from './entity-row.ts';
import {
  isForwardRead,
  itemsRead,
  type Page,
  type PageWindow,
  SLICE_CYPHER,
  windowParams,
} from './page.ts';
import { int } from './values.ts';

/** The date each kind is placed at on the timeline (vocabulary.ts); kinds without have none. */
const TIMELINE_DATE_FIELDS: Partial<Record<EntityKind, string>> = TIMELINE_DATES;

/** What the timeline shows when no kinds are asked for. */
export const DEFAULT_TIMELINE_KINDS: EntityKind[] = ['Event', 'Incident', 'Treaty', 'UNResolution'];

export interface TimelineFilter {
  kinds: readonly EntityKind[];
  /** ISO day: items whose date range ends before it are left out. */
  from: string | null;
  /** ISO day: items whose date range starts after it are left out. */
  to: string | null;
  /** Slugs: items must be linked to every one of them. */
  involving: readonly string[];
}

/**
 * An item of the timeline, the name of the date property it is placed at, and that date's flat
 * properties under the name `d` (`d`, `dStart`, `dEnd`, …), whatever the entity's projection.
 */
export interface TimelineRow {
  field: string;
  node: EntityRow;
  date: Record<string, unknown>;
}

/**
 * A partial date covers at most a year (see knowledge/partial-date.ts), so an item whose range
 * ends on or after a day starts at most this many years before it: the index seek starts there.
 */
const MAX_DATE_SPAN_YEARS = 1;

const EARLIEST = '0000-01-01';
const LATEST = '9999-12-31';

/**
 * One kind's items, read in date order from its index on `<field>Start` (cypher/indexes.cypher),
 * when `$kinds` holds the kind. Kinds and fields come from TIMELINE_DATE_FIELDS, never from the
 * request; the kinds asked for are a parameter, so every timeline shares one statement text.
 */
const itemsOfKind = (kind: EntityKind, field: string) => `
    WITH 1 AS one WHERE '${kind}' IN $kinds
    MATCH (n:${kind})
    WHERE n.${field}Start >= $seekFrom AND n.${field}Start <= $to AND n.${field}End >= $from
      AND all(slug IN $involving WHERE EXISTS { MATCH (n)--(:Entity {id: slug}) })
    WITH n ORDER BY n.${field}Start, n.${field}End, n.name
    LIMIT $limit
    RETURN n, '${field}' AS field, n.${field}Start AS start, n.${field}End AS end`;

// Dates are flat ISO properties (`<field>Start`, `<field>End`), so strings sort in date order.
// Nodes are collected as references and only the page is projected.
const timelineQuery = (properties: readonly string[] | null) => `
CALL () {
  UNWIND $involving AS slug
  WITH slug WHERE NOT EXISTS { MATCH (:Entity {id: slug}) }
  RETURN collect(slug) AS missing
}
CALL () {
  CALL () {${Object.entries(TIMELINE_DATE_FIELDS)
    .map(([kind, field]) => itemsOfKind(kind as EntityKind, field))
    .join('\n    UNION ALL')}
  }
  WITH n, field ORDER BY start, end, n.name
  LIMIT $limit
  RETURN collect({field: field, n: n}) AS items
}
${SLICE_CYPHER}
RETURN [x IN items[s1..e1] | {
    field: x.field,
    node: head([n IN [x.n] | ${entityProjection('n', properties)}]),
    date: {${DATE_PROPERTY_SUFFIXES.map((suffix) => `d${suffix}: x.n[x.field + '${suffix}']`).join(', ')}}
  }] AS rows,
  s1 AS offset, total, missing`;

/** The year `years` before an ISO day, as an ISO day (a lower bound is all it needs to be). */
const yearsBefore = (day: string, years: number) =>
  `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`;

/** Dated entities in date order, filtered by a date range and by who or what they involve. */
export class TimelineRepository {
  constructor(private readonly db: Reads) {}

  /**
   * A page of the timeline; throws NotFoundError when a slug of `involving` names no entity.
   * A forward read (window.read) reads only the items up to the page (and one more for a peek):
   * the page's total is then a lower bound, enough for `hasNextPage` but not a `totalCount`.
   */
  async timeline(
    filter: TimelineFilter,
    window: PageWindow,
    properties: readonly string[] | null = null,
  ): Promise<Page<TimelineRow>> {
    const kinds = filter.kinds.filter((kind) => TIMELINE_DATE_FIELDS[kind] !== undefined);
    if (kinds.length === 0) return { rows: [], offset: 0, total: 0 };
    const limit = isForwardRead(window) ? window.start + itemsRead(window) : MAX_SCAN;
    const from = filter.from ?? EARLIEST;
    const [row] = await this.db.read<Page<TimelineRow> & { missing: string[] }>(
      timelineQuery(properties),
      {
        kinds,
        from,
        seekFrom: filter.from ? yearsBefore(from, MAX_DATE_SPAN_YEARS) : EARLIEST,
        to: filter.to ?? LATEST,
        involving: filter.involving,
        limit: int(limit),
        window: windowParams(window),
      },
    );
    if (row && row.missing.length > 0) {
      const names = row.missing.map((slug) => `"${slug}"`).join(', ');
      throw new NotFoundError(`involving: no entity has the id ${names}`);
    }
    return row ?? { rows: [], offset: 0, total: 0 };
  }
}
