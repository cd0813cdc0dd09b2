import { describe, expect, it } from 'vitest';
import { factualSentences, nonFactualProblem } from '../../src/knowledge/coverage.ts';

const TEXT = [
  'Sequel document',
  'STRELSAU (Fixture News) - Rudolf abdicated today. Read more.',
  '2005',
  '2005 was a quiet year.',
].join('\n');

describe('coverage and non-factual passages', () => {
  it('counts the sentences of every line not listed as non-factual', () => {
    expect(factualSentences(TEXT, [])).toEqual([
      'Sequel document',
      'STRELSAU (Fixture News) - Rudolf abdicated today.',
      'Read more.',
      '2005',
      '2005 was a quiet year.',
    ]);
  });

  it('leaves out a whole line, the start of a line (a dateline) and a whole sentence', () => {
    expect(
      factualSentences(TEXT, [
        'Sequel document',
        'STRELSAU (Fixture News) -',
        'Read more.',
        '2005',
      ]),
    ).toEqual(['Rudolf abdicated today.', '2005 was a quiet year.']);
  });

  it('accepts as non-factual only a line, the start of a line or a sentence', () => {
    expect(nonFactualProblem(TEXT, 'STRELSAU (Fixture News) -')).toBeUndefined();
    expect(nonFactualProblem(TEXT, 'Read more.')).toBeUndefined();
    expect(nonFactualProblem(TEXT, '2005')).toBeUndefined();
    expect(nonFactualProblem(TEXT, 'abdicated today')).toBe(
      'neither a line, the start of a line, nor a sentence of the document: "abdicated today"',
    );
    expect(nonFactualProblem(TEXT, 'STREL')).toBeDefined();
  });
});
