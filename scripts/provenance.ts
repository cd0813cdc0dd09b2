/** `npm run provenance <entity-id…>`: which document backs which value of these entities and their links. */
import { stringify } from 'yaml';
import { provenanceOf } from '../src/db/provenance-repository.ts';
import { withDatabase } from './database.ts';

const ids = process.argv.slice(2);
if (ids.length === 0) {
  console.error('usage: npm run provenance <entity-id> [more ids…]');
  process.exit(2);
}
const found = await withDatabase((db) => provenanceOf(db, ids));
const missing = ids.filter((id) => !found.entities.some((e) => e.id === id));
for (const id of missing) console.error(`no entity "${id}" in the graph (npm run lookup ${id})`);
console.log(stringify(found));
process.exitCode = missing.length > 0 ? 1 : 0;
