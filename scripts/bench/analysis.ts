/**
 * `npm run bench:analysis [-- --n 18,21,90]`: how long the server spends analysing an operation
 * before it runs (or refuses) it, for fragment chains that double at each step
 * (`fragment F2 on Query { ...F1 ...F1 }`): a walk that revisits every spread takes 2^n steps.
 * Prints, per n, the end-to-end time of the request through the app (parse, validation with the
 * depth rule and graphql-armor's, cost) and the time of each walk alone (depth, cost, the planner's).
 * No Neo4j is needed: the Query chain selects only `__typename`, and the planner is timed on the
 * parsed entity chain, without running it.
 */
import { parseArgs } from 'node:util';
import {
  type GraphQLObjectType,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { loadConfig } from '../../src/config.ts';
import { connectDatabase } from '../../src/db/connect.ts';
import { planOperation } from '../../src/planner/plan.ts';
import { SelectionWalk } from '../../src/planner/selection-walk.ts';
import { schema } from '../../src/schema/index.ts';
import { operationCost } from '../../src/security/cost.ts';
import { depthOf } from '../../src/security/depth.ts';
import { createApp } from '../../src/yoga.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '18,21,90' },
    runs: { type: 'string', default: '5' },
  },
});
const sizes = values.n.split(',').map(Number);
const runs = Number(values.runs);

/** `{ ...F<n> }` where each fragment spreads the one before it twice, down to `base`. */
function fragmentChain(n: number, type: string, root: string, base: string): string {
  const fragments = [`fragment F0 on ${type} { ${base} }`];
  for (let k = 1; k <= n; k++) {
    fragments.push(`fragment F${k} on ${type} { ...F${k - 1} ...F${k - 1} }`);
  }
  return `${root.replace('…', `...F${n}`)}\n${fragments.join('\n')}`;
}

const queryChain = (n: number) => fragmentChain(n, 'Query', '{ … }', '__typename');
const entityChain = (n: number) =>
  fragmentChain(
    n,
    'Entity',
    '{ entity(id: "russia") { … } }',
    'name links(first: 2) { edges { node { slug } } }',
  );

/** The median of `runs` timings of `work`, in ms, and what it threw if it did. */
async function median(work: () => unknown): Promise<string> {
  const times: number[] = [];
  let failure = '';
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    try {
      await work();
    } catch (error) {
      failure = ` ${(error as Error).name}`;
    }
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return `${(times[Math.floor(times.length / 2)] as number).toFixed(2)} ms${failure}`;
}

const config = loadConfig({ NODE_ENV: 'production', SEED: 'false' });
// The driver connects lazily and nothing here reaches the database.
const db = connectDatabase(config, 'neo4j://127.0.0.1:1');
const app = createApp({ db, config });

async function request(query: string) {
  const response = await app.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return `${response.status} ${body.errors?.[0]?.extensions?.code ?? 'answered'}`;
}

console.log(`median of ${runs} runs; Node ${process.version}`);
console.log(
  `${'n'.padStart(3)} ${'request'.padStart(12)} ${'(answer)'.padEnd(26)}${['depth', 'cost', 'plan'].map((s) => s.padStart(26)).join('')}`,
);
for (const n of sizes) {
  const query = queryChain(n);
  const document = parse(query);
  const operation = getOperationAST(document) as OperationDefinitionNode;
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [],
    ),
  );
  const scope = { schema, fragment: (name: string) => fragments.get(name) };
  let answer = '';
  const whole = await median(async () => {
    answer = await request(query);
  });
  const depth = await median(() =>
    depthOf(
      new SelectionWalk(scope),
      [operation.selectionSet],
      schema.getQueryType() as GraphQLObjectType,
    ),
  );
  const cost = await median(() => operationCost(schema, document, operation, {}));
  const chain = parse(entityChain(n));
  // The planner's own walk of the whole operation (its cache is bypassed: this is planning).
  const plan = await median(() => planOperation(schema, chain));
  console.log(
    `${String(n).padStart(3)} ${whole.padStart(12)} ${`(${answer})`.padEnd(26)}${[depth, cost, plan].map((s) => s.padStart(26)).join('')}`,
  );
}
await db.close();
