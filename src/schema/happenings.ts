import { builder } from '../builder.ts';
import { BY_DATE } from '../db/order.ts';
import { EVENT_CATEGORIES, type OCCURRENCES } from '../knowledge/source-file.ts';
import { EntityRef } from './entity.ts';
import { entityList } from './entity-list.ts';
import { ConflictRef, EquipmentRef, EventRef, IncidentRef } from './kinds.ts';

export const EventCategoryEnum = builder.enumType('EventCategory', {
  description: 'What sort of event it is, as the source files classify it.',
  values: Object.fromEntries(
    EVENT_CATEGORIES.map((category) => [
      category.toUpperCase().replaceAll('-', '_'),
      { value: category, description: `An event of category "${category}".` },
    ]),
  ),
});

export const EventOccurrenceEnum = builder.enumType('EventOccurrence', {
  description: 'Whether an event happened, is planned or is only proposed.',
  values: {
    HAPPENED: { value: 'happened', description: 'It happened (or is under way).' },
    PLANNED: { value: 'planned', description: 'Announced or scheduled: "will visit".' },
    PROPOSED: {
      value: 'proposed',
      description: 'Called for or put forward, not said to happen: "stands for creating a state".',
    },
  } as const,
});

for (const [ref, kind] of [
  [EventRef, 'Event'],
  [IncidentRef, 'Incident'],
] as const) {
  builder.objectFields(ref, (t) => ({
    ...t.dates(kind),
    participants: t.links({
      target: EntityRef,
      description: 'Who took part (the edge role says how).',
      spec: () => ({ types: ['PARTICIPATED_IN'], direction: 'INCOMING' }),
    }),
    places: t.links({
      target: EntityRef,
      description: 'Where it happened.',
      spec: () => ({ types: ['LOCATED_IN'], direction: 'OUTGOING' }),
    }),
    equipment: t.links({
      target: EquipmentRef,
      description: 'Equipment involved (aircraft, weapon systems).',
      spec: () => ({
        types: ['PARTICIPATED_IN', 'CONCERNS', 'SUPPLIED', 'USES', 'DOWNED_BY', 'TARGETED'],
        direction: 'BOTH',
        kinds: ['Equipment'],
      }),
    }),
    consequences: t.links({
      target: EntityRef,
      description: 'What it caused or led to.',
      spec: () => ({ types: ['CAUSED'], direction: 'OUTGOING' }),
    }),
    followedBy: t.links({
      target: EventRef,
      description: 'What the sources say came after it, without saying it was the cause.',
      spec: () => ({ types: ['FOLLOWED'], direction: 'INCOMING', kinds: ['Event'] }),
    }),
    causes: t.links({
      target: EntityRef,
      description: 'What caused it or led to it.',
      spec: () => ({ types: ['CAUSED'], direction: 'INCOMING' }),
    }),
    concerns: t.links({
      target: EntityRef,
      description: 'What it concerns.',
      spec: () => ({ types: ['CONCERNS'], direction: 'OUTGOING' }),
    }),
  }));
}

builder.objectFields(EventRef, (t) => ({
  category: t.property('category', {
    type: EventCategoryEnum,
    nullable: true,
    description: 'What sort of event: visit, meeting, recognition, …',
    from: (category) => (category as (typeof EVENT_CATEGORIES)[number] | undefined) ?? null,
  }),
  ordinal: t.text('ordinal', {
    description:
      'The document’s "first" or "last", when it calls the event so ("the first ever visit").',
  }),
  occurrence: t.property('occurrence', {
    type: EventOccurrenceEnum,
    description: 'Whether it happened, is planned or is only proposed.',
    from: (occurrence) => (occurrence as (typeof OCCURRENCES)[number] | undefined) ?? 'happened',
  }),
}));

builder.objectFields(ConflictRef, (t) => ({
  ...t.dates('Conflict'),
  participants: t.links({
    target: EntityRef,
    description: 'Who took part.',
    spec: () => ({ types: ['PARTICIPATED_IN'], direction: 'INCOMING' }),
  }),
}));

builder.queryFields((t) => ({
  events: entityList(t, {
    type: EventRef,
    description:
      'Events in date order (undated last) unless `orderBy` says otherwise, optionally of one ' +
      'category.',
    order: BY_DATE,
    args: {
      category: t.arg({
        type: EventCategoryEnum,
        required: false,
        description: 'Only events of this category.',
      }),
    },
    load: (args, window, ctx, order, expansion) =>
      ctx.repos.entities.list('Event', window, order, expansion, args.category ?? null),
  }),
  incidents: entityList(t, {
    type: IncidentRef,
    description: 'Incidents in date order unless `orderBy` says otherwise.',
    order: BY_DATE,
    load: (_args, window, ctx, order, expansion) =>
      ctx.repos.entities.list('Incident', window, order, expansion),
  }),
  conflicts: entityList(t, {
    type: ConflictRef,
    description: 'Wars and conflicts in date order unless `orderBy` says otherwise.',
    order: BY_DATE,
    load: (_args, window, ctx, order, expansion) =>
      ctx.repos.entities.list('Conflict', window, order, expansion),
  }),
}));
