import { linkKey } from '../knowledge/check-source-file.ts';
import { parsePartialDate } from '../knowledge/partial-date.ts';

/**
 * Edits of a document's source file, the same entries a YAML source file holds: the write path
 * changes the file, then checks and imports it as `npm run import` does. Entries stay raw JSON
 * here: the validator, not this file, says what is wrong with them.
 */

type Entry = Record<string, unknown>;
/** A document's source file as stored: `document`, `entities`, `links`. */
export type Source = { document: Entry; entities: Entry[]; links: Entry[] };

/** Which link of a document: its type and ends, and its role and dates when several match. */
export interface LinkRef {
  type: string;
  from: string;
  to: string;
  role?: string | null;
  date?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

/** Which fact a citation edit is about: an entity by id, or a link. */
export type FactRef = { entity: string } | { link: LinkRef };

export type Edit =
  | { action: 'addEntity'; entity: unknown }
  | { action: 'correctEntity'; id: string; entity: unknown }
  | { action: 'retractEntity'; id: string }
  | { action: 'addLink'; link: unknown }
  | { action: 'correctLink'; ref: LinkRef; link: unknown }
  | { action: 'retractLink'; ref: LinkRef }
  | { action: 'addAlias'; entity: string; alias: string; curator: boolean }
  | { action: 'removeAlias'; entity: string; alias: string }
  | { action: 'addCitation'; fact: FactRef; quote: string; context: string[] }
  | { action: 'retractCitation'; fact: FactRef; quote: string }
  | { action: 'restore'; list: 'entities' | 'links'; before: Entry | null; after: Entry | null };

/** The source after an edit, and the one entry it changed, before and after. */
export interface Edited {
  source: Source;
  list: 'entities' | 'links';
  before: Entry | null;
  after: Entry | null;
}

/** An edit that cannot apply to this source (no such entity, an ambiguous link): what to fix. */
export class EditError extends Error {}

/** Applies an edit to a copy of `source`. */
export function applyEdit(source: Source, edit: Edit): Edited {
  const next: Source = structuredClone(source);
  switch (edit.action) {
    case 'addEntity':
      return added(next, 'entities', asEntry(edit.entity, 'entity'));
    case 'addLink':
      return added(next, 'links', asEntry(edit.link, 'link'));
    case 'correctEntity':
      return replaced(next, 'entities', entityIndex(next, edit.id), asEntry(edit.entity, 'entity'));
    case 'correctLink':
      return replaced(next, 'links', linkIndex(next, edit.ref), asEntry(edit.link, 'link'));
    case 'retractEntity':
      return replaced(next, 'entities', entityIndex(next, edit.id), null);
    case 'retractLink':
      return replaced(next, 'links', linkIndex(next, edit.ref), null);
    case 'addAlias':
    case 'removeAlias': {
      const i = entityIndex(next, edit.entity);
      const entry = structuredClone(next.entities[i] as Entry);
      const field = edit.action === 'addAlias' && edit.curator ? 'curatorAliases' : 'aliases';
      if (edit.action === 'addAlias') {
        const list = asStrings(entry[field]);
        if (list.includes(edit.alias))
          throw new EditError(`"${edit.entity}" already has the alias "${edit.alias}"`);
        entry[field] = [...list, edit.alias];
      } else {
        const [aliases, curator] = [asStrings(entry.aliases), asStrings(entry.curatorAliases)];
        if (!aliases.includes(edit.alias) && !curator.includes(edit.alias))
          throw new EditError(`"${edit.entity}" has no alias "${edit.alias}"`);
        entry.aliases = aliases.filter((a) => a !== edit.alias);
        entry.curatorAliases = curator.filter((a) => a !== edit.alias);
      }
      return replaced(next, 'entities', i, entry);
    }
    case 'addCitation':
    case 'retractCitation': {
      const [list, i] =
        'entity' in edit.fact
          ? (['entities', entityIndex(next, edit.fact.entity)] as const)
          : (['links', linkIndex(next, edit.fact.link)] as const);
      const entry = structuredClone(next[list][i] as Entry);
      const cite =
        typeof entry.cite === 'string' ? [entry.cite] : ((entry.cite as unknown[]) ?? []);
      if (edit.action === 'addCitation') {
        if (cite.includes(edit.quote)) throw new EditError(`it already cites "${edit.quote}"`);
        entry.cite = [...edit.context.map((context) => ({ context })), ...cite, edit.quote];
      } else {
        if (!cite.includes(edit.quote)) throw new EditError(`it does not cite "${edit.quote}"`);
        entry.cite = cite.filter((item) => item !== edit.quote);
      }
      return replaced(next, list, i, entry);
    }
    case 'restore':
      return restored(next, edit.list, edit.before, edit.after);
  }
}

/** A link's identity across documents, as the graph keeps it: type, ends and key. */
export function linkIdentity(entry: Entry): string {
  const value = (field: string) => {
    const raw = entry[field];
    const written =
      typeof raw === 'object' && raw !== null ? (raw as { value?: unknown }).value : raw;
    if (written === undefined || written === null) return undefined;
    const parsed = parsePartialDate(String(written));
    return typeof parsed === 'string' ? String(written) : parsed.value;
  };
  const role = typeof entry.role === 'string' ? entry.role : undefined;
  const key = linkKey(role, value('date'), value('validFrom'), value('validTo'));
  return `${String(entry.type)}|${String(entry.from)}|${String(entry.to)}|${key}`;
}

function added(source: Source, list: 'entities' | 'links', entry: Entry): Edited {
  source[list].push(entry);
  return { source, list, before: null, after: entry };
}

function replaced(
  source: Source,
  list: 'entities' | 'links',
  index: number,
  entry: Entry | null,
): Edited {
  const before = source[list][index] as Entry;
  if (entry) source[list][index] = entry;
  else source[list].splice(index, 1);
  return { source, list, before, after: entry };
}

/** Puts `before` back where `after` is: the inverse of a revision's change. */
function restored(
  source: Source,
  list: 'entities' | 'links',
  before: Entry | null,
  after: Entry | null,
): Edited {
  if (after === null) return added(source, list, before as Entry);
  const same = JSON.stringify(after);
  const index = source[list].findIndex((entry) => JSON.stringify(entry) === same);
  if (index < 0)
    throw new EditError(
      'what this revision wrote has changed since; revert the later revisions first',
    );
  return replaced(source, list, index, before);
}

/** The entry of `source` that declares the entity `id`, as stored; null when it declares none. */
export function entityEntry(source: Source, id: string): Entry | null {
  return source.entities.find((entry) => entry.id === id) ?? null;
}

/**
 * The entry of `source` that states the link with this identity (`linkIdentity`, as the graph and
 * the revision log keep it); null when the document does not state it.
 */
export function linkEntryOf(source: Source, identity: string): Entry | null {
  return source.links.find((entry) => linkIdentity(entry) === identity) ?? null;
}

function entityIndex(source: Source, id: string): number {
  const index = source.entities.findIndex((entry) => entry.id === id);
  if (index < 0) throw new EditError(`the document declares no entity "${id}"`);
  return index;
}

function linkIndex(source: Source, ref: LinkRef): number {
  const written = (raw: unknown) =>
    typeof raw === 'object' && raw !== null ? (raw as { value?: unknown }).value : raw;
  const matches = source.links.flatMap((entry, i) => {
    if (entry.type !== ref.type || entry.from !== ref.from || entry.to !== ref.to) return [];
    for (const field of ['role', 'date', 'validFrom', 'validTo'] as const) {
      const wanted = ref[field];
      if (wanted != null && String(written(entry[field])) !== wanted) return [];
    }
    return [i];
  });
  const name = `${ref.from} -${ref.type}-> ${ref.to}`;
  if (matches.length === 0) throw new EditError(`the document states no link ${name}`);
  if (matches.length > 1)
    throw new EditError(`the document states ${matches.length} links ${name}: give role or dates`);
  return matches[0] as number;
}

function asEntry(value: unknown, what: string): Entry {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new EditError(`${what} must be an object with the fields of a source file's ${what}`);
  return value as Entry;
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
