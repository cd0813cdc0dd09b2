import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/db/seed.ts';
import type { RunningServer } from '../../src/server.ts';
import { FIXTURES, postAs, useTwoInstances } from '../helpers/two-instances.ts';
import { bearer } from '../helpers/write-client.ts';

// The response cache on two instances over one Neo4j (docs/operations.md, "Response cache"): an
// import through a third driver, as `npm run import` on the side, is seen by both within a second.

const DOCUMENTS = '{ documents { id } }';
const MINI_REVISION = '{ document(id: "mini-document") { revision } }';
const ADD_ALIAS =
  'mutation ($input: AddAliasInput!) { addAlias(input: $input) { revision { number } problems { message } } }';
const RUDOLF = '{ entity(id: "rudolf") { name } }';
const HEAVY = 'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Document { text } } }';

describe('response cache on two instances', () => {
  const servers = useTwoInstances({
    RESPONSE_CACHE_TTL_MS: '600000',
    GRAPHQL_COST_PER_SECOND: '1000',
    GRAPHQL_MAX_COST: '25000',
    TRUST_PROXY: 'true',
  });
  const { helper } = servers;
  const post = postAs;

  const nameOf = async (server: RunningServer, query: string) => {
    const body = await (await post(server, '192.0.2.40', query)).json();
    return body.data?.entity?.name ?? null;
  };

  it('keeps answers: a change that bypasses the graph version is not seen', async () => {
    expect(await nameOf(servers.b, RUDOLF)).toBe('Rudolf');
    // Written behind the importer's back, so the graph's version stays as it was.
    await helper.executeCypher(`MATCH (e {id: 'rudolf'}) SET e.name = 'Rudolf (renamed)'`);
    expect(await nameOf(servers.b, RUDOLF)).toBe('Rudolf');
    // Another query text is another key, read from the graph.
    expect(await nameOf(servers.b, '{ entity(id: "rudolf") { name id } }')).toBe(
      'Rudolf (renamed)',
    );
  });

  it('never serves an answer from before an import more than a second after it', async () => {
    const documents = async (server: RunningServer) => {
      const body = await (await post(server, '192.0.2.40', DOCUMENTS)).json();
      return (body.data.documents as { id: string }[]).length;
    };
    expect(await documents(servers.a)).toBe(1);
    expect(await documents(servers.b)).toBe(1);
    expect(await documents(servers.b)).toBe(1);
    await importFile(helper.db, join(FIXTURES, 'sequel.yaml'));
    const imported = performance.now();
    const seen = async (server: RunningServer) => {
      while ((await documents(server)) === 1) {
        expect(performance.now() - imported).toBeLessThan(1_000);
      }
      return performance.now() - imported;
    };
    expect(await seen(servers.b)).toBeLessThan(1_000);
    expect(await seen(servers.a)).toBeLessThan(1_000);
    // Once seen, the new answer is what the cache keeps.
    expect(await documents(servers.b)).toBe(2);
  });

  it('never serves an answer from before a write through another instance more than a second after it', async () => {
    const revision = async (server: RunningServer) => {
      const body = await (await post(server, '192.0.2.44', MINI_REVISION)).json();
      return body.data.document.revision as number;
    };
    const before = await revision(servers.b);
    expect(await revision(servers.b)).toBe(before);
    const curator = await bearer(helper.db, 'curator', 'ann');
    const made = await fetch(servers.a.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: curator.header },
      body: JSON.stringify({
        query: ADD_ALIAS,
        variables: {
          input: {
            document: 'mini-document',
            expectedRevision: before,
            reason: 'a usual spelling',
            entity: 'freedonia',
            alias: 'Fredonia',
            curatorAlias: true,
          },
        },
      }),
    });
    expect((await made.json()).data.addAlias.revision.number).toBeGreaterThan(before);
    const written = performance.now();
    while ((await revision(servers.b)) === before) {
      expect(performance.now() - written).toBeLessThan(1_000);
    }
  });

  it('keeps no error and no client limit: a refusal and its retry-after stay its client’s', async () => {
    const listed = await (await post(servers.a, '192.0.2.41', '{ documents { id } }')).json();
    const documents = listed.data.documents as { id: string }[];
    const ids = Array.from({ length: Math.ceil(70 / documents.length) }, () =>
      documents.map((d) => d.id),
    ).flat();
    // Client 42 spends its budget on the heavy query until it is refused (429, retry-after).
    // Each time one id more (at most 100): other variables, so each is a miss and is charged.
    let refused: Response | null = null;
    let refusedIds: string[] = [];
    for (let i = 0; i < 30 && !refused; i++) {
      refusedIds = [...ids, ...ids.slice(0, i)];
      const response = await post(servers.a, '192.0.2.42', HEAVY, { ids: refusedIds });
      if (response.status === 429) refused = response;
      else await response.body?.cancel();
    }
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
    const refusal = await refused?.json();
    expect(refusal.errors[0].message).toMatch(/Cost budget exceeded/);
    // Client 43 asks the same query on the same instance: the refusal was not kept for it.
    const served = await post(servers.a, '192.0.2.43', HEAVY, { ids: refusedIds });
    expect(served.status).toBe(200);
    expect(served.headers.get('retry-after')).toBeNull();
    const body = await served.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.nodes).toHaveLength(refusedIds.length);
    // Served from the cache now, the answer costs no budget: client 42 gets it without a refusal.
    const cached = await post(servers.a, '192.0.2.42', HEAVY, { ids: refusedIds });
    expect(cached.status).toBe(200);
    expect(cached.headers.get('retry-after')).toBeNull();
    expect((await cached.json()).data.nodes).toHaveLength(refusedIds.length);
  });
});
