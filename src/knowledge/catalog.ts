import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { parse } from 'yaml';
import { sourceFilesIn } from './source-files.ts';

/** One entity as a source file declares it, read leniently so that a broken file still counts. */
export interface Declaration {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  description: string;
  /** The source file that declares it, and its document id. */
  file: string;
  document: string;
  /** The declaration as written, for a curator to copy. */
  raw: Record<string, unknown>;
}

/** Every entity declared by the source files of a folder. */
export async function loadCatalog(dir: string): Promise<Declaration[]> {
  const declarations: Declaration[] = [];
  for (const file of await sourceFilesIn(dir)) {
    let raw: { document?: { id?: unknown }; entities?: unknown };
    try {
      raw = parse(await readFile(file, 'utf8')) ?? {};
    } catch {
      continue;
    }
    const document = typeof raw.document?.id === 'string' ? raw.document.id : basename(file);
    for (const entry of Array.isArray(raw.entities) ? raw.entities : []) {
      const e = entry as Record<string, unknown>;
      if (typeof e.id !== 'string') continue;
      declarations.push({
        id: e.id,
        kind: String(e.kind ?? ''),
        name: String(e.name ?? ''),
        aliases: Array.isArray(e.aliases) ? e.aliases.map(String) : [],
        description: String(e.description ?? ''),
        file,
        document,
        raw: e,
      });
    }
  }
  return declarations;
}

/** Declarations whose id, name or an alias matches `query` (case-insensitive; whole, then part). */
export function lookUp(catalog: Declaration[], query: string): Declaration[] {
  const q = query.trim().toLowerCase();
  const names = (d: Declaration) => [d.id, d.name, ...d.aliases].map((n) => n.toLowerCase());
  const exact = catalog.filter((d) => names(d).includes(q));
  if (exact.length > 0) return exact;
  return catalog.filter((d) => names(d).some((n) => n.includes(q)));
}

/** Up to `count` declared ids nearest to `id` by edit distance (and sharing a word with it). */
export function nearIds(catalog: Declaration[], id: string, count = 3): string[] {
  const ids = [...new Set(catalog.map((d) => d.id))].filter((other) => other !== id);
  const words = new Set(id.split('-'));
  const near = ids
    .map((other) => ({ other, cost: distance(id, other) }))
    .filter(
      ({ other, cost }) =>
        cost <= Math.max(2, Math.floor(id.length / 3)) ||
        other.split('-').some((w) => w.length > 3 && words.has(w)),
    )
    .sort((a, b) => a.cost - b.cost || a.other.localeCompare(b.other))
    .map(({ other }) => other);
  if (near.length === 0 && ids.length > 0) return [closest(id, ids)];
  return near.slice(0, count);
}

/** What a curator should do about a link end not declared in their file. */
export function unknownIdHint(catalog: Declaration[], id: string, file: string): string {
  const elsewhere = catalog.filter((d) => d.id === id && resolve(d.file) !== resolve(file));
  const declared = [...new Set(elsewhere.map((d) => d.file))];
  if (declared.length > 0) return `declared in ${declared.join(', ')}; copy its declaration`;
  const near = nearIds(catalog, id);
  return near.length > 0 ? `did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
}
