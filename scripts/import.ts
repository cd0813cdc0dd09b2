/** `npm run import <file…>`: checks and loads source files into the configured Neo4j. */
import { loadConfig } from '../src/config.ts';
import { connectDatabase } from '../src/db/connect.ts';
import { applySchema } from '../src/db/schema-setup.ts';
import { importFile } from '../src/db/seed.ts';
import { startLocalNeo4j } from '../src/local-neo4j/launcher.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run import <source-file.yaml> [more files…]');
  process.exit(2);
}
const config = loadConfig();
const local = config.NEO4J_URI
  ? undefined
  : await startLocalNeo4j({ dataDir: config.NEO4J_LOCAL_DATA_DIR, port: config.NEO4J_LOCAL_PORT });
const db = connectDatabase(config, config.NEO4J_URI ?? (local as { uri: string }).uri, {
  maxPoolSize: 2,
});
let failed = false;
try {
  await applySchema(db);
  for (const file of files) {
    try {
      const summary = await importFile(db, file);
      console.log(`${file}: imported ${summary.entities} entities and ${summary.links} links`);
    } catch (error) {
      failed = true;
      console.error(error instanceof Error ? error.message : error);
    }
  }
} finally {
  await db.close();
  await local?.stop();
}
process.exitCode = failed ? 1 : 0;
