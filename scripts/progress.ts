/**
 * Progress of long work: on a terminal one line rewritten in place (done/total, rate, ETA); in a
 * log (CI, a pipe) a plain line every `everyMs` at most, so logs stay short.
 */

export interface Progress {
  /** Counts `items` more done (entities, say) and `steps` more (documents). */
  add(items: number, steps?: number): void;
  /** Ends the line and prints the totals. */
  done(): void;
}

export interface ProgressOptions {
  /** What is counted: "entities". */
  unit: string;
  /** How many `unit` in all, for the ETA (an estimate is fine); without it the ETA counts steps. */
  total?: number;
  /** How many steps (documents) in all. */
  steps: number;
  write?: (text: string) => void;
  tty?: boolean;
  everyMs?: number;
}

const seconds = (ms: number) =>
  ms >= 60_000
    ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`
    : `${Math.round(ms / 1000)} s`;

export function startProgress(options: ProgressOptions): Progress {
  const write = options.write ?? ((text: string) => process.stderr.write(text));
  const tty = options.tty ?? process.stderr.isTTY === true;
  const everyMs = options.everyMs ?? (tty ? 250 : 15_000);
  const started = Date.now();
  let items = 0;
  let steps = 0;
  let shownAt = 0;
  const line = () => {
    const elapsed = Date.now() - started;
    const rate = elapsed > 0 ? (items / elapsed) * 1000 : 0;
    const left =
      options.total !== undefined
        ? rate > 0
          ? ((options.total - items) / rate) * 1000
          : Number.NaN
        : steps > 0
          ? ((options.steps - steps) / steps) * elapsed
          : Number.NaN;
    const of = options.total !== undefined ? `/${options.total}` : '';
    const eta = Number.isFinite(left) ? `, ETA ${seconds(Math.max(0, left))}` : '';
    return (
      `${steps}/${options.steps} documents, ${items}${of} ${options.unit} ` +
      `(${Math.round(rate)} ${options.unit}/s, ${seconds(elapsed)}${eta})`
    );
  };
  return {
    add(more, moreSteps = 1) {
      items += more;
      steps += moreSteps;
      const now = Date.now();
      if (now - shownAt < everyMs && steps < options.steps) return;
      shownAt = now;
      write(tty ? `\r\x1b[2K${line()}` : `${line()}\n`);
    },
    done() {
      if (tty) write('\n');
    },
  };
}
