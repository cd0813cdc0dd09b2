import { describe, expect, it } from 'vitest';
import { revokeKey } from '../../src/auth/keys.ts';
import { graphFingerprint } from '../helpers/graph-fingerprint.ts';
import { useSeededGraph } from '../helpers/test-helper.ts';
import { bearer, send } from '../helpers/write-client.ts';

// What the explorer's curator mode asks of the server: who is signed in, the vocabulary's link
// types, and a write checked without being made (a dry run).

const DOC = 'tass-russian-israeli-relations';
const QUOTE =
  'Russian top brass said a missile from Syria’s S-200 system downed the aircraft when it targeted four Israeli F-16 fighter jets, which attacked facilities in Latakia';
const ADD_LINK = `mutation ($input: AddLinkInput!) {
  addLink(input: $input) { revision { number } document { slug } problems { path message } }
}`;

describe('what the explorer’s curator mode asks of the server', () => {
  const helper = useSeededGraph();

  it('says who the bearer token names, null when anonymous, and 401 for a revoked or bad key', async () => {
    const curator = await bearer(helper.db, 'curator', 'Ann Example');
    const editor = await bearer(helper.db, 'editor', 'Ben');
    const revoked = await bearer(helper.db, 'curator', 'gone');
    await revokeKey(helper.db, revoked.id);
    const viewer = (header: string | undefined) =>
      send(helper.app, header, '{ viewer { name role } }');
    expect((await viewer(undefined)).data).toEqual({ viewer: null });
    expect((await viewer(curator.header)).data).toEqual({
      viewer: { name: 'Ann Example', role: 'curator' },
    });
    expect((await viewer(editor.header)).data).toEqual({ viewer: { name: 'Ben', role: 'editor' } });
    for (const header of [revoked.header, 'Bearer rgk_not_a_key']) {
      const answer = await viewer(header);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(answer.data ?? null).toBeNull();
    }
  });

  it('lists the vocabulary’s link types with the kinds each may join', async () => {
    const data = await helper.ask('{ linkTypes { type description fromKinds toKinds } }');
    expect(data.linkTypes.length).toBeGreaterThan(20);
    expect(data.linkTypes).toContainEqual({
      type: 'HELD_OFFICE',
      description: expect.any(String),
      fromKinds: ['PERSON'],
      toKinds: ['COUNTRY', 'ORGANIZATION'],
    });
  });

  it('checks a write in a dry run: the problems a write would have, nothing written, no revision', async () => {
    const curator = await bearer(helper.db, 'curator');
    const { document } = await helper.ask(`{ document(id: "${DOC}") { revision } }`);
    const link = { type: 'LOCATED_IN', from: 'latakia', to: 'syria', cite: QUOTE };
    const input = { document: DOC, expectedRevision: document.revision, reason: 'in the text' };
    const before = await graphFingerprint(helper.db);

    const wrongDate = await send(helper.app, curator.header, ADD_LINK, {
      input: { ...input, dryRun: true, link: { ...link, date: '2019' } },
    });
    expect(wrongDate.data?.addLink).toEqual({
      revision: null,
      document: null,
      problems: [
        { path: expect.stringContaining('links['), message: expect.stringMatching(/2019/) },
      ],
    });
    const clean = await send(helper.app, curator.header, ADD_LINK, {
      input: { ...input, dryRun: true, link },
    });
    expect(clean.data?.addLink).toEqual({ revision: null, document: null, problems: [] });
    expect(await graphFingerprint(helper.db)).toEqual(before);
    const after = await helper.ask(
      `{ document(id: "${DOC}") { revision } changes { totalCount } }`,
    );
    expect(after).toEqual({
      document: { revision: document.revision },
      changes: { totalCount: 2 },
    });

    // A stale revision is CONFLICT in a dry run too, so the form can say so before submitting.
    const stale = await send(helper.app, curator.header, ADD_LINK, {
      input: { ...input, expectedRevision: document.revision - 1, dryRun: true, link },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const made = await send(helper.app, curator.header, ADD_LINK, { input: { ...input, link } });
    expect(made.data?.addLink).toEqual({
      revision: { number: document.revision + 1 },
      document: { slug: DOC },
      problems: [],
    });
  });
});
