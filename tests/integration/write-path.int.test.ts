import { describe, expect, it } from 'vitest';
import { revokeKey } from '../../src/auth/keys.ts';
import { graphFingerprint } from '../helpers/graph-fingerprint.ts';
import { useSeededGraph } from '../helpers/test-helper.ts';
import { bearer, SOVIET_LEADERSHIP, send } from '../helpers/write-client.ts';

const DOC = 'tass-russian-israeli-relations';

const ADD_ENTITY = `mutation ($input: AddEntityInput!) {
  addEntity(input: $input) {
    revision { number author reason action entitySlugs }
    entities { slug name }
    problems { path message }
  }
}`;

const leadership = SOVIET_LEADERSHIP;

async function revisionOf(helper: ReturnType<typeof useSeededGraph>, doc = DOC): Promise<number> {
  const data = await helper.ask(`{ document(id: "${doc}") { revision } }`);
  return data.document.revision as number;
}

describe('writes through the API', () => {
  const helper = useSeededGraph();

  it('the seed import made the first revisions, one per document, by the import', async () => {
    const data = await helper.ask(
      '{ changes(first: 10) { totalCount nodes { number author action reason document { slug } } } }',
    );
    expect(data.changes.totalCount).toBe(2);
    expect(data.changes.nodes.map((r: { number: number }) => r.number)).toEqual([2, 1]);
    for (const r of data.changes.nodes)
      expect(r).toMatchObject({ author: 'import', action: 'import' });
  });

  it('adds a cited entity with its revision, and refuses a misquote without writing anything', async () => {
    const curator = await bearer(helper.db, 'curator', 'ann');
    const expectedRevision = await revisionOf(helper);
    const before = await graphFingerprint(helper.db);
    const refused = await send(helper.app, curator.header, ADD_ENTITY, {
      input: {
        document: DOC,
        expectedRevision,
        reason: 'named in the text',
        entity: { ...leadership, cite: 'as the Soviet leaders disagreed' },
      },
    });
    expect(refused.errors).toBeUndefined();
    expect(refused.data?.addEntity.revision).toBeNull();
    expect(refused.data?.addEntity.problems).toEqual([
      {
        path: expect.stringContaining('entities['),
        message: expect.stringContaining('quote not found verbatim in the document'),
      },
    ]);
    expect(await graphFingerprint(helper.db)).toEqual(before);

    const made = await send(helper.app, curator.header, ADD_ENTITY, {
      input: { document: DOC, expectedRevision, reason: 'named in the text', entity: leadership },
    });
    expect(made.errors).toBeUndefined();
    expect(made.data?.addEntity).toEqual({
      revision: {
        number: 3,
        author: 'ann',
        reason: 'named in the text',
        action: 'addEntity',
        entitySlugs: ['soviet-leadership'],
      },
      entities: [{ slug: 'soviet-leadership', name: 'Soviet leadership' }],
      problems: [],
    });
    const history = await helper.ask(
      '{ entity(id: "soviet-leadership") { history { nodes { number author after } } } }',
    );
    expect(history.entity.history.nodes).toEqual([{ number: 3, author: 'ann', after: leadership }]);
    expect(await revisionOf(helper)).toBe(3);
  });

  it('refuses a write made against a stale revision with CONFLICT', async () => {
    const curator = await bearer(helper.db, 'curator');
    const stale = await send(helper.app, curator.header, ADD_ENTITY, {
      input: {
        document: DOC,
        expectedRevision: 1,
        reason: 'late',
        entity: { ...leadership, id: 'soviet-leaders' },
      },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0]?.message).toContain('is at revision 3, not 1');
  });

  it('adds and retracts a link and a citation, and an editor reverts a retraction', async () => {
    const curator = await bearer(helper.db, 'curator', 'bob');
    const link = { type: 'PART_OF', from: 'soviet-leadership', to: 'ussr' };
    const added = await send(
      helper.app,
      curator.header,
      `mutation ($input: AddLinkInput!) { addLink(input: $input) { revision { number linkKeys } problems { message } } }`,
      {
        input: {
          document: DOC,
          expectedRevision: await revisionOf(helper),
          reason: 'the leadership of the USSR',
          link: { ...link, cite: 'as the Soviet leadership disagreed' },
        },
      },
    );
    expect(added.data?.addLink).toEqual({
      revision: { number: 4, linkKeys: ['PART_OF|soviet-leadership|ussr|@@@'] },
      problems: [],
    });
    const cited = await send(
      helper.app,
      curator.header,
      `mutation ($input: AddCitationInput!) { addCitation(input: $input) { revision { number } problems { message } } }`,
      {
        input: {
          document: DOC,
          expectedRevision: 4,
          reason: 'more words',
          link,
          quote: 'disagreed with Israel’s regional policies',
        },
      },
    );
    expect(cited.data?.addCitation).toEqual({ revision: { number: 5 }, problems: [] });
    const linkHistory = await helper.ask(
      `{ document(id: "${DOC}") { links(involving: "soviet-leadership") { nodes { type history { nodes { number action } } } } } }`,
    );
    expect(linkHistory.document.links.nodes).toEqual([
      {
        type: 'PART_OF',
        history: {
          nodes: [
            { number: 5, action: 'addCitation' },
            { number: 4, action: 'addLink' },
          ],
        },
      },
    ]);

    const retracted = await send(
      helper.app,
      curator.header,
      `mutation ($input: RetractLinkInput!) { retractLink(input: $input) { revision { number before } problems { message } } }`,
      { input: { document: DOC, expectedRevision: 5, reason: 'not a fact of its own', link } },
    );
    expect(retracted.data?.retractLink.revision.number).toBe(6);

    const other = await bearer(helper.db, 'curator', 'carol');
    const REVERT = `mutation ($input: RevertInput!) { revert(input: $input) { revision { number revertOf action } problems { message } } }`;
    const forbidden = await send(helper.app, other.header, REVERT, {
      input: { revision: 6, reason: 'it was right' },
    });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const editor = await bearer(helper.db, 'editor', 'dan');
    const reverted = await send(helper.app, editor.header, REVERT, {
      input: { revision: 6, reason: 'it was right' },
    });
    expect(reverted.data?.revert).toEqual({
      revision: { number: 7, revertOf: 6, action: 'revert' },
      problems: [],
    });
    const [row] = await helper.db.read<{ quotes: string[] }>(
      `MATCH (:Entity {id: 'soviet-leadership'})-[r:PART_OF]->(:Entity {id: 'ussr'}) RETURN r.quotes AS quotes`,
    );
    expect(row?.quotes).toHaveLength(2);
    const byAuthor = await helper.ask('{ changes(filter: { author: "bob" }) { totalCount } }');
    expect(byAuthor.changes.totalCount).toBe(3);
  });

  it('answers a bad, unknown or revoked token with 401 and WWW-Authenticate, saying nothing more', async () => {
    const key = await bearer(helper.db, 'curator');
    await revokeKey(helper.db, key.id);
    const messages = new Set<string>();
    for (const header of [
      'Bearer nonsense',
      `Bearer rgk_0123456789abcdef_${'a'.repeat(43)}`,
      key.header,
      'Basic dXNlcjpwYXNz',
    ]) {
      const answer = await send(helper.app, header, '{ documents { slug } }');
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      messages.add(answer.errors?.[0]?.message ?? '');
    }
    expect(messages.size).toBe(1);
  });

  it('refuses a mutation sent with GET', async () => {
    const key = await bearer(helper.db, 'curator');
    const query = encodeURIComponent(
      'mutation { retractEntity(input: { document: "x", expectedRevision: 1, reason: "why not", slug: "y" }) { problems { message } } }',
    );
    const response = await helper.app.fetch(`http://test/graphql?query=${query}`, {
      headers: { authorization: key.header, accept: 'application/graphql-response+json' },
    });
    expect(response.status).toBe(405);
  });
});
