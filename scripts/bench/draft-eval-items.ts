/**
 * The documents `npm run draft:eval` scores, each its text and hand-curated source file, in one
 * place so the unit tests go over the same ones.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export type Item = [text: string, file: string];

/** Every `<name>.txt` of a folder that has a `<name>.yaml` beside it. */
async function itemsIn(dir: string): Promise<Item[]> {
  const names = await readdir(dir);
  return names
    .filter((n) => n.endsWith('.yaml') && names.includes(n.replace(/\.yaml$/, '.txt')))
    .sort()
    .map((n) => [join(dir, n.replace(/\.yaml$/, '.txt')), join(dir, n)]);
}

/** The sets, in the order they are reported. */
export async function evaluationSets(): Promise<Record<string, Item[]>> {
  return {
    // Written and curated (and committed) before the assistant was ever run on them, and never
    // looked at while changing a rule: the held-out result.
    'held out (bench/assistant/held-out-2)': await itemsIn('bench/assistant/held-out-2'),
    // Held out in the previous round; what its curated files hold that the rules missed has since
    // been read, so it is tuning material now.
    'held out in the previous round (bench/assistant/held-out)': await itemsIn(
      'bench/assistant/held-out',
    ),
    // Held out in the round before; rules have since been justified by it.
    'held out earlier (bench/assistant)': [
      ['bench/assistant/shuttle-diplomacy.txt', 'bench/assistant/shuttle-diplomacy.yaml'],
    ],
    // Held out when first scored; the rules have since been tuned on them.
    'evaluation, tuned on (bench/assistant)': ['geneva-talks', 'border-deal', 'soy-trade'].map(
      (n): Item => [`bench/assistant/${n}.txt`, `bench/assistant/${n}.yaml`],
    ),
    'tuning (tests/fixtures, data/)': [
      ...['remarks-2022', 'sequel', 'visit'].map(
        (n): Item => [`tests/fixtures/${n}.txt`, `tests/fixtures/${n}.yaml`],
      ),
      ['data/sources/000_5929c22120558d2e.txt', 'data/israel-russia-bilateral-relations.yaml'],
      ['data/sources/001_65488ff6de30c279.txt', 'data/tass-russian-israeli-relations.yaml'],
    ],
  };
}
