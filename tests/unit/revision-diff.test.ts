import { describe, expect, it } from 'vitest';
import { actionText, entryChanges } from '../../explorer/src/lib/revision-diff.ts';

describe('entryChanges', () => {
  it('lists the fields a correction changed, in the entry’s order, lists as text', () => {
    const before = { id: 'x', name: 'Old', cite: ['a', 'b'], aliases: ['X'] };
    const after = { id: 'x', name: 'New', cite: ['a', 'b'], description: 'Added.' };
    expect(entryChanges(before, after)).toEqual([
      { field: 'name', before: 'Old', after: 'New' },
      { field: 'aliases', before: 'X', after: null },
      { field: 'description', before: null, after: 'Added.' },
    ]);
  });

  it('shows every field of an added or a retracted entry, and nothing for a whole file', () => {
    expect(entryChanges(null, { id: 'x', dates: { start: 1990 } })).toEqual([
      { field: 'id', before: null, after: 'x' },
      { field: 'dates', before: null, after: '{"start":1990}' },
    ]);
    expect(entryChanges({ id: 'x' }, null)).toEqual([{ field: 'id', before: 'x', after: null }]);
    expect(entryChanges(null, null)).toEqual([]);
  });
});

describe('actionText', () => {
  it('spells a mutation name as words', () => {
    expect(actionText('addEntity')).toBe('add entity');
    expect(actionText('revert')).toBe('revert');
  });
});
