import { describe, expect, it } from 'vitest';
import { layoutSeries } from '../../explorer/src/lib/series-chart.ts';

describe('the series chart layout', () => {
  it('places each period on the time axis, bars scaled to the largest count', () => {
    const bars = layoutSeries(
      [
        { period: '2000', cooperation: 2, conflict: 0, goldstein: 4 },
        { period: '2009', cooperation: 0, conflict: 4, goldstein: -8 },
      ],
      1000,
    );
    expect(bars).toEqual([
      { period: '2000', x: 0, width: 100, up: 0.5, down: 0, weight: 0.5 },
      { period: '2009', x: 900, width: 100, up: 0, down: 1, weight: -1 },
    ]);
  });

  it('draws nothing for no points, and a bar at least 3 units wide', () => {
    expect(layoutSeries([], 800)).toEqual([]);
    const [bar] = layoutSeries(
      [
        { period: '1948-05', cooperation: 1, conflict: 0, goldstein: 7 },
        { period: '2022', cooperation: 0, conflict: 1, goldstein: -2 },
      ],
      800,
    );
    expect(bar?.width).toBe(3);
  });
});
