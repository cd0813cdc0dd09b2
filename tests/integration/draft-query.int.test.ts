import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DRAFT_COST, MAX_DRAFT_TEXT } from '../../src/schema/draft.ts';
import { useSeededGraph } from '../helpers/test-helper.ts';

// Seeding on a loaded machine can take longer than the default statement timeout.
const helper = useSeededGraph({ timeoutMs: 60_000 });

beforeAll(async () => {
  // Moscow's description naming its country: a capital acting for its government is flagged.
  await helper.executeCypher(
    "MATCH (m:Entity {id: 'moscow'}) SET m.description = 'Moscow, capital of Russia.'",
  );
});

const DRAFT = `query Draft($text: String!, $title: String) {
  draft(text: $text, title: $title) {
    id yaml
    decisions { quote reason candidates { id kind confidence } }
    problems { path message }
  }
}`;

const CHECK = `query Check($yaml: String!, $text: String!) {
  checkSourceFile(yaml: $yaml, text: $text) { path message }
}`;

const TEXT = [
  'Netanyahu meets Putin',
  '',
  'Benjamin Netanyahu met Vladimir Putin in Moscow on May 2, 2022. Moscow said the talks on ' +
    'Syria went well.',
].join('\n');

type Entry = { id?: string; type?: string; cite: string | unknown[]; decide?: string };

describe('draft and checkSourceFile against the graph', () => {
  it("proposes the graph's entities the text names, each quoting the text, and flags Moscow", async () => {
    const result = await helper.executeGraphQL<{ draft: any }>(DRAFT, {
      text: TEXT,
      title: 'Netanyahu meets Putin',
    });
    expect(result.errors).toBeUndefined();
    // Drafting counts in the cost limit.
    expect(
      (result.extensions?.cost as { requested?: number } | undefined)?.requested,
    ).toBeGreaterThanOrEqual(DRAFT_COST);
    const draft = result.data?.draft;
    expect(draft.id).toBe('netanyahu-meets-putin');
    const file = parse(draft.yaml) as { document: { title: string }; entities: Entry[] };
    expect(file.document.title).toBe('Netanyahu meets Putin');
    const ids = file.entities.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['benjamin-netanyahu', 'vladimir-putin', 'syria']));
    for (const e of file.entities)
      for (const quote of [e.cite].flat())
        if (typeof quote === 'string') expect(TEXT).toContain(quote);
    const moscow = draft.decisions.find((d: { quote: string }) => d.quote === 'Moscow');
    expect(moscow, JSON.stringify(draft.decisions)).toBeDefined();
    expect(moscow.candidates.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(['moscow', 'russia']),
    );
    // The file fails the checks while a `decide:` is left.
    expect(draft.problems.map((p: { message: string }) => p.message).join('\n')).toMatch(
      /unknown field\(s\) decide/,
    );
  });

  it('checks a source file as check-data does: a retyped quote and a bad date are problems', async () => {
    const yaml = `document: {id: d, title: T, publisher: P, kind: news item, source: d.txt, nonFactual: ['Netanyahu meets Putin']}
entities:
  - {id: benjamin-netanyahu, kind: Person, name: Benjamin Netanyahu, description: Israeli politician., cite: 'Benjamin Netanyahu met Vladimir Putin in Moskow'}
  - {id: talks, kind: Event, category: meeting, cameo: '040', name: Talks, description: Talks., date: 2022-13-02, cite: 'Moscow said the talks on Syria went well.'}
`;
    const problems = await helper.ask(CHECK, { yaml, text: TEXT });
    const messages = problems.checkSourceFile.map((p: { message: string }) => p.message).join('\n');
    expect(messages).toMatch(/quote not found verbatim/);
    expect(messages).toMatch(/2022-13-02/);
  });

  it('refuses a text past the size limit with a clear error', async () => {
    const long = 'a'.repeat(MAX_DRAFT_TEXT + 1);
    const result = await helper.executeGraphQL(DRAFT, { text: long });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toBe(
      `The text is ${MAX_DRAFT_TEXT + 1} characters long; at most ${MAX_DRAFT_TEXT} are accepted. Split the document.`,
    );
    const check = await helper.executeGraphQL(CHECK, { yaml: 'a: 1', text: long });
    expect(check.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
