import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { GRAPHIQL_EXAMPLES, graphiqlTabs } from '../../src/graphiql-examples.ts';

describe("GraphiQL's examples", () => {
  it('are the "Ask the graph" queries of docs/api.md, in its order', async () => {
    const manual = await readFile(new URL('../../docs/api.md', import.meta.url), 'utf8');
    const section = manual.split('# Ask the graph')[1]?.split('\n## ')[0] ?? '';
    const queries = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map(([, q]) => q);
    expect(queries.length).toBeGreaterThan(3);
    expect(GRAPHIQL_EXAMPLES.map((e) => e.query)).toEqual(queries);
  });

  it('open as tabs after the default query, each titled', () => {
    const tabs = graphiqlTabs('{ documents { title } }');
    expect(tabs[0]).toEqual({ query: '{ documents { title } }' });
    expect(tabs).toHaveLength(GRAPHIQL_EXAMPLES.length + 1);
    expect(tabs[1]?.query).toMatch(/^# Find an entity by name/);
  });
});
