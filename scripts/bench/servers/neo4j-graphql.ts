/** Bench server (b): graphql-yoga over `@neo4j/graphql` type definitions, same graph. */
import { createServer } from 'node:http';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';
import { countingDriver, serverEnv, statsRoute } from './counting.ts';
import { NEO4J_GRAPHQL_TYPEDEFS } from './neo4j-graphql-typedefs.ts';

const { uri, port, pool } = serverEnv();
const driver = countingDriver(
  neo4j.driver(
    uri,
    neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'neo4j'),
    { maxConnectionPoolSize: pool, connectionAcquisitionTimeout: 10_000 },
  ),
);
const schema = await new Neo4jGraphQL({
  typeDefs: NEO4J_GRAPHQL_TYPEDEFS,
  driver,
  // Documented feature flag: string comparisons (lte/gt) for the ISO date strings.
  features: { filters: { String: { LT: true, LTE: true, GT: true, GTE: true } } },
}).getSchema();
const yoga = createYoga({
  schema,
  graphqlEndpoint: '/graphql',
  landingPage: false,
  graphiql: false,
});
const server = createServer((req, res) => {
  if (!statsRoute(req, res)) yoga(req, res);
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`READY ${typeof address === 'object' && address ? address.port : port}`);
});
