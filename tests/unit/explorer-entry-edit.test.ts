import { describe, expect, it } from 'vitest';
import {
  editedEntry,
  entityFieldsOf,
  linkFieldsOf,
  linkRefOf,
  pickLinkEntry,
  sameEntry,
} from '../../explorer/src/curator/entry-edit.ts';

// The correction form edits a few fields of a source-file entry and must keep every other one.

const LINK = {
  type: 'OPPOSES',
  from: 'israel',
  to: 'palestinian-national-unity-government',
  role: 'would not engage in negotiations with it',
  date: { value: '~2014-04', asWritten: 'At that point' },
  accordingTo: 'some-statement',
  cite: ['At that point, Israel said', { context: 'suspended in April 2014' }],
};

describe('editing a source-file entry in the correction form', () => {
  it('shows a link’s type, role and dates as written, empty when absent', () => {
    expect(linkFieldsOf(LINK)).toEqual({
      type: 'OPPOSES',
      role: 'would not engage in negotiations with it',
      date: '~2014-04',
      validFrom: '',
      validTo: '',
    });
  });

  it('shows an entity’s name and the dates its kind has', () => {
    expect(entityFieldsOf({ id: 't', kind: 'Treaty', name: 'Pact', signed: '1994-12-30' })).toEqual(
      { name: 'Pact', signed: '1994-12-30', inForce: '', proposed: '' },
    );
    expect(entityFieldsOf({ id: 'ru', kind: 'Country', name: 'Russia' })).toEqual({
      name: 'Russia',
    });
  });

  it('changes only the edited fields, keeping quotes, context and attribution as they were', () => {
    const edited = editedEntry(LINK, { ...linkFieldsOf(LINK), validFrom: '2014' });
    expect(edited).toEqual({ ...LINK, validFrom: '2014' });
    expect(edited.cite).toBe(LINK.cite);
  });

  it('keeps a date’s asWritten when its value changes, and leaves out a field emptied', () => {
    const edited = editedEntry(LINK, { ...linkFieldsOf(LINK), date: '2014-05', role: ' ' });
    expect(edited.date).toEqual({ value: '2014-05', asWritten: 'At that point' });
    expect('role' in edited).toBe(false);
    expect(editedEntry({ type: 'X', date: '2018' }, { date: '2018-09 ' })).toEqual({
      type: 'X',
      date: '2018-09',
    });
  });

  it('gives back the same entry when nothing was changed', () => {
    expect(sameEntry(editedEntry(LINK, linkFieldsOf(LINK)), LINK)).toBe(true);
    expect(sameEntry(editedEntry(LINK, { ...linkFieldsOf(LINK), type: 'SUPPORTS' }), LINK)).toBe(
      false,
    );
  });

  it('names the link being corrected by its entry’s type, ends, role and dates as written', () => {
    expect(linkRefOf(LINK)).toEqual({
      type: 'OPPOSES',
      from: 'israel',
      to: 'palestinian-national-unity-government',
      role: 'would not engage in negotiations with it',
      date: '~2014-04',
      validFrom: null,
      validTo: null,
    });
  });
});

describe('finding the entry of the link a page shows', () => {
  const held = (role: string | undefined, date?: string) => ({
    type: 'HELD_OFFICE',
    from: 'vladimir-putin',
    to: 'russia',
    ...(role ? { role } : {}),
    ...(date ? { date } : {}),
  });

  it('picks the entry with the shown end and role, null when the document states no such link', () => {
    const entries = [null, held('President'), held('Prime Minister')];
    expect(pickLinkEntry(entries, { to: 'russia', role: 'Prime Minister' })).toEqual(
      held('Prime Minister'),
    );
    expect(pickLinkEntry(entries, { to: 'israel', role: 'President' })).toBeNull();
    expect(pickLinkEntry([held(undefined)], { to: 'russia', role: null })).toEqual(held(undefined));
  });

  it('tells links apart by their date when only that differs', () => {
    const entries = [held('President', '2000'), held('President', '2012-05')];
    expect(pickLinkEntry(entries, { to: 'russia', role: 'President', date: '2012-05' })).toEqual(
      held('President', '2012-05'),
    );
    expect(pickLinkEntry(entries, { to: 'russia', role: 'President', date: '1999' })).toBeNull();
  });
});
