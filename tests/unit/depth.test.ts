import { describe, expect, it } from 'vitest';
import { depthOf } from '../../src/security/depth.ts';
import { parsed, queryType } from '../helpers/analysis-schema.ts';
import { chain, diamond, fanOut } from '../helpers/fragment-graphs.ts';

const depth = (query: string) => {
  const { walk, operation } = parsed(query);
  return depthOf(walk, [operation.selectionSet], queryType());
};

const nested = {
  on: 'Entity',
  operation: '{ entity(slug: "x") { … } }',
  leaf: 'name',
  nest: 'links { edges { node { … } } }',
};

describe('the depth of an operation', () => {
  it("counts fields returning objects, not a connection's edges, nodes and node", () => {
    expect(
      depth(`{ countries { edges { node { name links { nodes { name } edges { role
        citations { document { title } } } } } } } }`),
    ).toEqual({ depth: 4, path: ['countries', 'links', 'citations', 'document'] });
  });

  it('counts leaves, introspection and fragments themselves as nothing', () => {
    expect(
      depth(
        '{ __schema { types { name } } ...F } fragment F on Query { entity(slug: "x") { name } }',
      ),
    ).toEqual({
      depth: 1,
      path: ['entity'],
    });
  });

  it('counts the levels fragments add where they are spread, by response name', () => {
    expect(
      depth(`{ entity(slug: "x") { ...L } }
        fragment L on Entity { deep: links { edges { node { ...M } } } }
        fragment M on Entity { links { edges { node { name } } } }`),
    ).toEqual({ depth: 3, path: ['entity', 'deep', 'links'] });
  });

  it('measures fragment graphs that would expand to 2^90 selections', () => {
    expect(depth(chain(90, { ...nested, nest: undefined })).depth).toBe(1);
    expect(depth(chain(5, nested)).depth).toBe(6);
    expect(depth(diamond(40, { ...nested, nest: undefined })).depth).toBe(1);
    expect(depth(diamond(4, nested)).depth).toBe(5);
    expect(depth(fanOut(30, nested)).depth).toBe(2);
  });

  it('ends on a fragment that spreads itself below a field (validation refuses the cycle)', () => {
    // The cycle is cut where it closes: entity › links › links.
    expect(
      depth(
        '{ entity(slug: "x") { ...A } } fragment A on Entity { links { edges { node { ...A } } } }',
      ),
    ).toEqual({ depth: 3, path: ['entity', 'links', 'links'] });
  });
});
