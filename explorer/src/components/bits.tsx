import { Link } from 'wouter-preact';
import type { EntityKind } from '../gql/graphql.ts';
import { type DateRange, formatDate } from '../lib/dates.ts';
import { kindColour, kindLabel } from '../lib/kinds.ts';

/** The kind of an entity as a coloured badge. */
export function KindBadge({ kind }: { kind: EntityKind }) {
  return (
    <span class="badge" style={{ '--kind': kindColour(kind) }}>
      {kindLabel(kind)}
    </span>
  );
}

/** A date at its precision, with the exact range it may mean on hover. */
export function DateText({ date }: { date: DateRange | null | undefined }) {
  if (!date) return <span class="muted">undated</span>;
  const range = date.start === date.end ? date.start : `${date.start} to ${date.end}`;
  return (
    <time
      dateTime={date.start}
      title={`${range} (precision: ${date.precision.toLowerCase()})${date.asWritten ? `; the source says “${date.asWritten}”` : ''}`}
    >
      {formatDate(date)}
      <span class="precision">{date.precision.toLowerCase()}</span>
    </time>
  );
}

/** A link to an entity's page, its kind as a coloured dot. */
export function EntityLink({ slug, name, kind }: { slug: string; name: string; kind: EntityKind }) {
  return (
    <Link href={`/entity/${encodeURIComponent(slug)}`} class="entity-link">
      <span class="dot" style={{ background: kindColour(kind) }} title={kindLabel(kind)} />
      {name}
    </Link>
  );
}
