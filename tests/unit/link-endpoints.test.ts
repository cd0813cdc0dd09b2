import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  describeKinds,
  endpointProblem,
  LINK_ENDPOINTS,
} from '../../src/knowledge/link-endpoints.ts';
import { readSourceFile } from '../../src/knowledge/read-source-file.ts';
import { LINK_TYPE_NAMES } from '../../src/knowledge/vocabulary.ts';
import { writeMiniFixture } from '../helpers/source-fixtures.ts';

describe('allowed endpoint kinds per link type', () => {
  it('names endpoint kinds for every link type', () => {
    expect(Object.keys(LINK_ENDPOINTS).sort()).toEqual([...LINK_TYPE_NAMES].sort());
  });

  it('allows a person to hold an office of a country, not a treaty to', () => {
    expect(endpointProblem('HELD_OFFICE', 'Person', 'Country')).toBeUndefined();
    expect(endpointProblem('HELD_OFFICE', 'Treaty', 'Place')).toBe(
      'a HELD_OFFICE link cannot go from a Treaty (allowed: Person) or to a Place ' +
        '(allowed: Country, Organization)',
    );
  });

  it('refuses a source file whose link joins kinds its type does not allow', async () => {
    const file = await writeMiniFixture((f) => {
      f.links[1].to = 'freedonia';
    });
    await expect(readSourceFile(file)).rejects.toThrow(
      'links[1] ruritania -PARTY_TO-> freedonia: a PARTY_TO link cannot go to a Country ' +
        '(allowed: Treaty)',
    );
  });
});

describe('data/README.md', () => {
  it('lists the endpoint kinds of every link type as the code checks them', () => {
    const readme = readFileSync('data/README.md', 'utf8');
    const rows = readme
      .split('\n')
      .filter((line) => /^\| [A-Z_]+ \| /.test(line) && line.split('|').length === 5);
    expect(rows).toEqual(
      Object.entries(LINK_ENDPOINTS).map(
        ([type, { from, to }]) => `| ${type} | ${describeKinds(from)} | ${describeKinds(to)} |`,
      ),
    );
  });
});
