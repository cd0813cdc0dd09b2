/** One problem in a source file: where it is (`entities[3] "ussr" › cite[0]`) and what is wrong. */
export interface SourceFileProblem {
  path: string;
  message: string;
}

/** A source file that cannot be imported; the message lists every problem found. */
export class SourceFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: SourceFileProblem[],
  ) {
    const lines = problems.map((p) => `  - ${p.path}: ${p.message}`);
    super(`${file} cannot be imported (${problems.length} problem(s)):\n${lines.join('\n')}`);
    this.name = 'SourceFileError';
  }
}
