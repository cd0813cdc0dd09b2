import { offsetToCursor } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { windowOf } from '../../src/paging.ts';

const cursorOf = (text: string) => Buffer.from(text).toString('base64');

describe('windowOf', () => {
  it('reads first/after as a window starting after the cursor', () => {
    expect(windowOf({ first: 5, after: offsetToCursor(9) })).toEqual({
      start: 10,
      end: null,
      first: 5,
      last: null,
      read: 'count',
    });
  });

  it('reads last/before as a window ending at the cursor, and defaults to 20 items', () => {
    expect(windowOf({ last: 3, before: offsetToCursor(7) })).toEqual({
      start: 0,
      end: 7,
      first: null,
      last: 3,
      read: 'count',
    });
    expect(windowOf({})).toEqual({ start: 0, end: null, first: 20, last: null, read: 'count' });
  });

  it.each([0, -1, 101, 2.5])('rejects a page size of %s, naming the bounds', (first) => {
    expect(() => windowOf({ first })).toThrow(`first must be between 1 and 100; got ${first}`);
  });

  it.each([
    'garbage',
    cursorOf('OffsetConnection:3.5'),
    cursorOf('OffsetConnection:0x10'),
    cursorOf('OffsetConnection: 3'),
    cursorOf('OffsetConnection:1e308'),
    cursorOf('OffsetConnection:-1'),
    cursorOf('Country:russia'),
  ])('rejects %s as a cursor', (after) => {
    expect(() => windowOf({ after })).toThrow(`after is not a cursor of this API: "${after}"`);
  });
});
