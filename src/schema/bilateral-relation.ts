import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { builder, type Types } from '../builder.ts';
import type { Context } from '../context.ts';
import type { EntityRow } from '../db/entity-row.ts';
import type { PageWindow } from '../db/page.ts';
import type {
  CountryLine,
  RelationList,
  RelationPair,
  StatusAsk,
} from '../db/relation-repository.ts';
import { AppError, NotFoundError, ValidationError } from '../errors.ts';
import type { PartialDate } from '../knowledge/partial-date.ts';
import { windowOf } from '../paging.ts';
import { argumentsOf, selectsField } from '../planner/plan.ts';
import { listConnection } from './connections.ts';
import { ENTITY_ARG_FORMS, matchesName, parseEntityName } from './entity-arg.ts';
import type { EntityKindRef } from './entity-kind.ts';
import {
  CountryRef,
  EventRef,
  FigureRef,
  IncidentRef,
  StatusPeriodRef,
  TreatyRef,
} from './kinds.ts';
import { connectionOf } from './pagination.ts';

/** What the root field resolves: both countries, their lines of states, and the pair of slugs. */
export interface Relation {
  a: CountryLine;
  b: CountryLine;
  pair: RelationPair;
}

// Per-request loaders, so that aliased relations (russia–israel, syria–israel, …) share queries.
const loaders = createContextCache(() => new Map<string, unknown>());

export function loaderOf<Key extends { key: string }, Value>(
  ctx: Context,
  name: string,
  batch: (keys: readonly Key[]) => Promise<Map<string, Value>>,
  missing: Value,
): DataLoader<Key, Value, string> {
  const all = loaders(ctx);
  let loader = all.get(name) as DataLoader<Key, Value, string> | undefined;
  if (!loader) {
    loader = new DataLoader<Key, Value, string>(
      async (keys) => {
        const found = await batch(keys);
        return keys.map((k) => found.get(k.key) ?? missing);
      },
      { cacheKeyFn: (k) => k.key },
    );
    all.set(name, loader);
  }
  return loader;
}

const lineLoader = (ctx: Context) =>
  loaderOf<{ key: string }, CountryLine>(
    ctx,
    'lines',
    async (keys) => ctx.repos.relations.lines(keys.map((k) => k.key)),
    { row: null, line: [] },
  );

const statusLoader = (ctx: Context) =>
  loaderOf<StatusAsk, EntityRow | null>(
    ctx,
    'status',
    (asks) => ctx.repos.relations.statuses(asks),
    null,
  );
const statusKey = (pair: RelationPair, day: string) => `${pair.key}@${day}`;

const historyLoader = (ctx: Context) =>
  loaderOf<RelationPair, EntityRow[]>(
    ctx,
    'history',
    (pairs) => ctx.repos.relations.histories(pairs),
    [],
  );

async function countryLine(
  ctx: Context,
  value: string,
  name: ReturnType<typeof parseEntityName>,
): Promise<CountryLine> {
  const found = await lineLoader(ctx).load({ key: name.slug });
  if (!found.row || !matchesName(found.row, name)) {
    throw new NotFoundError(`No country has the id "${value}"`);
  }
  if (found.row.kind !== 'Country') {
    throw new NotFoundError(`"${value}" is a ${found.row.kind}, not a Country`);
  }
  return found;
}

/** What the client selected of a relation, read along with its two sides. */
interface RelationWants {
  history: boolean;
  days: readonly string[];
}

/**
 * The relation between the countries `a` and `b` name (slugs or global ids): both lines, and
 * the history and statuses `wants` asks for, in one query. NOT_FOUND for an unknown country,
 * BAD_USER_INPUT when both are one line of states.
 */
async function relationOf(
  ctx: Context,
  a: string,
  b: string,
  wants: RelationWants,
): Promise<Relation> {
  const nameA = parseEntityName(a, 'a');
  const nameB = parseEntityName(b, 'b');
  if (nameA.slug === nameB.slug) {
    throw new ValidationError(`a and b must be two countries; got "${nameA.slug}" twice`);
  }
  const facts = await ctx.repos.relations.relation(nameA.slug, nameB.slug, wants);
  for (const side of facts.sides) lineLoader(ctx).prime({ key: side.id }, side);
  const [first, second] = await Promise.all([
    countryLine(ctx, a, nameA),
    countryLine(ctx, b, nameB),
  ]);
  const lineA = first.line.map((row) => row.id);
  const lineB = second.line.map((row) => row.id);
  // USSR–Russia is not a relation between two states: they are one line.
  if (lineA.some((id) => lineB.includes(id))) {
    throw new ValidationError(`"${a}" and "${b}" are one line of states (SUCCESSOR_OF)`);
  }
  const pair = { key: `${nameA.slug}|${nameB.slug}`, a: lineA, b: lineB };
  if (wants.history) historyLoader(ctx).prime(pair, facts.history);
  for (const { day, period } of facts.statuses) {
    statusLoader(ctx).prime({ ...pair, key: statusKey(pair, day), day }, period);
  }
  return { a: first, b: second, pair };
}

/** A relation's global id names its two countries, in order: "BilateralRelation:russia:israel". */
const relationId = (r: Relation) => `${r.a.row?.id}:${r.b.row?.id}`;

function listField(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Relation>,
  list: RelationList,
  type: EntityKindRef,
  description: string,
) {
  return t.connection(
    {
      type,
      description,
      resolve: async (relation, args, ctx) => {
        const window: PageWindow = windowOf(args);
        const loader = loaderOf(
          ctx,
          `${list}:${JSON.stringify(window)}`,
          (pairs: readonly RelationPair[]) => ctx.repos.relations.pages(list, pairs, window),
          { rows: [], offset: 0, total: 0 },
        );
        return connectionOf(await loader.load(relation.pair), (row) => ({ node: row }));
      },
    },
    listConnection(type),
  );
}

export const BilateralRelationRef = builder.node(builder.objectRef<Relation>('BilateralRelation'), {
  description:
    'What two countries share: their diplomatic status over time, agreements, events, incidents ' +
    'and figures. Each side is a line of states: a country with its predecessors and successors ' +
    '(SUCCESSOR_OF, e.g. Russia and the USSR), so Russia–Israel includes USSR–Israel. Its ' +
    'global id names the two countries in order, so `node(id:)` refetches it.',
  id: { resolve: relationId },
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'pair' in value,
  loadOne: async (id, ctx) => {
    const [a, b, ...rest] = id.split(':');
    if (!a || !b || rest.length > 0) return null;
    try {
      return await relationOf(ctx, a, b, { history: false, days: [] });
    } catch (error) {
      // An id naming no relation is unknown to node(id:), which answers null.
      if (error instanceof AppError && error.code !== 'DATABASE_UNAVAILABLE') return null;
      throw error;
    }
  },
  fields: (t) => ({
    a: t.field({
      type: CountryRef,
      description: 'The first country.',
      resolve: (r) => r.a.row as EntityRow,
    }),
    b: t.field({
      type: CountryRef,
      description: 'The second country.',
      resolve: (r) => r.b.row as EntityRow,
    }),
    aLine: t.field({
      type: [CountryRef],
      description: '`a` and the states of its line (predecessors, successors) counted as `a`.',
      resolve: (r) => r.a.line,
    }),
    bLine: t.field({
      type: [CountryRef],
      description: '`b` and the states of its line (predecessors, successors) counted as `b`.',
      resolve: (r) => r.b.line,
    }),
    status: t.field({
      type: StatusPeriodRef,
      nullable: true,
      description:
        'The status period holding on a day (validFrom <= asOf < validTo, each bound at the ' +
        'first day it may mean), with its citations; null when the sources record none.',
      args: {
        asOf: t.arg({
          type: 'PartialDate',
          required: true,
          description:
            'The day: a full date, or a partial date standing for its first day ("1970" is ' +
            '1970-01-01, "1953-02" 1953-02-01), as period bounds are compared.',
        }),
      },
      resolve: (r, { asOf }, ctx) =>
        statusLoader(ctx).load({
          ...r.pair,
          key: statusKey(r.pair, asOf.start),
          day: asOf.start,
        }),
    }),
    history: t.field({
      type: [StatusPeriodRef],
      description:
        'Every status period, in date order: status, validFrom / validTo, openedBy / closedBy.',
      resolve: (r, _args, ctx) => historyLoader(ctx).load(r.pair),
    }),
    agreements: listField(
      t,
      'agreements',
      TreatyRef,
      'Treaties and agreements both are parties to (PARTY_TO), in date order.',
    ),
    events: listField(
      t,
      'events',
      EventRef,
      'Events in which both take part (PARTICIPATED_IN), directly or through a person who held ' +
        'one of their offices (HELD_OFFICE, at any time), and every visit of `visits` (a visit ' +
        'whose only participant is the visitor still concerns the host), in date order.',
    ),
    visits: listField(
      t,
      'visits',
      EventRef,
      'Events of category "visit" that concern both countries, in date order. A visit concerns a ' +
        'country when the country, or a person who held one of its offices, takes part in the ' +
        'visit or in an event during it (PART_OF); when it takes place somewhere located in the ' +
        'country (LOCATED_IN, through places); or when the source files it under the country ' +
        '(CONCERNS).',
    ),
    incidents: listField(
      t,
      'incidents',
      IncidentRef,
      'Incidents in which both take part, as for `events`, in date order.',
    ),
    figures: listField(
      t,
      'figures',
      FigureRef,
      'Figures that measure both (MEASURES): trade, exports, …, in date order of their period.',
    ),
  }),
});

builder.queryFields((t) => ({
  bilateralRelation: t.field({
    type: BilateralRelationRef,
    nullable: true,
    description:
      'The relation between two countries; null with an error (NOT_FOUND) for an unknown ' +
      'country or an entity that is not a country, and with BAD_USER_INPUT when both are one ' +
      'line of states.',
    args: {
      a: t.arg.id({ required: true, description: `A country: ${ENTITY_ARG_FORMS}.` }),
      b: t.arg.id({
        required: true,
        description: `Another country: ${ENTITY_ARG_FORMS}, e.g. "israel".`,
      }),
    },
    resolve: (_root, { a, b }, ctx, info) => {
      // Both lines, and the history and statuses the client selected, in one query.
      const days = argumentsOf(info, 'status').map((args) => (args.asOf as PartialDate).start);
      const history = selectsField(info, 'history');
      return relationOf(ctx, String(a), String(b), { history, days });
    },
  }),
}));
