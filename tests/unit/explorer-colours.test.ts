import { describe, expect, it } from 'vitest';
import { KIND_COLOURS, STATUS_COLOURS } from '../../explorer/src/lib/kinds.ts';

/** sRGB hex → linear channels. */
function linear(hex: string): [number, number, number] {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  return channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
}

/** WCAG relative luminance and contrast ratio. */
const luminance = (hex: string) => {
  const [r, g, b] = linear(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};

/** CIE L*a*b* (D65), for the distance between two colours as the eye sees it (CIE76 ΔE). */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = linear(hex);
  const xyz = [
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
  ].map((t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116)) as [
    number,
    number,
    number,
  ];
  return [116 * xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])];
}
const deltaE = (a: string, b: string) => {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};

describe('colours of kinds and statuses', () => {
  it('keeps every two kinds apart (ΔE ≥ 20)', () => {
    const entries = Object.entries(KIND_COLOURS);
    const close: string[] = [];
    for (const [i, [kind, colour]] of entries.entries())
      for (const [other, otherColour] of entries.slice(i + 1))
        if (deltaE(colour, otherColour) < 20)
          close.push(`${kind}/${other} ${deltaE(colour, otherColour).toFixed(1)}`);
    expect(close).toEqual([]);
  });

  it('reads as text on white, and white text reads on it (4.5:1)', () => {
    for (const [name, colour] of Object.entries({ ...KIND_COLOURS, ...STATUS_COLOURS })) {
      expect(contrast(colour, '#ffffff'), name).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colour, '#eff6ff'), `${name} on a highlighted result`).toBeGreaterThanOrEqual(
        4.5,
      );
    }
  });
});
