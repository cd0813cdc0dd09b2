/**
 * `npm run key -- create --role curator --name "Ann"` (prints the key once), `list`, `revoke <id>`:
 * API keys for writes. Only a hash of each key is stored.
 */
import { parseArgs } from 'node:util';
import { createKey, listKeys, revokeKey } from '../src/auth/keys.ts';
import { applySchema } from '../src/db/schema-setup.ts';
import { withDatabase } from './database.ts';

const USAGE = `usage: npm run key -- create --role curator|editor|admin --name NAME [--expires ISO-DATE]
       npm run key -- list
       npm run key -- revoke KEY-ID`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { role: { type: 'string' }, name: { type: 'string' }, expires: { type: 'string' } },
});
const [command, id] = positionals;

if (command === 'create' && values.role && values.name) {
  await withDatabase(async (db) => {
    await applySchema(db);
    const { key, row } = await createKey(db, {
      name: values.name as string,
      role: values.role as string,
      expiresAt: values.expires ?? null,
    });
    console.log(
      `created key ${row.id} (${row.role}, "${row.name}"). Keep it now: it is not shown again.`,
    );
    console.log(key);
  });
} else if (command === 'list') {
  await withDatabase(async (db) => {
    for (const row of await listKeys(db)) {
      const state = row.revokedAt
        ? `revoked ${row.revokedAt}`
        : row.expiresAt
          ? `expires ${row.expiresAt}`
          : 'active';
      console.log(`${row.id}  ${row.role.padEnd(7)}  ${row.createdAt}  ${state}  ${row.name}`);
    }
  });
} else if (command === 'revoke' && id) {
  const revoked = await withDatabase((db) => revokeKey(db, id));
  console.log(revoked ? `revoked ${id}` : `no active key has the id ${id}`);
  if (!revoked) process.exitCode = 1;
} else {
  console.error(USAGE);
  process.exitCode = 2;
}
