/** Checks source files without a database: `npm run check-data [files…]` (default: data/*.yaml). */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { coverageOf } from '../src/knowledge/coverage.ts';
import { readSourceFile } from '../src/knowledge/read-source-file.ts';

const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : (await readdir('data')).filter((f) => f.endsWith('.yaml')).map((f) => join('data', f));

let failed = false;
for (const file of files) {
  try {
    const plan = await readSourceFile(file);
    const coverage = coverageOf(plan);
    console.log(
      `${file}: ${plan.entities.length} entities, ${plan.links.length} links, ` +
        `${coverage.covered}/${coverage.sentences} factual sentences quoted`,
    );
    for (const sentence of coverage.uncovered) console.log(`  not quoted: ${sentence}`);
    if (coverage.uncovered.length > 0) failed = true;
  } catch (error) {
    console.error((error as Error).message);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
