/**
 * `npm run bench:analysis [-- --n 18,21,90]`: how long the server spends analysing an operation
 * before it runs (or refuses) it, for fragment chains that double at each step
 * (`fragment F2 on Query { ...F1 ...F1 }`): a walk that revisits every spread takes 2^n steps.
 * Prints, per n, the end-to-end time of the request through the app (parse, validation with the
 * depth rule and graphql-armor's, cost) and the time of each walk alone (depth, cost, lookahead).
 * No Neo4j is needed: the Query chain selects only `__typename`, and the lookahead is timed on a
 * resolver's view of an entity chain without running it.
 */
import { parseArgs } from 'node:util';
import {
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { loadConfig } from '../../src/config.ts';
import { connectDatabase } from '../../src/db/connect.ts';
import { schema } from '../../src/schema/index.ts';
import { entityExpansion } from '../../src/schema/lookahead.ts';
import { operationCost } from '../../src/security/cost.ts';
import { depthOf } from '../../src/security/depth.ts';
import { SelectionWalk } from '../../src/security/selections.ts';
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

/** What a resolver of the operation's first root field sees of it, for the lookahead. */
function rootFieldInfo(query: string): GraphQLResolveInfo {
  const document = parse(query);
  const operation = getOperationAST(document) as OperationDefinitionNode;
  const field = operation.selectionSet.selections[0] as FieldNode;
  const fragments = Object.fromEntries(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [],
    ),
  );
  const queryType = schema.getQueryType() as GraphQLObjectType;
  const definition = queryType.getFields()[field.name.value];
  return {
    schema,
    fragments,
    variableValues: {},
    fieldNodes: [field],
    returnType: definition?.type,
    parentType: queryType,
    fieldName: field.name.value,
    operation,
  } as unknown as GraphQLResolveInfo;
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
  `${'n'.padStart(3)} ${'request'.padStart(12)} ${'(answer)'.padEnd(26)}${['depth', 'cost', 'lookahead'].map((s) => s.padStart(26)).join('')}`,
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
  const info = rootFieldInfo(entityChain(n));
  // A fresh variables object: the lookahead keeps one walk per execution, keyed by it.
  const lookahead = await median(() => entityExpansion({ ...info, variableValues: {} }));
  console.log(
    `${String(n).padStart(3)} ${whole.padStart(12)} ${`(${answer})`.padEnd(26)}${[depth, cost, lookahead].map((s) => s.padStart(26)).join('')}`,
  );
}
await db.close();
