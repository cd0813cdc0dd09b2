import type { EntityKind } from '../gql/graphql.ts';

/**
 * Every kind with its colour on graphs and badges; typed by the schema's enum, so a new kind fails
 * tsc. Hues kept apart (a unit test checks each pair's distance) and dark enough for text on white
 * and white text on them (4.5:1, WCAG AA); graphs add a shape per kind.
 */
export const KIND_COLOURS: Record<EntityKind, string> = {
  COUNTRY: '#1d4ed8',
  PERSON: '#c2410c',
  TREATY: '#047857',
  EVENT: '#7e22ce',
  INCIDENT: '#be123c',
  UN_RESOLUTION: '#0e7490',
  ORGANIZATION: '#a21caf',
  PLACE: '#4d7c0f',
  CONFLICT: '#7c2d12',
  FIGURE: '#a16207',
  EQUIPMENT: '#475569',
  STATUS_PERIOD: '#111827',
};

/** Every kind's name for readers; typed by the enum too. */
export const KIND_LABELS: Record<EntityKind, string> = {
  COUNTRY: 'Country',
  PERSON: 'Person',
  TREATY: 'Treaty',
  EVENT: 'Event',
  INCIDENT: 'Incident',
  UN_RESOLUTION: 'UN resolution',
  ORGANIZATION: 'Organization',
  PLACE: 'Place',
  CONFLICT: 'Conflict',
  FIGURE: 'Figure',
  EQUIPMENT: 'Equipment',
  STATUS_PERIOD: 'Status period',
};

/** Kinds in the order filters list them. */
export const KINDS = Object.keys(KIND_COLOURS) as EntityKind[];

export function kindLabel(kind: EntityKind): string {
  return KIND_LABELS[kind];
}

export function kindColour(kind: EntityKind): string {
  return KIND_COLOURS[kind];
}

/** The diplomatic statuses, worst to best, with their band colours (white text on each: 4.5:1). */
export const STATUS_COLOURS: Record<string, string> = {
  SEVERED: '#b91c1c',
  SUSPENDED: '#b45309',
  CONSULAR: '#1d4ed8',
  FULL: '#15803d',
};

/** Every kind's node shape on graphs: with the colour, two kinds never look alike. */
export const KIND_SHAPES: Record<EntityKind, string> = {
  COUNTRY: 'ellipse',
  PERSON: 'round-triangle',
  TREATY: 'round-rectangle',
  EVENT: 'diamond',
  INCIDENT: 'star',
  UN_RESOLUTION: 'round-tag',
  ORGANIZATION: 'hexagon',
  PLACE: 'round-pentagon',
  CONFLICT: 'vee',
  FIGURE: 'rectangle',
  EQUIPMENT: 'octagon',
  STATUS_PERIOD: 'barrel',
};

/** "1 event", "14 events": a count of entities of one kind. */
export function kindCount(kind: EntityKind, count: number): string {
  const label = KIND_LABELS[kind].toLowerCase();
  if (count === 1) return `1 ${label}`;
  return `${count} ${label.endsWith('y') ? `${label.slice(0, -1)}ies` : `${label}s`}`;
}
