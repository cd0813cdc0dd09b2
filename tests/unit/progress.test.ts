import { afterEach, describe, expect, it, vi } from 'vitest';
import { startProgress } from '../../scripts/progress.ts';

describe('startProgress', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('prints a plain line at most every interval in a log, with the rate and an ETA', () => {
    vi.useFakeTimers({ now: 0 });
    const lines: string[] = [];
    const progress = startProgress({
      unit: 'entities',
      steps: 4,
      tty: false,
      everyMs: 10_000,
      write: (text) => lines.push(text),
    });
    vi.advanceTimersByTime(10_000);
    progress.add(500);
    vi.advanceTimersByTime(5_000);
    progress.add(500); // within the interval: quiet
    vi.advanceTimersByTime(5_000);
    progress.add(500);
    progress.add(500); // the last step is always shown
    progress.done();
    expect(lines).toEqual([
      '1/4 documents, 500 entities (50 entities/s, 10 s, ETA 30 s)\n',
      '3/4 documents, 1500 entities (75 entities/s, 20 s, ETA 7 s)\n',
      '4/4 documents, 2000 entities (100 entities/s, 20 s, ETA 0 s)\n',
    ]);
  });

  it('rewrites one line on a terminal and ends it when done', () => {
    vi.useFakeTimers({ now: 0 });
    const out: string[] = [];
    const progress = startProgress({
      unit: 'entities',
      total: 1000,
      steps: 2,
      tty: true,
      write: (text) => out.push(text),
    });
    vi.advanceTimersByTime(1_000);
    progress.add(400);
    vi.advanceTimersByTime(1_000);
    progress.add(600);
    progress.done();
    expect(out).toEqual([
      '\r\x1b[2K1/2 documents, 400/1000 entities (400 entities/s, 1 s, ETA 2 s)',
      '\r\x1b[2K2/2 documents, 1000/1000 entities (500 entities/s, 2 s, ETA 0 s)',
      '\n',
    ]);
  });
});
