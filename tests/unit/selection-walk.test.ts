import { describe, expect, it } from 'vitest';
import { isSelectionLimitError } from '../../src/planner/selection-walk.ts';
import { parsed, queryType } from '../helpers/analysis-schema.ts';
import { chain, diamond, fanOut } from '../helpers/fragment-graphs.ts';

/** The fields a walk finds at the root of an operation, as `Type.responseName × nodes`. */
function rootFields(query: string, variables?: Record<string, unknown>, max?: number) {
  const { walk, operation } = parsed(query, variables, max);
  return walk
    .fields([operation.selectionSet], queryType())
    .map(
      (g) => `${g.parent.name}.${g.nodes[0]?.alias?.value ?? g.definition.name}×${g.nodes.length}`,
    );
}

const onQuery = { on: 'Query', operation: '{ … }', leaf: 'countries { totalCount }' };

describe('the selection walk', () => {
  it('flattens inline fragments and spreads, merging fields by response name', () => {
    expect(
      rootFields(`{ countries { totalCount } ... on Query { countries { totalCount } }
        ...F c: countries { totalCount } __typename nope }
        fragment F on Query { entity(slug: "x") { name } }`),
    ).toEqual(['Query.countries×2', 'Query.entity×1', 'Query.c×1']);
  });

  it('groups fields by the type they are selected on', () => {
    const { walk, operation } = parsed(
      '{ entity(slug: "x") { name ... on Country { name treaties { totalCount } } ... on Person { name } } }',
    );
    const [entity] = walk.fields([operation.selectionSet], queryType());
    const below = walk.below(entity as never).map((g) => `${g.parent.name}.${g.definition.name}`);
    expect(below).toEqual(['Entity.name', 'Country.name', 'Country.treaties', 'Person.name']);
  });

  it('walks a fragment spread twice in one selection set once, as graphql-js does', () => {
    expect(rootFields('{ ...F ...F } fragment F on Query { countries { totalCount } }')).toEqual([
      'Query.countries×1',
    ]);
  });

  it('honours @skip and @include with the variables, and ignores them without', () => {
    const query = `query ($no: Boolean!) { countries @include(if: $no) { totalCount }
      entity(slug: "x") @skip(if: true) { name } ...F @include(if: false) }
      fragment F on Query { c: countries { totalCount } }`;
    expect(rootFields(query, { no: false })).toEqual([]);
    expect(rootFields(query)).toEqual(['Query.countries×1', 'Query.entity×1', 'Query.c×1']);
  });

  it('ends on fragment cycles, which validation refuses', () => {
    expect(
      rootFields(
        '{ ...A } fragment A on Query { ...B countries { totalCount } } fragment B on Query { ...A }',
      ),
    ).toEqual(['Query.countries×1']);
  });

  it.each([
    ['a chain of 90', chain(90, onQuery), 1],
    ['a diamond of 45 levels', diamond(45, onQuery), 2],
    ['a fan-out of 30 × 30', fanOut(30, onQuery), 1],
  ])('visits %s in no more steps than the document has words', (_name, query, leaves) => {
    const size = query.split(/\s+/).length;
    expect(rootFields(query, undefined, size)).toEqual([`Query.countries×${leaves}`]);
  });

  it('refuses past its bound on selections with MAX_SELECTIONS_EXCEEDED', () => {
    let thrown: unknown;
    try {
      rootFields(chain(10, onQuery), undefined, 15);
    } catch (error) {
      thrown = error;
    }
    expect(isSelectionLimitError(thrown)).toBe(true);
    expect((thrown as Error).message).toBe(
      "Selection limit of 15 exceeded: the operation's fragments expand to more selections than any query needs.",
    );
  });
});
