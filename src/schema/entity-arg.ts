import type { Context } from '../context.ts';
import type { EntityRow } from '../db/entity-row.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { ENTITY_KINDS, type EntityKind } from '../knowledge/vocabulary.ts';
import { entityLoader } from './loaders.ts';

/** How every argument naming an entity describes what it takes. */
export const ENTITY_ARG_FORMS = 'its slug (e.g. "russia") or its global id (`id`)';

/** An entity as an argument names it: by slug, or by global id (which also says its kind). */
export interface EntityName {
  slug: string;
  kind: EntityKind | null;
}

const isKind = (name: string): name is EntityKind =>
  (ENTITY_KINDS as readonly string[]).includes(name);

// Padded base64, as Relay global ids are written: anything else is a slug, decided without the
// exception decodeGlobalID throws for it (slugs are the common case, and a thrown error costs).
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The parts of a global id ("Type:id" in base64), or null when `value` is not one. */
function globalIdParts(value: string): { typename: string; id: string } | null {
  if (!BASE64.test(value)) return null;
  const text = Buffer.from(value, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon > 0 ? { typename: text.slice(0, colon), id: text.slice(colon + 1) } : null;
}

/**
 * Reads an argument that names an entity. A global id of an entity kind gives its slug and kind;
 * a global id of another type (a Document, a relation) is refused; anything else is a slug.
 * Slugs are lower-case and global ids base64 of "Kind:slug", so the two never collide.
 */
export function parseEntityName(value: string, argument: string): EntityName {
  const decoded = globalIdParts(value);
  if (decoded && /^[A-Z][A-Za-z]*$/.test(decoded.typename) && decoded.id !== '') {
    if (isKind(decoded.typename)) return { slug: decoded.id, kind: decoded.typename };
    throw new ValidationError(
      `${argument}: "${value}" is the id of a ${decoded.typename}, not of an entity`,
    );
  }
  return { slug: value, kind: null };
}

/** True when a row is the entity a name means (a global id also fixes the kind). */
export const matchesName = (row: EntityRow | null | undefined, name: EntityName) =>
  !!row && (name.kind === null || row.kind === name.kind);

/** The entity an argument names; NOT_FOUND (naming the argument) when there is none. */
export async function namedEntity(
  ctx: Context,
  value: string,
  argument: string,
): Promise<EntityRow> {
  const name = parseEntityName(value, argument);
  const row = await entityLoader(ctx).load(name.slug);
  if (!row || !matchesName(row, name)) {
    throw new NotFoundError(`${argument}: no entity has the id "${value}"`);
  }
  return row;
}

/** The slug an argument names, checked to exist only when given as a global id of a kind. */
export async function namedSlug(ctx: Context, value: string, argument: string): Promise<string> {
  const name = parseEntityName(value, argument);
  if (name.kind !== null) await namedEntity(ctx, value, argument);
  return name.slug;
}
