import { describe, expect, it } from 'vitest';
import type { Reads } from '../../src/db/database.ts';
import { expandedEntitiesQuery } from '../../src/db/expansion.ts';
import { TimelineRepository } from '../../src/db/timeline-repository.ts';
import type { EntityKind } from '../../src/knowledge/vocabulary.ts';
import type { LinkSpec } from '../../src/planner/plan-types.ts';
import { type Expansion, NO_EXPANSION } from '../../src/planner/plan-types.ts';
import { linkExpansion } from '../helpers/link-expansion.ts';

// Requests that differ only in values (link types, kinds, directions) send Neo4j one statement
// text: Neo4j plans a text once, and a client choosing values cannot make it plan again.

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
  it('are the same for link lists that differ in types, kinds and direction', () => {
    const specs: ((depth: number) => LinkSpec)[] = [
      () => ({ types: ['PARTY_TO'], direction: 'OUTGOING' }),
      (depth) => ({
        types: depth % 2 ? ['PART_OF', 'PARTY_TO'] : ['MEMBER_OF'],
        direction: 'INCOMING',
        kinds: ['Treaty'],
      }),
      () => ({ types: ['SUPPORTS'], direction: 'BOTH', kinds: ['Country', 'Person'] }),
    ];
    const queries = specs.map((spec) => expandedEntitiesQuery(nested(spec)));
    expect(new Set(queries.map((query) => query.cypher)).size).toBe(1);
    expect(queries.map((query) => query.params.types_0_0)).toEqual([
      ['PARTY_TO'],
      ['MEMBER_OF'],
      ['SUPPORTS'],
    ]);
    expect(queries.map((query) => query.params.kinds_0)).toEqual([
      null,
      ['Treaty'],
      ['Country', 'Person'],
    ]);
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
