import { describe, expect, it } from 'vitest';
import { CostBudget } from '../../src/security/cost-budget.ts';

/** A budget on a clock the test moves. */
function budget(perSecond: number, burst: number) {
  let now = 0;
  const spent = new CostBudget(perSecond, burst, () => now);
  return { spent, tick: (ms: number) => (now += ms) };
}

describe('the cost budget', () => {
  it('lets a client alone spend a burst at once, then the whole budget per second', () => {
    const { spent, tick } = budget(1000, 5000);
    expect(spent.take('a', 5000)).toEqual({ admitted: true });
    expect(spent.take('a', 500)).toEqual({ admitted: false, retryAfterSeconds: 1 });
    tick(500);
    expect(spent.take('a', 500)).toEqual({ admitted: true });
  });

  it("halves a heavy client's refill while another client spends too, and never refuses the light one", () => {
    const { spent, tick } = budget(1000, 1000);
    let heavy = 0;
    let refusedLight = 0;
    for (let ms = 0; ms < 10_000; ms += 100) {
      tick(100);
      if (spent.take('heavy', 250).admitted) heavy += 250;
      if (!spent.take('light', 20).admitted) refusedLight++;
    }
    expect(refusedLight).toBe(0);
    // A burst, then at most its half share of the rest: the light client leaves its unused part.
    expect(heavy).toBeLessThanOrEqual(1000 + 500 * 10);
    expect(heavy).toBeGreaterThanOrEqual(1000 + 400 * 10);
  });

  it('says how long to wait for what is missing, at the current share', () => {
    const { spent } = budget(100, 1000);
    spent.take('a', 1000);
    expect(spent.take('a', 300)).toEqual({ admitted: false, retryAfterSeconds: 3 });
  });
});
