import { describe, expect, it } from 'vitest';
import { documentInput } from '../../explorer/src/curator/draft-input.ts';
import { linkEntry, passageOf, precisionOf } from '../../explorer/src/curator/passage.ts';
import {
  CSRF_HEADER,
  currentSession,
  type KeyStorage,
  mayDo,
  requestHeaders,
  setSession,
} from '../../explorer/src/curator/session.ts';
import { CSRF_HEADER as SERVER_CSRF_HEADER } from '../../src/security/csrf.ts';

const TEXT = 'Moscow, May 2.  Putin met Netanyahu.\nThey talked.';

describe('a selected passage as a quote', () => {
  it('cuts the quote from the text at the selection’s offsets, spaces at either end left out', () => {
    const start = TEXT.indexOf('Putin') - 2;
    const end = TEXT.indexOf('Netanyahu.') + 'Netanyahu.'.length + 1;
    expect(passageOf(TEXT, start, end)).toEqual({
      quote: 'Putin met Netanyahu.',
      start: start + 2,
      end: end - 1,
    });
  });

  it('takes a selection made backwards, and keeps a line break inside as the text has it', () => {
    const start = TEXT.indexOf('Netanyahu');
    const end = TEXT.length;
    const passage = passageOf(TEXT, end, start);
    expect(passage?.quote).toBe('Netanyahu.\nThey talked.');
    expect(TEXT.slice(passage?.start, passage?.end)).toBe(passage?.quote);
  });

  it('is null for a selection of spaces only, or outside the text', () => {
    expect(passageOf(TEXT, 14, 16)).toBeNull();
    expect(passageOf(TEXT, TEXT.length, TEXT.length + 5)).toBeNull();
  });

  it('says a date’s precision as written, and null for what is not a date as written', () => {
    expect(['2018', '2018-09', '2018-09-17', 'May 2018'].map(precisionOf)).toEqual([
      'year',
      'month',
      'day',
      null,
    ]);
  });

  it('makes a link entry from the form, empty fields left out, the passage as its cite', () => {
    expect(
      linkEntry({ type: 'MET', from: 'a', to: 'b', quote: 'q', role: ' ', date: '2022-05-02' }),
    ).toEqual({ type: 'MET', from: 'a', to: 'b', date: '2022-05-02', cite: 'q' });
  });
});

describe('the curator’s session', () => {
  const memory = (): KeyStorage & { items: Map<string, string> } => {
    const items = new Map<string, string>();
    return {
      items,
      getItem: (k) => items.get(k) ?? null,
      setItem: (k, v) => void items.set(k, v),
      removeItem: (k) => void items.delete(k),
    };
  };

  it('sends the CSRF header yoga’s prevention asks for, and the key as a bearer token when signed in', () => {
    expect(CSRF_HEADER).toBe(SERVER_CSRF_HEADER);
    expect(requestHeaders(null)).toEqual({ [CSRF_HEADER]: '1' });
    expect(requestHeaders('rgk_a_b')).toEqual({
      [CSRF_HEADER]: '1',
      authorization: 'Bearer rgk_a_b',
    });
  });

  it('keeps the session in the storage it is given and forgets it on sign-out', () => {
    const store = memory();
    const session = { key: 'rgk_a_b', viewer: { name: 'Ann', role: 'curator' } };
    setSession(session, store);
    expect(currentSession(store)).toEqual(session);
    expect([...store.items.values()]).toEqual([JSON.stringify(session)]);
    setSession(null, store);
    expect(currentSession(store)).toBeNull();
    expect(store.items.size).toBe(0);
  });

  it('ranks roles as the server does', () => {
    expect(mayDo('curator', 'curator')).toBe(true);
    expect(mayDo('curator', 'editor')).toBe(false);
    expect(mayDo('admin', 'editor')).toBe(true);
    expect(mayDo(undefined, 'curator')).toBe(false);
  });
});

describe('a reviewed draft submitted', () => {
  it('becomes addDocument’s input from its document section and text', () => {
    const input = documentInput(
      {
        document: { id: 'talks', title: 'Talks', publisher: 'TASS', kind: 'news', source: 'x.txt' },
        entities: [],
        links: [],
        text: 'The text.',
      },
      'a new source',
    );
    expect(input).toEqual({
      slug: 'talks',
      title: 'Talks',
      publisher: 'TASS',
      kind: 'news',
      language: undefined,
      note: undefined,
      nonFactual: undefined,
      text: 'The text.',
      reason: 'a new source',
    });
  });
});
