/**
 * `npx tsx scripts/load/memory.ts [--requests 20000 --concurrency 8]`: the server's resident memory
 * before and after many bad requests, each of a shape it has not seen: large novel documents,
 * documents that do not parse, that do not validate, and that cost too much with large variables.
 * Starts the server in its own process (NODE_ENV=development unless set; NEO4J_URI if set, else a
 * local Neo4j), on 127.0.0.1 only, and prints RSS at the start, every quarter, and after 10 s idle.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { startServerProcess } from './server-process.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '8' },
  },
});
const total = Number(values.requests);
const concurrency = Number(values.concurrency);
process.env.NODE_ENV ??= 'development';

/** A name no request used before. */
const fresh = (i: number, k: number) => `f${i.toString(36)}_${k}`;

/** The i-th bad request: four kinds in turn, each near the size limits and new each time. */
function badRequest(i: number): { query: string; variables?: Record<string, unknown> } {
  switch (i % 4) {
    case 0: {
      // Valid and novel: 15 aliases of long names, a search text unseen.
      const fields = Array.from(
        { length: 15 },
        (_, k) => `${fresh(i, k)}${'x'.repeat(200)}: documents { slug title }`,
      );
      return { query: `{ ${fields.join(' ')} }` };
    }
    case 1:
      // Does not parse: a long document broken at its end.
      return { query: `{ documents { ${'slug '.repeat(900)} ${fresh(i, 0)}(` };
    case 2:
      // Does not validate: unknown fields with new names.
      return {
        query: `{ ${Array.from({ length: 40 }, (_, k) => `${fresh(i, k)}${'y'.repeat(100)}`).join(' ')} }`,
      };
    default: {
      // Costs too much: many ids, new each time, and text.
      const ids = Array.from({ length: 100 }, (_, k) => `${fresh(i, k)}${'z'.repeat(200)}`);
      const aliases = Array.from(
        { length: 15 },
        (_, k) => `a${k}: nodes(ids: $ids) { ... on Document { text } }`,
      );
      return { query: `query ($ids: [ID!]!) { ${aliases.join(' ')} }`, variables: { ids } };
    }
  }
}

const server = await startServerProcess({});
const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;
try {
  console.log(
    `memory: ${total} bad requests, ${concurrency} at a time, NODE_ENV=${process.env.NODE_ENV}`,
  );
  const start = await server.memory();
  console.log(`  before          RSS ${mb(start.rssKb)}`);
  let next = 0;
  const statuses = new Map<number, number>();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const response = await fetch(`${server.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.${i % 250}.1` },
        body: JSON.stringify(badRequest(i)),
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if ((i + 1) % Math.ceil(total / 4) === 0) {
        console.log(
          `  after ${String(i + 1).padStart(6)}   RSS ${mb((await server.memory()).rssKb)}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await sleep(10_000);
  const end = await server.memory();
  console.log(
    `  10 s idle       RSS ${mb(end.rssKb)} (peak ${mb(end.peakKb)}); growth ${mb(end.rssKb - start.rssKb)}; ` +
      `statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
} finally {
  console.log(`server: ${await server.stop()}`);
}
