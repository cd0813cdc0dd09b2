/**
 * `npm run lookup [--graph] <name, alias or id…>`: the entities the source files in data/ declare
 * (DATA_DIR to change), or with --graph those the graph holds, with the documents that declare them.
 */
import { entitiesNamed } from '../src/db/provenance-repository.ts';
import { loadCatalog } from '../src/knowledge/catalog.ts';
import { describeLookup } from '../src/knowledge/lookup.ts';
import { withDatabase } from './database.ts';

const args = process.argv.slice(2);
const graph = args.includes('--graph');
const queries = args.filter((arg) => arg !== '--graph');
if (queries.length === 0) {
  console.error('usage: npm run lookup [--graph] <name, alias or id> [more…]');
  process.exit(2);
}
if (graph) {
  await withDatabase(async (db) => {
    for (const query of queries) {
      const found = await entitiesNamed(db, query);
      if (found.length === 0)
        console.log(`no entity in the graph named, aliased or with id "${query}"`);
      for (const e of found) {
        const aliases = e.aliases.length > 0 ? `; aliases: ${e.aliases.join(', ')}` : '';
        console.log(`${e.id} (${e.kind}) "${e.name}"${aliases}`);
        console.log(`  declared by ${e.documents.join(', ')}`);
      }
    }
  });
} else {
  const catalog = await loadCatalog(process.env.DATA_DIR ?? 'data');
  for (const query of queries) for (const line of describeLookup(catalog, query)) console.log(line);
}
