import { describe, expect, it } from 'vitest';
import { quotePosition } from '../../src/knowledge/quote-position.ts';

describe('quotePosition', () => {
  const text = 'Ties were cut in 1953. Ties were restored in 1953 — “in full”.';

  it('places a quote at its first occurrence, end just after it', () => {
    const found = quotePosition(text, 'Ties were');
    expect(found).toEqual({ start: 0, end: 9 });
    expect(text.slice(found?.start, found?.end)).toBe('Ties were');
  });

  it('counts in UTF-16 code units, as JavaScript strings do', () => {
    const found = quotePosition(text, '“in full”');
    expect(text.slice(found?.start, found?.end)).toBe('“in full”');
  });

  it('answers null for a quote the text lacks, or an empty one', () => {
    expect(quotePosition(text, 'Ties were broken')).toBeNull();
    expect(quotePosition(text, '')).toBeNull();
  });
});
