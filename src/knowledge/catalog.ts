import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { distance } from 'fastest-levenshtein';
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

/**
 * Every declaration of the entities whose id, name or an alias matches `query` (case-insensitive;
 * whole, else part of one).
 */
export function lookUp(catalog: Declaration[], query: string): Declaration[] {
  const q = query.trim().toLowerCase();
  const names = (d: Declaration) => [d.id, d.name, ...d.aliases].map((n) => n.toLowerCase());
  let matched = catalog.filter((d) => names(d).includes(q));
  if (matched.length === 0) matched = catalog.filter((d) => names(d).some((n) => n.includes(q)));
  const ids = new Set(matched.map((d) => d.id));
  return catalog.filter((d) => ids.has(d.id));
}

/**
 * Up to `count` declared ids whose id, name, alias or one of their words is within a few edits of
 * `query` (relative to its length), nearest first.
 */
export function nearIds(catalog: Declaration[], query: string, count = 3): string[] {
  const q = query.trim().toLowerCase();
  const best = new Map<string, number>();
  for (const d of catalog) {
    if (d.id === q) continue;
    const whole = [d.id, d.name, ...d.aliases].map((n) => n.toLowerCase());
    const words = whole.flatMap((n) => n.split(/[\s-]+/)).filter((w) => w.length > 2);
    const score = Math.min(
      ...[...whole, ...words].map((n) => distance(q, n) / Math.max(q.length, n.length)),
    );
    if (score <= 0.34 && score < (best.get(d.id) ?? Number.POSITIVE_INFINITY))
      best.set(d.id, score);
  }
  return [...best]
    .sort(([a, x], [b, y]) => x - y || a.length - b.length || a.localeCompare(b))
    .slice(0, count)
    .map(([id]) => id);
}

/** What a curator should do about a link end not declared in their file. */
export function unknownIdHint(catalog: Declaration[], id: string, file: string): string {
  const elsewhere = catalog.filter((d) => d.id === id && resolve(d.file) !== resolve(file));
  const declared = [...new Set(elsewhere.map((d) => d.file))];
  if (declared.length > 0) return `declared in ${declared.join(', ')}; copy its declaration`;
  const near = nearIds(catalog, id);
  return near.length > 0 ? `did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
}
