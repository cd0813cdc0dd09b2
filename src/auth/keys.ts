import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { ValidationError } from '../errors.ts';
import { type Principal, ROLES, type Role } from './roles.ts';

/**
 * API keys: `rgk_<id>_<secret>`. Only a SHA-256 of the secret is stored; the secret has 256 bits
 * of entropy, so a slow hash adds nothing. The whole key is shown once, at creation.
 */

const PREFIX = 'rgk';
const KEY_FORMAT = /^rgk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface KeyRow {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest();

/** Creates a key; the returned `key` is the only copy of its secret. */
export async function createKey(
  db: Database,
  input: { name: string; role: string; expiresAt?: string | null },
): Promise<{ key: string; row: KeyRow }> {
  if (!(ROLES as readonly string[]).includes(input.role))
    throw new ValidationError(`role must be one of ${ROLES.join(', ')}; got "${input.role}"`);
  if (input.name.trim().length === 0) throw new ValidationError('name must not be empty');
  const expires = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expires && Number.isNaN(expires.getTime()))
    throw new ValidationError(`expiresAt must be an ISO date-time; got "${input.expiresAt}"`);
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const [row] = await db.writeTransaction((tx) =>
    db.run<KeyRow>(
      tx,
      `CREATE (k:ApiKey {id: $id, name: $name, role: $role, hash: $hash,
                         createdAt: $now, expiresAt: $expiresAt, revokedAt: null})
       RETURN k.id AS id, k.name AS name, k.role AS role, k.createdAt AS createdAt,
              k.expiresAt AS expiresAt, k.revokedAt AS revokedAt`,
      {
        id,
        name: input.name.trim(),
        role: input.role,
        hash: hashOf(secret).toString('hex'),
        now: new Date().toISOString(),
        expiresAt: expires?.toISOString() ?? null,
      },
    ),
  );
  return { key: `${PREFIX}_${id}_${secret}`, row: row as KeyRow };
}

/** Every key, newest first, without their hashes. */
export async function listKeys(db: Database): Promise<KeyRow[]> {
  return db.read<KeyRow>(
    `MATCH (k:ApiKey)
     RETURN k.id AS id, k.name AS name, k.role AS role, k.createdAt AS createdAt,
            k.expiresAt AS expiresAt, k.revokedAt AS revokedAt
     ORDER BY k.createdAt DESC`,
  );
}

/** Revokes a key by id; false when no key has that id or it was already revoked. */
export async function revokeKey(db: Database, id: string): Promise<boolean> {
  const rows = await db.writeTransaction((tx) =>
    db.run(
      tx,
      `MATCH (k:ApiKey {id: $id}) WHERE k.revokedAt IS NULL
       SET k.revokedAt = $now RETURN k.id AS id`,
      { id, now: new Date().toISOString() },
    ),
  );
  return rows.length > 0;
}

/**
 * Who a bearer key belongs to, or null when it is malformed, unknown, revoked or expired: the
 * caller answers all of these alike, so nobody learns whether a key exists.
 */
export async function verifyKey(db: Database, key: string): Promise<Principal | null> {
  const match = KEY_FORMAT.exec(key);
  if (!match) return null;
  const [, id, secret] = match as unknown as [string, string, string];
  const [row] = await db.read<KeyRow & { hash: string }>(
    `MATCH (k:ApiKey {id: $id})
     RETURN k.id AS id, k.name AS name, k.role AS role, k.hash AS hash,
            k.expiresAt AS expiresAt, k.revokedAt AS revokedAt`,
    { id },
  );
  const given = hashOf(secret);
  // Compared in constant time even when no key has this id.
  const stored = row ? Buffer.from(row.hash, 'hex') : Buffer.alloc(given.length);
  const equal = stored.length === given.length && timingSafeEqual(stored, given);
  if (!row || !equal || row.revokedAt) return null;
  if (row.expiresAt && Date.parse(row.expiresAt) <= Date.now()) return null;
  return { id: row.id, name: row.name, role: row.role };
}
