import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/db/seed.ts';
import { TEXT_COST } from '../../src/schema/document.ts';
import type { RunningServer } from '../../src/server.ts';
import { FIXTURES, postAs, useTwoInstances } from '../helpers/two-instances.ts';

// Two instances of the server on one Neo4j, as behind a load balancer (docs/operations.md,
// "Several instances"): each has its own driver, plan cache and per-client limits.

const HEAVY = 'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Document { text } } }';
const ABDICATION = '{ entity(id: "rudolf-abdicates") { name } }';

describe('several instances on one Neo4j', () => {
  const servers = useTwoInstances({
    GRAPHQL_COST_PER_SECOND: '1000',
    GRAPHQL_MAX_COST: '25000',
    TRUST_PROXY: 'true',
  });
  const { helper } = servers;
  const post = postAs;

  const entityName = async (server: RunningServer) => {
    const body = await (await post(server, '192.0.2.30', ABDICATION)).json();
    return body.data?.entity?.name ?? null;
  };

  it('serves an import to every instance on the next request: nothing is kept per instance', async () => {
    expect(await entityName(servers.a)).toBeNull();
    expect(await entityName(servers.b)).toBeNull();
    await importFile(helper.db, join(FIXTURES, 'sequel.yaml'));
    expect(await entityName(servers.a)).toBe('Rudolf abdicates');
    expect(await entityName(servers.b)).toBe('Rudolf abdicates');
  });

  it('keeps a client budget per instance: a client refused by one is served by the other', async () => {
    const listed = await (await post(servers.a, '192.0.2.31', '{ documents { id } }')).json();
    const documents = listed.data.documents as { id: string }[];
    const ids = Array.from({ length: Math.ceil(100 / documents.length) }, () =>
      documents.map((d) => d.id),
    ).flat();
    expect(1 + ids.length * (1 + TEXT_COST)).toBeGreaterThan(25_000 / 5);
    let status = 200;
    for (let i = 0; i < 6 && status === 200; i++) {
      status = (await post(servers.a, '192.0.2.32', HEAVY, { ids })).status;
    }
    expect(status).toBe(429);
    expect((await post(servers.b, '192.0.2.32', HEAVY, { ids })).status).toBe(200);
  });
});
