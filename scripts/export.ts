/**
 * `npm run export -- --out DIR [--replace]`: writes every document of the configured Neo4j back as
 * source files (`DIR/<id>.yaml` and its text), which `npm run import` loads into the same graph.
 */
import { parseArgs } from 'node:util';
import { ExportError, exportGraph } from '../src/db/export.ts';
import { DatabaseUnavailableError } from '../src/errors.ts';
import { withDatabase } from './database.ts';

const usage = 'usage: npm run export -- --out <folder> [--replace]';
let out: string | undefined;
let replace = false;
try {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, replace: { type: 'boolean', default: false } },
  });
  out = values.out;
  replace = values.replace;
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (!out) {
  console.error(usage);
  process.exit(2);
}
const folder = out;
try {
  const summary = await withDatabase(async (db) => {
    // Fails at once with a plain message when nothing answers, rather than after retries.
    if (!(await db.ping(5_000))) throw new DatabaseUnavailableError();
    return exportGraph(db, folder, { replace, log: (line) => console.log(`  ${line}`) });
  });
  for (const warning of summary.warnings) console.log(`  warning: ${warning}`);
  console.log(
    `exported ${summary.documents} document(s), ${summary.entities} entity statements and ` +
      `${summary.links} link statements to ${folder}`,
  );
} catch (error) {
  const reason =
    error instanceof DatabaseUnavailableError
      ? `Neo4j does not answer (${process.env.NEO4J_URI ?? 'the local database'}); start it or set NEO4J_URI`
      : error instanceof ExportError
        ? error.message
        : `${(error as Error).message}`;
  console.error(`export failed, nothing written: ${reason}`);
  process.exitCode = 1;
}
