import { describe, expect, it } from 'vitest';
import { expandedEntitiesQuery } from '../../src/db/expansion.ts';
import { LINK_TYPE_NAMES } from '../../src/knowledge/vocabulary.ts';
import { linkExpansion as link } from '../helpers/link-expansion.ts';

describe('expanded entity queries', () => {
  it('nests one subquery per link list, each with its own parameters', () => {
    const parties = link({ types: ['PARTY_TO'], direction: 'INCOMING' });
    const treaties = link(
      { types: ['PARTY_TO'], direction: 'OUTGOING', kinds: ['Treaty'] },
      { properties: null, citations: true, links: [parties] },
    );
    const { cypher, params } = expandedEntitiesQuery({
      properties: null,
      citations: false,
      links: [treaties],
    });
    expect(cypher).toContain('MATCH (n)-[r:PARTY_TO]->(m)');
    expect(cypher).toContain('AND m.kind IN $kinds_0');
    expect(cypher).toContain('MATCH (m_0)<-[r:PARTY_TO]-(m)');
    expect(cypher).not.toContain('$kinds_0_0');
    expect(cypher).not.toContain('type(r) IN');
    expect(cypher).toContain('AS citations_0');
    expect(params).toMatchObject({ kinds_0: ['Treaty'] });
    expect(Object.keys(params).sort()).toEqual([
      'first_0',
      'first_0_0',
      'kinds_0',
      'on_0',
      'on_0_0',
      'scan',
      'start_0',
      'start_0_0',
    ]);
    expect(cypher).toContain('SKIP $start_0 LIMIT $first_0');
  });

  it('slices pages counted from the end (last, before) after counting the list', () => {
    const fromEnd = { start: 0, end: null, first: null, last: 3, read: 'count' as const };
    const { cypher, params } = expandedEntitiesQuery({
      properties: null,
      citations: false,
      links: [{ ...link({ types: ['PARTY_TO'], direction: 'OUTGOING' }), window: fromEnd }],
    });
    expect(cypher).toContain('items_0[s1_0..e1_0]');
    expect(params.window_0).toMatchObject({ last: { low: 3, high: 0 } });
  });

  it('names every link type of the vocabulary when all are wanted, so citations stay out', () => {
    const { cypher, params } = expandedEntitiesQuery({
      properties: null,
      citations: false,
      links: [link({ types: LINK_TYPE_NAMES, direction: 'BOTH' })],
    });
    expect(cypher).toContain(`MATCH (n)-[r:${[...LINK_TYPE_NAMES].sort().join('|')}]-(m)`);
    expect(cypher).not.toContain('CITED_IN]-(m)');
    expect(params.types_0).toBeUndefined();
  });

  it('filters a list of many types by a parameter, on an expand by every link type', () => {
    const types = ['PARTY_TO', 'MEMBER_OF', 'SUPPORTS'] as const;
    const { cypher, params } = expandedEntitiesQuery({
      properties: null,
      citations: false,
      links: [link({ types: [...types], direction: 'INCOMING' })],
    });
    expect(cypher).toContain(`MATCH (n)<-[r:${[...LINK_TYPE_NAMES].sort().join('|')}]-(m)`);
    expect(cypher).toContain('AND type(r) IN $types_0');
    expect(params.types_0).toEqual(['MEMBER_OF', 'PARTY_TO', 'SUPPORTS']);
  });

  it('reads only the properties asked for, with id and kind, and refuses other names', () => {
    const { cypher } = expandedEntitiesQuery({ properties: ['name'], citations: false, links: [] });
    expect(cypher).toContain('[n.id, n.kind, n.name] AS node');
    expect(() =>
      expandedEntitiesQuery({ properties: ['name} DETACH'], citations: false, links: [] }),
    ).toThrow(/not a property name/);
  });

  it('refuses a type or kind outside the vocabulary, so nothing else reaches the query text', () => {
    const injected = 'PARTY_TO]->() DETACH DELETE n //';
    expect(() =>
      expandedEntitiesQuery({
        properties: null,
        citations: false,
        links: [link({ types: [injected as never], direction: 'OUTGOING' })],
      }),
    ).toThrow(/not a name of the vocabulary/);
    expect(() =>
      expandedEntitiesQuery({
        properties: null,
        citations: false,
        links: [
          link({ types: ['PARTY_TO'], direction: 'OUTGOING', kinds: ['Treaty:Secret' as never] }),
        ],
      }),
    ).toThrow(/not a name of the vocabulary/);
  });
});
