import { describe, expect, it } from 'vitest';
import type { Reads } from '../../src/db/database.ts';
import { expandedEntitiesQuery } from '../../src/db/expansion.ts';
import { MAX_TYPES_IN_PATTERN } from '../../src/db/link-pattern.ts';
import { TimelineRepository } from '../../src/db/timeline-repository.ts';
import { type EntityKind, LINK_TYPE_NAMES } from '../../src/knowledge/vocabulary.ts';
import type { LinkSpec } from '../../src/planner/plan-types.ts';
import { type Expansion, NO_EXPANSION } from '../../src/planner/plan-types.ts';
import { linkExpansion } from '../helpers/link-expansion.ts';

// Requests that differ only in values (kinds, page windows) send Neo4j one statement text: Neo4j
// plans a text once. Link types and directions are drawn into the pattern (so a dense node is
// expanded by type), which makes a bounded number of texts: see src/db/link-pattern.ts.

const window = { start: 0, end: null, first: 2, last: null, read: 'count' as const };
const link = (spec: LinkSpec, expansion: Expansion) => linkExpansion(spec, expansion, window);

/** Four levels of links, each with the spec `level` gives it. */
function nested(level: (depth: number) => LinkSpec): Expansion {
  let expansion: Expansion = NO_EXPANSION;
  for (let depth = 4; depth >= 1; depth--) {
    expansion = { properties: ['name'], citations: false, links: [link(level(depth), expansion)] };
  }
  return expansion;
}

describe('statement texts', () => {
  it('are the same for link lists that differ in kinds only', () => {
    const kindSets: EntityKind[][] = [['Treaty'], ['Country', 'Person'], ['Event']];
    const queries = kindSets.map((kinds) =>
      expandedEntitiesQuery(nested(() => ({ types: ['PARTY_TO'], direction: 'OUTGOING', kinds }))),
    );
    expect(new Set(queries.map((query) => query.cypher)).size).toBe(1);
    expect(queries.map((query) => query.params.kinds_0)).toEqual(kindSets.map((k) => k.sort()));
  });

  it('differ by link types and direction, and large sets of types share one text', () => {
    const text = (spec: LinkSpec) => expandedEntitiesQuery(nested(() => spec)).cypher;
    const outgoing = text({ types: ['PARTY_TO'], direction: 'OUTGOING' });
    expect(text({ types: ['PARTY_TO'], direction: 'INCOMING' })).not.toBe(outgoing);
    expect(text({ types: ['MEMBER_OF'], direction: 'OUTGOING' })).not.toBe(outgoing);
    // The same set in another order or repeated is the same text.
    expect(text({ types: ['PARTY_TO', 'PARTY_TO'], direction: 'OUTGOING' })).toBe(outgoing);
    expect(text({ types: ['PARTY_TO', 'MEMBER_OF'], direction: 'BOTH' })).toBe(
      text({ types: ['MEMBER_OF', 'PARTY_TO', 'MEMBER_OF'], direction: 'BOTH' }),
    );
    // Beyond MAX_TYPES_IN_PATTERN types, the set is a parameter: one text for all such sets.
    const many = LINK_TYPE_NAMES.slice(0, MAX_TYPES_IN_PATTERN + 1);
    const others = LINK_TYPE_NAMES.slice(3, MAX_TYPES_IN_PATTERN + 5);
    expect(text({ types: many, direction: 'BOTH' })).toBe(
      text({ types: others, direction: 'BOTH' }),
    );
  });

  it('are the same for timelines of different kinds', async () => {
    const texts = new Set<string>();
    const db = {
      read: async (cypher: string) => {
        texts.add(cypher);
        return [{ rows: [], offset: 0, total: 0, missing: [] }];
      },
    } as unknown as Reads;
    const timeline = new TimelineRepository(db);
    const kindSets: EntityKind[][] = [['Treaty'], ['Event', 'Incident'], ['Conflict', 'Treaty']];
    for (const kinds of kindSets) {
      await timeline.timeline({ kinds, from: null, to: null, involving: [] }, window);
    }
    expect(texts.size).toBe(1);
  });
});
