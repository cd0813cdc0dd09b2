/**
 * `npm run bench:explain`: what each server asks Neo4j for each query of the mix, measured by
 * Cypher `PROFILE`: round trips, database hits and rows. Runs the three servers' code in-process
 * (this server's app, an `@neo4j/graphql` schema, the hand-written Cypher) on one variant each.
 *
 * Options: --scale (10), --seed (1), --queries, --reuse (keep the data already in NEO4J_URI),
 * --show (print every Cypher statement with its figures), --plan (and its operators' db hits).
 */
import { parseArgs } from 'node:util';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { createApp } from '../../src/yoga.ts';
import { type BenchQuery, benchQueries, requestBody, SERVERS, type ServerName } from './queries.ts';
import { countingDriver } from './servers/counting.ts';
import { NEO4J_GRAPHQL_TYPEDEFS } from './servers/neo4j-graphql-typedefs.ts';
import { loadScale, openDb, startNeo4j } from './setup.ts';

const { values: opts } = parseArgs({
  options: {
    scale: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    queries: { type: 'string' },
    reuse: { type: 'boolean', default: false },
    show: { type: 'boolean', default: false },
    plan: { type: 'boolean', default: false },
  },
});
const seed = Number(opts.seed);
const log = (line: string) => console.error(`[explain] ${line}`);

interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

/** Total database hits and rows produced, over a profiled plan's operators. */
function planFigures(plan: ProfiledPlan): { dbHits: number; rows: number } {
  let dbHits = plan.dbHits;
  let rows = plan.rows;
  for (const child of plan.children) {
    const inner = planFigures(child);
    dbHits += inner.dbHits;
    rows += inner.rows;
  }
  return { dbHits, rows };
}

/** The operator tree, one line per operator: db hits, rows and what it does. */
function planLines(plan: ProfiledPlan, depth = 0): string[] {
  const details = String(plan.arguments.Details ?? '').slice(0, 110);
  const line = `${'  '.repeat(depth)}${plan.operatorType} ${plan.dbHits} hits ${plan.rows} rows  ${details}`;
  return [line, ...plan.children.flatMap((child) => planLines(child, depth + 1))];
}

async function profile(db: Database, statement: Statement) {
  const session = db.driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(`PROFILE ${statement.cypher}`, statement.params);
    const plan = result.summary.profile;
    if (plan && opts.plan) console.log(planLines(plan).join('\n'));
    return plan ? planFigures(plan) : { dbHits: 0, rows: 0 };
  } finally {
    await session.close();
  }
}

type Fetcher = (body: string) => Promise<unknown>;

async function main() {
  const all = benchQueries(seed, Number(opts.scale));
  const wanted = opts.queries?.split(',');
  const queries = wanted ? all.filter((q) => wanted.includes(q.name)) : all;
  const neo = await startNeo4j(log);
  const db = openDb(neo.uri);
  try {
    if (!opts.reuse) await loadScale(db, Number(opts.scale), seed, log);
    const captured: Statement[] = [];
    const capture = (cypher: string, params: Record<string, unknown> | undefined) => {
      captured.push({ cypher, params: params ?? {} });
    };

    db.onQuery(capture);
    const ours = createApp({ db, config: loadConfig({ ...process.env, NODE_ENV: 'production' }) });
    const neo4jGraphqlSchema = await new Neo4jGraphQL({
      typeDefs: NEO4J_GRAPHQL_TYPEDEFS,
      driver: countingDriver(db.driver, capture),
      features: { filters: { String: { LT: true, LTE: true, GT: true, GTE: true } } },
    }).getSchema();
    const theirs = createYoga({ schema: neo4jGraphqlSchema, graphiql: false, landingPage: false });
    const graphql =
      (app: { fetch: (request: Request) => Response | Promise<Response> }): Fetcher =>
      async (body) => {
        const response = await app.fetch(
          new Request('http://bench/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body,
          }),
        );
        return response.json();
      };
    const fetchers: Record<Exclude<ServerName, 'raw'>, Fetcher> = {
      ours: graphql(ours),
      neo4jGraphql: graphql(theirs),
    };

    const lines = ['| query | server | round trips | db hits | rows |', '|---|---|---:|---:|---:|'];
    for (const q of queries) {
      const variant = q.variants[0] as Record<string, unknown>;
      for (const server of SERVERS) {
        const statements = await statementsOf(server, q, variant, fetchers, captured);
        let dbHits = 0;
        let rows = 0;
        for (const statement of statements) {
          const figures = await profile(db, statement);
          dbHits += figures.dbHits;
          rows += figures.rows;
          if (opts.show) {
            console.log(
              `\n-- ${q.name} / ${server}: ${figures.dbHits} db hits\n${statement.cypher.trim()}\n-- params ${JSON.stringify(statement.params).slice(0, 400)}`,
            );
          }
        }
        lines.push(`| ${q.name} | ${server} | ${statements.length} | ${dbHits} | ${rows} |`);
      }
    }
    console.log(`\n${lines.join('\n')}`);
  } finally {
    await db.close();
    await neo.stop();
  }
}

async function statementsOf(
  server: ServerName,
  q: BenchQuery,
  variant: Record<string, unknown>,
  fetchers: Record<Exclude<ServerName, 'raw'>, Fetcher>,
  captured: Statement[],
): Promise<Statement[]> {
  if (server === 'raw') return [{ cypher: q.raw.cypher, params: q.raw.params(variant) }];
  captured.length = 0;
  const answer = (await fetchers[server](requestBody(server, q, variant))) as { errors?: unknown };
  if (answer.errors) throw new Error(`${server} ${q.name}: ${JSON.stringify(answer.errors)}`);
  return [...captured];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
