import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkSourceFile } from '../../src/knowledge/check-source-file.ts';
import { readSourceFile } from '../../src/knowledge/read-source-file.ts';
import { sourceFileSchema } from '../../src/knowledge/source-file.ts';
import { sourceFileYaml } from '../../src/knowledge/write-source-file.ts';

// Writing a checked source file back: reading what was written gives the same plan, so nothing a
// document states (quotes and their context, dates as written, aliases, figures) is lost.

const files = [
  ...(await readdir('data')).filter((n) => n.endsWith('.yaml')).map((n) => `data/${n}`),
  ...(await readdir('tests/fixtures'))
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => `tests/fixtures/${n}`),
];

describe('sourceFileYaml', () => {
  it.each(files)('writes %s back to a file that reads as the same plan', async (file) => {
    const plan = await readSourceFile(file);
    const yaml = sourceFileYaml(plan, plan.document.source ?? '');
    const reread = checkSourceFile(sourceFileSchema.parse(parse(yaml)), plan.document.text);
    expect(reread.problems).toEqual([]);
    expect(reread.plan).toEqual(plan);
  });

  it('keeps context quotes apart from the quotes that state the fact', async () => {
    const plan = await readSourceFile('data/tass-russian-israeli-relations.yaml');
    const withContext = plan.entities.find((e) => e.context?.includes(true));
    expect(withContext).toBeDefined();
    const yaml = sourceFileYaml(
      { ...plan, entities: [withContext as (typeof plan.entities)[number]], links: [] },
      'x.txt',
    );
    expect(yaml).toContain('- context: ');
  });
});
