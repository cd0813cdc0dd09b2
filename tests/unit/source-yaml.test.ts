import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { generateDocuments } from '../../scripts/bench/generate.ts';
import { parseSourceYaml } from '../../src/knowledge/validate-source-yaml.ts';

// What `yaml` alone made of a file before the faster parse: the value, or that it refuses it.
function byYaml(text: string): unknown {
  const parsed = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  return parsed.errors.length === 0 ? { raw: parsed.toJS() } : 'refused';
}

function byParse(text: string): unknown {
  const parsed = parseSourceYaml(text);
  return parsed.problems ? 'refused' : { raw: parsed.raw };
}

describe('parseSourceYaml', () => {
  it('reads every seed source file as yaml reads it', async () => {
    const files = (await readdir('data')).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = await readFile(join('data', file), 'utf8');
      expect(byParse(text), file).toEqual(byYaml(text));
    }
  }, 30_000);

  it('reads generated source files as yaml reads them', () => {
    let n = 0;
    for (const file of generateDocuments(4, 3)) {
      expect(byParse(file.yaml), file.name).toEqual(byYaml(file.yaml));
      n++;
    }
    expect(n).toBeGreaterThan(1);
  }, 30_000);

  it.each([
    ['dates stay strings', 'date: 1994-01-27\nat: 2001-12-14t21:59:43.10-05:00\n'],
    [
      'core booleans, nulls and numbers',
      'a: true\nb: ~\nc: null\nd: 0o17\ne: 0x1F\nf: 1e3\ng: .inf\n',
    ],
    ['YAML 1.1 words stay strings', 'a: yes\nb: no\nc: on\nd: 1_000\ne: 017\n'],
    ['block scalars', 'a: |\n  one\n  two\nb: >-\n  folded\n  text\n'],
    ['anchors and aliases', 'a: &x {k: 1}\nb: *x\n'],
    ['no merge keys', 'a: &x {k: 1}\nb:\n  <<: *x\n'],
    ['quotes', `a: "it's \\"quoted\\""\nb: 'single ''q'''\n`],
    ['an empty file', ''],
  ])('%s: the same value as yaml', (_, text) => {
    expect(byParse(text)).toEqual(byYaml(text));
  });

  it.each([
    ['a repeated key', 'a: 1\na: 2\n', 2],
    ['a tab indent', 'a:\n\t- 1\n', 2],
    ['two documents', 'a: 1\n---\nb: 2\n', 2],
    ['an unclosed quote', 'x: 1\na: "open\n', 3],
  ])('refuses %s with the line yaml names', (_, text, line) => {
    const parsed = parseSourceYaml(text);
    expect(byYaml(text)).toBe('refused');
    expect(parsed.problems?.[0]?.path).toBe('(yaml)');
    expect(parsed.problems?.[0]?.message).toMatch(new RegExp(`at line ${line}, column \\d+`));
  });
});
