/** `npm run lookup <name, alias or id…>`: entities the source files in data/ declare (DATA_DIR to change). */
import { loadCatalog } from '../src/knowledge/catalog.ts';
import { describeLookup } from '../src/knowledge/lookup.ts';

const queries = process.argv.slice(2);
if (queries.length === 0) {
  console.error('usage: npm run lookup <name, alias or id> [more…]');
  process.exit(2);
}
const catalog = await loadCatalog(process.env.DATA_DIR ?? 'data');
for (const query of queries) for (const line of describeLookup(catalog, query)) console.log(line);
