import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { parseEntityName } from '../../src/schema/entity-arg.ts';

describe('parseEntityName', () => {
  it('reads a slug as a slug of any kind', () => {
    expect(parseEntityName('russia', 'id')).toEqual({ slug: 'russia', kind: null });
    // Four letters are valid base64, but decode to no "Type:" prefix: still a slug.
    expect(parseEntityName('ussr', 'id')).toEqual({ slug: 'ussr', kind: null });
    expect(parseEntityName('un-resolution-3379', 'id')).toEqual({
      slug: 'un-resolution-3379',
      kind: null,
    });
  });

  it('reads a global id of an entity kind as its slug and kind', () => {
    expect(parseEntityName(encodeGlobalID('Country', 'israel'), 'id')).toEqual({
      slug: 'israel',
      kind: 'Country',
    });
    expect(parseEntityName(encodeGlobalID('Person', 'a:b'), 'id')).toEqual({
      slug: 'a:b',
      kind: 'Person',
    });
  });

  it('refuses a global id of a type that is not an entity kind', () => {
    expect(() => parseEntityName(encodeGlobalID('Document', 'timeline'), 'party')).toThrow(
      'party: "RG9jdW1lbnQ6dGltZWxpbmU=" is the id of a Document, not of an entity',
    );
  });
});
