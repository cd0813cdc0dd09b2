import type { Declaration } from '../knowledge/catalog.ts';
import { NAME_RUN } from '../knowledge/proposals/mentions.ts';
import { escapeLucene, foldWord } from './lucene-query.ts';

type Run = <Row>(cypher: string, params: Record<string, unknown>) => Promise<Row[]>;

/** Hits kept per word of the text: a name is rarely shared by more entities. */
const HITS_PER_WORD = 10;
/** Words looked up at most: a long text's distinct capitalised words. */
const MAX_WORDS = 500;

interface Row {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  description: string;
}

/**
 * One Lucene query per distinct capitalised word of the text: its name or alias fields, exact or
 * one edit away ("sergei" finds "Sergey"). Fuzzy terms skip the analyzer, so they arrive folded.
 */
export function nameQueries(text: string): string[] {
  const words = new Set<string>();
  for (const m of text.matchAll(NAME_RUN))
    for (const word of m[0].split(/[\s-]+/))
      if (/^\p{Lu}/u.test(word) && word.length > 2) words.add(foldWord(word.replace(/\W+$/, '')));
  return [...words].slice(0, MAX_WORDS).map((word) => {
    const term = escapeLucene(word);
    const forms = word.length >= 4 ? `(${term} OR ${term}~1)` : term;
    return `name:${forms} OR aliasText:${forms}`;
  });
}

/**
 * The graph's entities a text may name, as a catalogue for the drafting proposals: those the
 * full-text index (`entity_search`) finds for its capitalised words, close spellings included,
 * and every country (so that a capital written for its government can be flagged). The in-memory
 * matcher then decides which passages name which of them.
 */
export async function catalogFromGraph(run: Run, text: string): Promise<Declaration[]> {
  const rows = await run<Row>(
    `CALL (){
       UNWIND $queries AS q
       CALL db.index.fulltext.queryNodes('entity_search', q, {limit: $limit}) YIELD node
       RETURN node
       UNION
       MATCH (node:Country)
       RETURN node
     }
     WITH DISTINCT node
     RETURN node.id AS id, node.kind AS kind, node.name AS name,
       coalesce(node.aliases, []) AS aliases, coalesce(node.description, '') AS description`,
    { queries: nameQueries(text), limit: HITS_PER_WORD },
  );
  return rows.map((r) => ({
    ...r,
    file: 'graph',
    document: 'graph',
    raw: { id: r.id, kind: r.kind, name: r.name, aliases: r.aliases, description: r.description },
  }));
}
