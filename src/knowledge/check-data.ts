import { coverageOf } from './coverage.ts';
import { type CrossCheck, crossCheck, statementsOf } from './cross-check.ts';
import type { ImportPlan } from './import-plan.ts';
import { readSourceFileFully } from './read-source-file.ts';
import { SourceFileError } from './source-file-error.ts';

export interface DataReport {
  /** What to print, line by line. */
  lines: string[];
  /** True when a file cannot be imported, a sentence is not quoted, or documents conflict. */
  failed: boolean;
  /** The files that could be read. */
  plans: ImportPlan[];
}

/**
 * Checks each file alone (schema, quotes, dates, links, coverage), then the files together, and
 * lists every problem of every stage in one run. `context` files (the rest of data/ when files are
 * named) take part in the checks between files without being reported on themselves: only
 * findings that involve a checked file are listed.
 */
export async function checkDataFiles(files: string[], context: string[] = []): Promise<DataReport> {
  const lines: string[] = [];
  const plans: ImportPlan[] = [];
  let failed = false;
  for (const file of files) {
    const { problems, partial } = await readSourceFileFully(file);
    if (problems.length > 0) {
      failed = true;
      lines.push(new SourceFileError(file, problems).message);
    }
    if (!partial) continue;
    plans.push(partial);
    const coverage = coverageOf(partial);
    lines.push(
      `${file}: ${partial.entities.length} entities, ${partial.links.length} links, ` +
        `${coverage.covered}/${coverage.sentences} factual sentences quoted`,
    );
    for (const sentence of coverage.uncovered) lines.push(`  not quoted: ${sentence}`);
    if (coverage.uncovered.length > 0) failed = true;
  }
  const checked = new Set(plans.map((plan) => plan.document.id));
  const others: ImportPlan[] = [];
  for (const file of context.filter((f) => !files.includes(f))) {
    const { partial } = await readSourceFileFully(file);
    if (partial && !checked.has(partial.document.id)) others.push(partial);
  }
  // In document-id order, as the graph takes documents: findings read the same however named.
  const all = [...plans, ...others]
    .sort((a, b) => a.document.id.localeCompare(b.document.id))
    .map(statementsOf);
  const across = crossCheck(
    all.flatMap((s) => s.entities),
    all.flatMap((s) => s.links),
  );
  const involved = (finding: { documents: string[] }) =>
    finding.documents.some((doc) => checked.has(doc));
  const scope = others.length > 0 ? 'against the other files of the folder' : 'between these files';
  const report = describeCrossCheck(scope, {
    errors: across.errors.filter(involved),
    warnings: across.warnings.filter(involved),
  });
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
