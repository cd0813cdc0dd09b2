import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useSeededGraph } from '../helpers/test-helper.ts';

/** Every ```graphql block of docs/api.md followed by a ```json block: a query and its answer. */
async function documentedExamples(): Promise<{ query: string; answer: unknown }[]> {
  const doc = await readFile('docs/api.md', 'utf8');
  const pairs = doc.matchAll(/```graphql\n([\s\S]*?)```\s*\n+```json\n([\s\S]*?)```/g);
  return [...pairs].map(([, query, answer]) => ({
    query: query ?? '',
    answer: JSON.parse(answer ?? ''),
  }));
}

describe('the examples of docs/api.md', () => {
  const helper = useSeededGraph();

  it('has examples to check', async () => {
    expect((await documentedExamples()).length).toBeGreaterThanOrEqual(3);
  });

  it('answer exactly as docs/api.md says', async () => {
    for (const { query, answer } of await documentedExamples()) {
      const { status: _status, ...result } = await helper.executeGraphQL(query);
      expect(result, query).toEqual(answer);
    }
  });
});
