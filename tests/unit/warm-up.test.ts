import { describe, expect, it } from 'vitest';
import { warmUp } from '../../src/http/warm-up.ts';

describe('warmUp', () => {
  it('ends within its limit when an operation never answers, and says how many ran', async () => {
    const app = { fetch: () => new Promise<Response>(() => {}) };
    const lines: string[] = [];
    const startedAt = Date.now();
    const answered = await warmUp(app, ['{ a }', '{ b }'], {
      limitMs: 200,
      log: (line) => lines.push(line),
    });
    expect(answered).toBe(0);
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    // Stopped for time, not failed: no line per operation.
    expect(lines).toEqual([
      expect.stringMatching(/^warmed up 0 of 2 operations in \d+ ms \(at most 200 ms\)$/),
    ]);
  });
});
