/**
 * `npm run key -- create --role curator --name "Ann"` (prints the key once), `list`, `revoke <id>`:
 * API keys for writes. Only a hash of each key is stored.
 */
import { parseArgs } from 'node:util';
import { createKey, listKeys, revokeKey } from '../src/auth/keys.ts';
import { applySchema } from '../src/db/schema-setup.ts';
import { ValidationError } from '../src/errors.ts';
import { withDatabase } from './database.ts';

const USAGE = `usage: npm run key -- create --role curator|editor|admin --name NAME [--expires ISO-DATE]
       npm run key -- list
       npm run key -- revoke KEY-ID`;

/** Says what is wrong with the command line, then how to use it; exit code 2. */
function refuse(problem: string): never {
  console.error(`${problem}\n${USAGE}`);
  process.exit(2);
}

const OPTIONS = {
  role: { type: 'string' },
  name: { type: 'string' },
  expires: { type: 'string' },
} as const;

function parse() {
  try {
    return parseArgs({ allowPositionals: true, options: OPTIONS });
  } catch (error) {
    // An unknown option or a missing value: node says which.
    return refuse((error as Error).message);
  }
}

const { positionals, values } = parse();
const [command, id] = positionals;

if (command === 'create') {
  if (!values.role || !values.name) refuse('create needs --role and --name');
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
  }).catch((error: unknown) => {
    if (error instanceof ValidationError) refuse(error.message);
    throw error;
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
} else if (command === 'revoke') {
  if (!id) refuse('revoke needs the id of the key (npm run key -- list shows them)');
  const revoked = await withDatabase((db) => revokeKey(db, id));
  if (revoked) console.log(`revoked ${id}`);
  else console.error(`no active key has the id ${id}`);
  if (!revoked) process.exitCode = 1;
} else {
  refuse(command ? `unknown command "${command}"` : 'no command given');
}
