import type { EntityKind } from '../gql/graphql.ts';

/** Every kind with its colour on graphs and badges; typed by the schema's enum, so a new kind fails tsc. */
export const KIND_COLOURS: Record<EntityKind, string> = {
  COUNTRY: '#2563eb',
  PERSON: '#d97706',
  TREATY: '#059669',
  EVENT: '#7c3aed',
  INCIDENT: '#dc2626',
  UN_RESOLUTION: '#0891b2',
  ORGANIZATION: '#4f46e5',
  PLACE: '#65a30d',
  CONFLICT: '#b91c1c',
  FIGURE: '#ca8a04',
  EQUIPMENT: '#475569',
  STATUS_PERIOD: '#db2777',
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

/** The diplomatic statuses, worst to best, with their band colours. */
export const STATUS_COLOURS: Record<string, string> = {
  SEVERED: '#dc2626',
  SUSPENDED: '#f59e0b',
  CONSULAR: '#60a5fa',
  FULL: '#16a34a',
};
