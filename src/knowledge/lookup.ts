import { stringify } from 'yaml';
import { type Declaration, lookUp, nearIds } from './catalog.ts';

/**
 * What a curator reads when looking up a name: each matching entity with its kind, names and
 * declaring files, and a declaration to copy (its cite and note left for the new document).
 */
export function describeLookup(catalog: Declaration[], query: string): string[] {
  const found = lookUp(catalog, query);
  if (found.length === 0) {
    const near = nearIds(catalog, query.trim().toLowerCase().replace(/\s+/g, '-'));
    return [
      `no entity named, aliased or with id "${query}"` +
        (near.length > 0 ? `; near ids: ${near.join(', ')}` : ''),
    ];
  }
  const lines: string[] = [];
  const byId = new Map<string, Declaration[]>();
  for (const d of found) byId.set(d.id, [...(byId.get(d.id) ?? []), d]);
  for (const [id, declarations] of byId) {
    const first = declarations[0] as Declaration;
    const kinds = [...new Set(declarations.map((d) => d.kind))].join(' / ');
    const aliases = [...new Set(declarations.flatMap((d) => d.aliases))];
    lines.push(
      `${id} (${kinds}) "${first.name}"${aliases.length ? `; aliases: ${aliases.join(', ')}` : ''}`,
    );
    for (const d of declarations) lines.push(`  declared in ${d.file} (${d.document})`);
    const { cite: _, note: __, ...copy } = first.raw;
    lines.push('  to declare it in your file, copy and cite your document:');
    const yaml = stringify([{ ...copy, cite: 'QUOTE FROM YOUR DOCUMENT' }]).trimEnd();
    lines.push(...yaml.split('\n').map((line) => `    ${line}`));
  }
  return lines;
}
