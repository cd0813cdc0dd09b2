import { coverageOf } from './coverage.ts';
import { type CrossCheck, crossCheck, statementsOf } from './cross-check.ts';
import type { ImportPlan } from './import-plan.ts';
import { readSourceFile } from './read-source-file.ts';

export interface DataReport {
  /** What to print, line by line. */
  lines: string[];
  /** True when a file cannot be imported, a sentence is not quoted, or documents conflict. */
  failed: boolean;
  /** The files that could be read. */
  plans: ImportPlan[];
}

/** Checks each file alone (schema, quotes, dates, links, coverage), then the files together. */
export async function checkDataFiles(files: string[]): Promise<DataReport> {
  const lines: string[] = [];
  const plans: ImportPlan[] = [];
  let failed = false;
  for (const file of files) {
    try {
      const plan = await readSourceFile(file);
      plans.push(plan);
      const coverage = coverageOf(plan);
      lines.push(
        `${file}: ${plan.entities.length} entities, ${plan.links.length} links, ` +
          `${coverage.covered}/${coverage.sentences} factual sentences quoted`,
      );
      for (const sentence of coverage.uncovered) lines.push(`  not quoted: ${sentence}`);
      if (coverage.uncovered.length > 0) failed = true;
    } catch (error) {
      lines.push((error as Error).message);
      failed = true;
    }
  }
  const all = plans.map(statementsOf);
  const across = crossCheck(
    all.flatMap((s) => s.entities),
    all.flatMap((s) => s.links),
  );
  const report = describeCrossCheck('between these files', across);
  return { lines: [...lines, ...report.lines], failed: failed || report.failed, plans };
}

/** Lines for a cross-check's errors and warnings; failed when there is an error. */
export function describeCrossCheck(
  scope: string,
  checked: CrossCheck,
): { lines: string[]; failed: boolean } {
  const lines = [
    ...checked.errors.map((e) => `  error: ${e.message}`),
    ...checked.warnings.map((w) => `  warning: ${w.message}`),
  ];
  return {
    lines: lines.length > 0 ? [`${scope}:`, ...lines] : [],
    failed: checked.errors.length > 0,
  };
}
