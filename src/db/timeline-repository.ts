import { NotFoundError } from '../errors.ts';
import type { EntityKind } from '../knowledge/vocabulary.ts';
import type { Database } from './database.ts';
import { type EntityRow, entityProjection, MAX_SCAN } from './entity-row.ts';
import { type Page, type PageWindow, SLICE_CYPHER, windowParams } from './page.ts';
import { int } from './values.ts';

/** The date each kind is placed at on the timeline; kinds not listed have none. */
export const TIMELINE_DATE_FIELDS: Partial<Record<EntityKind, string>> = {
  Event: 'date',
  Incident: 'date',
  Treaty: 'signed',
  UNResolution: 'date',
  Conflict: 'start',
  StatusPeriod: 'validFrom',
  Figure: 'period',
};

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

/** An item of the timeline and the name of the date property it is placed at. */
export interface TimelineRow {
  field: string;
  node: EntityRow;
}

// Dates are flat ISO properties (`<field>Start`, `<field>End`), so strings sort in date order.
const TIMELINE = `
CALL () {
  UNWIND $involving AS slug
  WITH slug WHERE NOT EXISTS { MATCH (:Entity {id: slug}) }
  RETURN collect(slug) AS missing
}
CALL () {
  MATCH (n:$any($kinds))
  WITH n, $fields[n.kind] AS field
  WITH n, field, n[field + 'Start'] AS start, n[field + 'End'] AS end
  WHERE start IS NOT NULL
    AND ($from IS NULL OR end >= $from)
    AND ($to IS NULL OR start <= $to)
    AND all(slug IN $involving WHERE EXISTS { MATCH (n)--(:Entity {id: slug}) })
  WITH n, field ORDER BY start, end, n.name
  LIMIT $scan
  RETURN collect({field: field, node: ${entityProjection('n')}}) AS items
}
${SLICE_CYPHER}
RETURN items[s1..e1] AS rows, s1 AS offset, total, missing`;

/** Dated entities in date order, filtered by a date range and by who or what they involve. */
export class TimelineRepository {
  constructor(private readonly db: Database) {}

  /** A page of the timeline; throws NotFoundError when a slug of `involving` names no entity. */
  async timeline(filter: TimelineFilter, window: PageWindow): Promise<Page<TimelineRow>> {
    const kinds = filter.kinds.filter((kind) => TIMELINE_DATE_FIELDS[kind] !== undefined);
    const [row] = await this.db.read<Page<TimelineRow> & { missing: string[] }>(TIMELINE, {
      kinds,
      fields: TIMELINE_DATE_FIELDS,
      from: filter.from,
      to: filter.to,
      involving: filter.involving,
      scan: int(MAX_SCAN),
      window: windowParams(window),
    });
    if (row && row.missing.length > 0) {
      const names = row.missing.map((slug) => `"${slug}"`).join(', ');
      throw new NotFoundError(`involving: no entity with slug ${names}`);
    }
    return row ?? { rows: [], offset: 0, total: 0 };
  }
}
