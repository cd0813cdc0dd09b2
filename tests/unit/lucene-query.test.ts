import { describe, expect, it } from 'vitest';
import {
  escapeLucene,
  foldWord,
  luceneQuery,
  MAX_SEARCH_TEXT,
  searchWords,
} from '../../src/db/lucene-query.ts';
import { ValidationError } from '../../src/errors.ts';

describe('escapeLucene', () => {
  it('escapes every special character of the query syntax', () => {
    expect(escapeLucene('+-&&||!(){}[]^"~*?:\\/')).toBe(
      '\\+\\-\\&\\&\\|\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/',
    );
  });

  it('escapes special characters inside a word, and leaves other characters alone', () => {
    expect(escapeLucene('name:*)~')).toBe('name\\:\\*\\)\\~');
    expect(escapeLucene("s-300's")).toBe("s\\-300's");
    expect(escapeLucene('Benjamin')).toBe('Benjamin');
  });

  it('makes the operator words AND, OR and NOT plain terms', () => {
    expect(escapeLucene('AND')).toBe('\\AND');
    expect(escapeLucene('OR')).toBe('\\OR');
    expect(escapeLucene('NOT')).toBe('\\NOT');
    expect(escapeLucene('ANDROID')).toBe('ANDROID');
  });
});

describe('searchWords', () => {
  it('folds case and accents, drops edge punctuation and empty words', () => {
    expect(searchWords('  Éric  "Putin"  (name:*)~  --  S-300 ')).toEqual([
      'eric',
      'putin',
      'name',
      's-300',
    ]);
    expect(foldWord('ÖSTERREICH Ça')).toBe('osterreich ca');
  });
});

/**
 * The clause a plain word's forms make: looked for in names and aliases (weighed more),
 * descriptions, notes, and as it is among the names' search keys.
 */
const fielded = (...groups: string[]) =>
  groups
    .map((g) => {
      const term = /^\((\w+)\^3/.exec(g)?.[1];
      return `(name:${g}^4 OR aliasText:${g}^4 OR description:${g} OR noteText:${g}^0.5${term && term.length > 1 ? ` OR searchKeys:${term}^4` : ''})`;
    })
    .join(' OR ');

describe('luceneQuery', () => {
  it('weighs a match in a name or an alias above one in a description', () => {
    expect(luceneQuery('ussr')).toBe(
      '(name:(ussr^3 OR ussr~1)^4 OR aliasText:(ussr^3 OR ussr~1)^4 OR description:(ussr^3 OR ussr~1) OR noteText:(ussr^3 OR ussr~1)^0.5 OR searchKeys:ussr^4)',
    );
    expect(fielded('(ussr^3 OR ussr~1)')).toBe(luceneQuery('ussr'));
  });

  it('combines an exact boost with one edit for words of 4+ letters', () => {
    expect(luceneQuery('Netanyhu')).toBe(fielded('(netanyhu^3 OR netanyhu~1)'));
  });

  it('combines an exact boost with a prefix for words of 2-3 letters', () => {
    expect(luceneQuery('UN')).toBe(fielded('(un^3 OR un*)'));
  });

  it('matches single characters and numbers exactly', () => {
    expect(luceneQuery('a 1948')).toBe(fielded('(a^3)', '(1948^3)'));
  });

  it('matches any of the words, each once', () => {
    expect(luceneQuery('Boris  Pankov boris')).toBe(
      fielded('(boris^3 OR boris~1)', '(pankov^3 OR pankov~1)'),
    );
  });

  it('turns operators and syntax into data', () => {
    expect(luceneQuery('"Putin" AND (name:*)~')).toBe(
      fielded('(putin^3 OR putin~1)', '(and^3 OR and*)', '(name^3 OR name~1)'),
    );
    expect(luceneQuery('Israel OR NOT Iran')).toBe(
      fielded('(israel^3 OR israel~1)', '(or^3 OR or*)', '(not^3 OR not*)', '(iran^3 OR iran~1)'),
    );
    expect(luceneQuery("') RETURN 1 //")).toBe(fielded('(return^3 OR return~1)', '(1^3)'));
    const plain = (g: string) =>
      `name:${g}^4 OR aliasText:${g}^4 OR description:${g} OR noteText:${g}^0.5`;
    expect(luceneQuery('a&&b c||d')).toBe(
      `(${plain('(a\\&\\&b^3 OR a\\&\\&b~1)')} OR searchKeys:ab^4) OR ` +
        `(${plain('(c\\|\\|d^3 OR c\\|\\|d~1)')} OR searchKeys:cd^4)`,
    );
  });

  it('matches a word without its punctuation among the search keys, and split at digits as a phrase', () => {
    const phrase = (p: string) => `name:"${p}"^4 OR aliasText:"${p}"^4 OR description:"${p}"`;
    expect(luceneQuery('S-300')).toBe(
      '(name:(s\\-300^3 OR s\\-300~1)^4 OR aliasText:(s\\-300^3 OR s\\-300~1)^4 OR ' +
        'description:(s\\-300^3 OR s\\-300~1) OR noteText:(s\\-300^3 OR s\\-300~1)^0.5 OR ' +
        `searchKeys:s300^4 OR ${phrase('s 300')})`,
    );
    expect(luceneQuery('IL20')).toBe(
      '(name:(il20^3 OR il20~1)^4 OR aliasText:(il20^3 OR il20~1)^4 OR ' +
        'description:(il20^3 OR il20~1) OR noteText:(il20^3 OR il20~1)^0.5 OR ' +
        `searchKeys:il20^4 OR ${phrase('il 20')})`,
    );
  });

  it('leaves no unescaped special character in the query', () => {
    const query = luceneQuery('x+y -z !w {a} [b] ^c "d" e~f g*h i?j k:l m\\n o/p') ?? '';
    // Outside the clause syntax it adds (parentheses, ^3, ~1, *), every special is escaped.
    const stripped = query
      .replace(/\\./g, '')
      .replace(/\^3|\^4|\^0\.5|~1|\*\)/g, '')
      .replace(/\b(name|aliasText|description|noteText|searchKeys):/g, '')
      .replace(/"[\p{L}\p{N} ]+"/gu, '')
      .replace(/[()]/g, '');
    expect(stripped).not.toMatch(/[+\-&|!{}[\]^"~*?:\\/]/);
  });

  it('gives null, not an error, when no word has a letter or digit', () => {
    expect(luceneQuery('*')).toBeNull();
    expect(luceneQuery('&& || ~')).toBeNull();
  });

  it('rejects empty and whitespace-only text', () => {
    for (const text of ['', '   ', '\t\n']) {
      expect(() => luceneQuery(text)).toThrow(ValidationError);
      expect(() => luceneQuery(text)).toThrow('text must contain at least one letter or digit');
    }
  });

  it('rejects text longer than the limit', () => {
    const longest = 'a'.repeat(MAX_SEARCH_TEXT);
    expect(luceneQuery(longest)).toBe(fielded(`(${longest}^3 OR ${longest}~1)`));
    expect(() => luceneQuery('a'.repeat(MAX_SEARCH_TEXT + 1))).toThrow(
      `text must be at most ${MAX_SEARCH_TEXT} characters; got ${MAX_SEARCH_TEXT + 1}`,
    );
  });
});
