import type { EntityKind } from '../gql/graphql.ts';

/** Every kind with its colour on graphs and badges; typed by the schema's enum, so a new kind fails tsc. */
export const KIND_COLOURS: Record<EntityKind, string> = {
  Country: '#2563eb',
  Person: '#d97706',
  Treaty: '#059669',
  Event: '#7c3aed',
  Incident: '#dc2626',
  UNResolution: '#0891b2',
  Organization: '#4f46e5',
  Place: '#65a30d',
  Conflict: '#b91c1c',
  Figure: '#ca8a04',
  Equipment: '#475569',
  StatusPeriod: '#db2777',
};

/** Every kind's name for readers; typed by the enum too. */
export const KIND_LABELS: Record<EntityKind, string> = {
  Country: 'Country',
  Person: 'Person',
  Treaty: 'Treaty',
  Event: 'Event',
  Incident: 'Incident',
  UNResolution: 'UN resolution',
  Organization: 'Organization',
  Place: 'Place',
  Conflict: 'Conflict',
  Figure: 'Figure',
  Equipment: 'Equipment',
  StatusPeriod: 'Status period',
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
