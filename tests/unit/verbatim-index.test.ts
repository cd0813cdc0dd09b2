import { describe, expect, it } from 'vitest';
import { verbatimIndex } from '../../src/knowledge/verbatim-index.ts';

const text =
  'On 27 January 1994 the ministers met in Moscow.\nThey signed a treaty; "the first," said one.\n' +
  'Trade reached $3.5 billion in 2019. Moscow-based envoys left.';

describe('verbatimIndex', () => {
  it('answers as text.includes for every substring of a text', () => {
    const has = verbatimIndex(text);
    for (let start = 0; start < text.length; start += 3)
      for (const length of [1, 5, 8, 9, 20, 60]) {
        const quote = text.slice(start, start + length);
        expect(has(quote), JSON.stringify(quote)).toBe(true);
      }
  });

  it('refuses quotes the text does not hold, near misses included', () => {
    const has = verbatimIndex(text);
    for (const quote of [
      'On 27 January 1995',
      'the ministers met in moscow',
      'They signed a treaty;  "the first"',
      'Trade reached $3.5 billion in 2019.  ',
      'x',
      'envoys left. And more',
    ])
      expect(has(quote), quote).toBe(text.includes(quote));
  });
});
