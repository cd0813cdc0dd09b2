import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateCorpus } from '../../scripts/bench/generate.ts';
import { benchQueries } from '../../scripts/bench/queries.ts';

/** Every entity id the generated graph of a scale holds. */
function idsAt(scale: number): Set<string> {
  const ids = new Set<string>();
  for (const file of generateCorpus(scale, 1).files) {
    const source = parse(file.yaml) as { entities: { id: string }[] };
    for (const entity of source.entities) ids.add(entity.id);
  }
  return ids;
}

/** The entity ids a variant asks for: string values shaped like the generator's ids. */
const askedIds = (variant: Record<string, unknown>) =>
  Object.values(variant).filter(
    (v): v is string => typeof v === 'string' && /^[a-z]+-\d+(-\d+)*$/.test(v),
  );

describe('the bench query mix', () => {
  for (const scale of [1, 2, 10]) {
    it(`asks only for ids the graph of scale ${scale} holds`, () => {
      const ids = idsAt(scale);
      const countries = [...ids].filter((id) => id.startsWith('country-')).length;
      const queries = benchQueries(1, scale);
      expect(queries).toHaveLength(11);
      for (const q of queries) {
        for (const variant of q.variants) {
          for (const id of askedIds(variant)) expect(ids, `${q.name} asks for ${id}`).toContain(id);
          if ('offset' in variant) expect(Number(variant.offset)).toBeLessThan(countries);
        }
      }
    });
  }
});
