/** Bench server (c): node:http + neo4j-driver running the hand-written Cypher per query (the ceiling). */
import { createServer } from 'node:http';
import neo4j from 'neo4j-driver';
import { benchQueries } from '../queries.ts';
import { countingDriver, serverEnv, statsRoute } from './counting.ts';

const { uri, port, pool } = serverEnv();
const driver = countingDriver(
  neo4j.driver(
    uri,
    neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'neo4j'),
    {
      maxConnectionPoolSize: pool,
      connectionAcquisitionTimeout: 10_000,
      disableLosslessIntegers: true,
    },
  ),
);
// Only the statements are used here, and they are the same at every scale.
const cypher = new Map(
  benchQueries(Number(process.env.BENCH_SEED ?? 1), 1).map((q) => [q.name, q.raw.cypher]),
);

const server = createServer((req, res) => {
  if (statsRoute(req, res)) return;
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const { query, params } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const text = cypher.get(query);
      if (!text) throw new Error(`unknown query ${query}`);
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.executeRead((tx) => tx.run(text, params), { timeout: 5000 });
        const body = JSON.stringify({ data: { result: result.records[0]?.get('result') ?? null } });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      } finally {
        await session.close();
      }
    } catch (error) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
    }
  });
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`READY ${typeof address === 'object' && address ? address.port : port}`);
});
