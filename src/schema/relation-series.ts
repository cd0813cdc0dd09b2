import { builder } from '../builder.ts';
import type { EntityRow } from '../db/entity-row.ts';
import type { RelationPair } from '../db/relation-repository.ts';
import { cooperationSeries, type SeriesPoint } from '../knowledge/series.ts';
import { BilateralRelationRef, loaderOf } from './bilateral-relation.ts';
import { EntityRef } from './entity.ts';

type Point = SeriesPoint<EntityRow & { cameo: string; dateStart: string; datePrecision: string }>;

export const SeriesIntervalEnum = builder.enumType('SeriesInterval', {
  description: 'How a series groups events.',
  values: {
    YEAR: { value: 'year', description: 'One point per year.' },
    MONTH: {
      value: 'month',
      description: 'One point per month; an event known only to its year is a point of that year.',
    },
  } as const,
});

const CooperationPointRef = builder.objectRef<Point>('CooperationPoint').implement({
  description:
    'One period of a relation’s cooperation–conflict series: its CAMEO-coded events, counted by ' +
    'quad class and summed by Goldstein weight, each event listed with its citations.',
  fields: (t) => ({
    period: t.exposeString('period', { description: 'The period: "2018" or "2018-09".' }),
    count: t.exposeInt('count', { description: 'How many events.' }),
    cooperation: t.exposeInt('cooperation', {
      description: 'Events of a cooperation quad class (verbal or material).',
    }),
    conflict: t.exposeInt('conflict', {
      description: 'Events of a conflict quad class (verbal or material).',
    }),
    verbalCooperation: t.int({
      description: 'Events of quad class 1.',
      resolve: (p) => p.quadClasses[1],
    }),
    materialCooperation: t.int({
      description: 'Events of quad class 2.',
      resolve: (p) => p.quadClasses[2],
    }),
    verbalConflict: t.int({
      description: 'Events of quad class 3.',
      resolve: (p) => p.quadClasses[3],
    }),
    materialConflict: t.int({
      description: 'Events of quad class 4.',
      resolve: (p) => p.quadClasses[4],
    }),
    goldstein: t.exposeFloat('goldstein', {
      description:
        'The sum of the events’ Goldstein weights (cooperation positive, conflict negative).',
    }),
    events: t.field({
      type: [EntityRef],
      description: 'The events and incidents counted, in date order; each cites its sources.',
      resolve: (p) => p.events,
    }),
  }),
});

builder.objectFields(BilateralRelationRef, (t) => ({
  series: t.field({
    type: [CooperationPointRef],
    description:
      'The cooperation–conflict series: the dated events and incidents of `events` and ' +
      '`incidents` that happened (not planned or proposed), grouped by year or month, each point ' +
      'counted by CAMEO quad class and summed by Goldstein weight. Undated events are left out.',
    args: {
      by: t.arg({
        type: SeriesIntervalEnum,
        required: false,
        defaultValue: 'year',
        description: 'Per year (the default) or per month.',
      }),
    },
    resolve: async (relation, { by }, ctx) => {
      const loader = loaderOf(
        ctx,
        'coded',
        (pairs: readonly RelationPair[]) => ctx.repos.relations.coded(pairs),
        [] as EntityRow[],
      );
      const events = (await loader.load(relation.pair)) as Point['events'];
      return cooperationSeries(events, by ?? 'year');
    },
  }),
}));
