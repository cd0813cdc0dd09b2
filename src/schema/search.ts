import { builder } from '../builder.ts';
import { MAX_SCAN } from '../db/entity-row.ts';
import { luceneQuery, MAX_SEARCH_TEXT } from '../db/lucene-query.ts';
import { windowOf } from '../paging.ts';
import { connectionPlan } from '../planner/plan.ts';
import { EntityRef } from './entity.ts';
import { EntityKindEnum } from './enums.ts';
import { connectionOf } from './pagination.ts';

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: EntityRef,
      description:
        "Entities whose name, aliases (curator-added ones too), description or curators' notes " +
        'match the text, most relevant first (ties ' +
        'by name). Ignores case and accents and forgives one wrong letter per word of 4+ ' +
        'letters ("Netanyhu" finds Netanyahu, "ussr" the Soviet Union). Entities matching more ' +
        'of the words rank higher; an entity named or aliased exactly the text comes first. ' +
        'Punctuation and the boundary between letters and digits do not matter ("IL20" finds ' +
        'Il-20, "resolution242" Resolution 242), and a proper name is found by its initials ' +
        '("UNSC"). The text is plain words: Lucene syntax is searched as text. With `kinds` and ' +
        'an empty text, every entity of those kinds, by name. ' +
        `At most ${MAX_SCAN} matches are ranked and counted: past that, \`totalCount\` is a ` +
        'lower bound, and `totalCountIsExact` says so, as search engines report "more than N".',
      args: {
        text: t.arg.string({
          required: true,
          description: `What to look for, 1 to ${MAX_SEARCH_TEXT} characters, e.g. "Pankov"; empty to list the \`kinds\` asked for.`,
        }),
        kinds: t.arg({
          type: [EntityKindEnum],
          required: false,
          description: 'Only entities of these kinds; every kind when absent or empty.',
        }),
      },
      resolve: async (_root, args, ctx, info) => {
        // The hits' properties the selection needs (a search box shows names, not texts).
        const { expansion, asks } = connectionPlan(info);
        const window = windowOf(args, asks);
        const kinds = args.kinds?.length ? args.kinds : null;
        if (kinds && args.text.trim() === '') {
          const page = await ctx.repos.search.byKinds(kinds, window, expansion.properties);
          return connectionOf(page, (row) => ({ node: row.node, score: row.score }));
        }
        const query = luceneQuery(args.text);
        const page = query
          ? await ctx.repos.search.search(query, kinds, window, {
              properties: expansion.properties,
              text: args.text,
            })
          : { rows: [], offset: 0, total: 0 };
        return connectionOf(page, (row) => ({ node: row.node, score: row.score }));
      },
    },
    {
      name: 'SearchResultConnection',
      description: 'A page of search results, most relevant first.',
      fields: (c) => ({
        totalCountIsExact: c.boolean({
          description:
            `False when the count reached its bound (${MAX_SCAN} matches): \`totalCount\` is ` +
            'then a lower bound (show it as "at least"), not the number of matches.',
          resolve: (connection) => connection.totalCount < MAX_SCAN,
        }),
      }),
    },
    {
      name: 'SearchResultEdge',
      description: 'A search result: the entity and how well it matches.',
      fields: (e) => ({
        score: e.float({
          description:
            'Relevance as the full-text index computes it: higher is better; only comparable ' +
            'within one search.',
          resolve: (edge) => edge.score,
        }),
      }),
    },
  ),
}));
