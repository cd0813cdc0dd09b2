import { describe, expect, it } from 'vitest';
import { searchKeys } from '../../src/knowledge/search-keys.ts';

describe('search keys of names', () => {
  it('writes a word without its inner punctuation', () => {
    expect(searchKeys(['Il-20'])).toBe('il20');
    expect(searchKeys(['S-300 missile system'])).toBe('s300');
    expect(searchKeys(['U.S.'])).toBe('us');
  });

  it('joins a word to the number after it', () => {
    expect(searchKeys(['UN resolution 242'])).toBe('resolution242');
    expect(searchKeys(['Boeing 747'])).toBe('boeing747');
  });

  it('gives the initials of a proper name, function words left out, capitals whole', () => {
    expect(searchKeys(['United Nations Security Council'])).toBe('unsc');
    expect(searchKeys(['UN Security Council'])).toBe('unsc');
    expect(searchKeys(['Organization of the Petroleum Exporting Countries'])).toBe('opec');
    expect(searchKeys(['Council of Europe'])).toBe('ce');
  });

  it('leaves descriptions, single words and possessives alone', () => {
    expect(searchKeys(["Russia's Il-20 aircraft downed in 2018"])).toBe('il20');
    expect(searchKeys(['Russia'])).toBe('');
    expect(searchKeys(["Israel's"])).toBe('');
  });

  it('merges the keys of a name and its aliases, each once', () => {
    // "ussr" is a word of an alias already: the index has it.
    expect(searchKeys(['Soviet Union', 'USSR', 'Union of Soviet Socialist Republics'])).toBe('su');
    expect(searchKeys(['Il-20', 'Ilyushin Il-20'])).toBe('il20');
  });
});
