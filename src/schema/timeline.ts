import { builder } from '../builder.ts';
import { dateDetailOf } from '../db/date-detail.ts';
import { DEFAULT_TIMELINE_KINDS } from '../db/timeline-repository.ts';
import { ValidationError } from '../errors.ts';
import { windowOf } from '../paging.ts';
import { connectionPlan } from '../planner/plan.ts';
import { DateDetailRef } from './date-detail.ts';
import { EntityRef } from './entity.ts';
import { ENTITY_ARG_FORMS, namedSlug } from './entity-arg.ts';
import { EntityKindEnum } from './enums.ts';
import { connectionOf } from './pagination.ts';

/** Most slugs `involving` takes: each adds a check per candidate item. */
const MAX_INVOLVING = 10;

builder.queryFields((t) => ({
  timeline: t.connection(
    {
      type: EntityRef,
      description:
        'Dated entities in date order: events, incidents, treaties (at their signing) and UN ' +
        'resolutions by default. Sorted by the first day a date may mean, then by its last ' +
        'day, then by name: "1948" (from 1 January) comes before "1948-05-18", and on the same ' +
        'first day a precise date comes before the month or year that starts with it. Undated ' +
        'items are left out.',
      args: {
        from: t.arg({
          type: 'PartialDate',
          required: false,
          description:
            'Only items whose date may fall on or after this date ("1948" means from 1 January).',
        }),
        to: t.arg({
          type: 'PartialDate',
          required: false,
          description:
            'Only items whose date may fall on or before this date ("1953" means to 31 December).',
        }),
        involving: t.arg.idList({
          required: false,
          description:
            `Up to ${MAX_INVOLVING} entities, each by ${ENTITY_ARG_FORMS}, e.g. ` +
            '["benjamin-netanyahu"]: only items linked directly (any link, either way) to every ' +
            'one of them. Fails with NOT_FOUND when one names no entity.',
        }),
        kinds: t.arg({
          type: [EntityKindEnum],
          required: false,
          description:
            'Only these kinds, each at its own date: EVENT, INCIDENT and UN_RESOLUTION at their ' +
            'date, TREATY when signed, CONFLICT at its start, STATUS_PERIOD from its validFrom, ' +
            'FIGURE at its period. Kinds without a date never appear. Default: EVENT, INCIDENT, ' +
            'TREATY, UN_RESOLUTION.',
        }),
      },
      resolve: async (_root, args, ctx, info) => {
        // The items' date comes with each row: the entity itself is read only as selected.
        const { expansion, asks } = connectionPlan(info);
        const window = windowOf(args, asks);
        const from = args.from?.start ?? null;
        const to = args.to?.end ?? null;
        if (from && to && from > to) {
          throw new ValidationError(`from (${args.from?.value}) is after to (${args.to?.value})`);
        }
        const given = (args.involving ?? []).map(String);
        if (given.length > MAX_INVOLVING) {
          throw new ValidationError(`involving takes at most ${MAX_INVOLVING} entities`);
        }
        const involving = await Promise.all(
          given.map((value) => namedSlug(ctx, value, 'involving')),
        );
        const kinds = args.kinds?.length ? args.kinds : DEFAULT_TIMELINE_KINDS;
        const filter = { kinds, from, to, involving };
        const page = await ctx.repos.timeline.timeline(filter, window, expansion.properties);
        return connectionOf(page, (row) => ({ node: row.node, row }));
      },
    },
    {
      name: 'TimelineConnection',
      description: 'A page of the timeline, in date order.',
    },
    {
      name: 'TimelineEdge',
      description: 'An item of the timeline and the date it is placed at.',
      fields: (e) => ({
        date: e.field({
          type: DateDetailRef,
          nullable: true,
          description:
            'The date the item is placed at: its date, a treaty’s signing, a conflict’s start, …',
          resolve: (edge) => dateDetailOf(edge.row.date, 'd'),
        }),
      }),
    },
  ),
}));
