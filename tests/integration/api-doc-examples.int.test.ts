import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestHelper } from '../helpers/test-helper.ts';

/** Every ```graphql block of the README followed by a ```json block: a query and its answer. */
async function readmeExamples(): Promise<{ query: string; answer: unknown }[]> {
  const readme = await readFile('README.md', 'utf8');
  const pairs = readme.matchAll(/```graphql\n([\s\S]*?)```\s*\n+```json\n([\s\S]*?)```/g);
  return [...pairs].map(([, query, answer]) => ({
    query: query ?? '',
    answer: JSON.parse(answer ?? ''),
  }));
}

describe('the README examples', () => {
  const helper = new TestHelper();

  beforeAll(async () => {
    await helper.seed();
  });

  afterAll(async () => {
    await helper.close();
  });

  it('has examples to check', async () => {
    expect((await readmeExamples()).length).toBeGreaterThanOrEqual(3);
  });

  it('answer exactly as the README says', async () => {
    for (const { query, answer } of await readmeExamples()) {
      const { status: _status, ...result } = await helper.executeGraphQL(query);
      expect(result, query).toEqual(answer);
    }
  });
});
