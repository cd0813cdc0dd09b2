/** A seeded PRNG (mulberry32) and the choices the fuzzer's generators make with it. */

export class Random {
  private state: number;

  constructor(...seeds: number[]) {
    // Mixes the seeds into 32 bits (FNV-1a over their bytes), so (seed, i) and (seed, i + 1) differ.
    let h = 0x811c9dc5;
    for (const seed of seeds) {
      for (let shift = 0; shift < 32; shift += 8) {
        h ^= (seed >>> shift) & 0xff;
        h = Math.imul(h, 0x01000193) >>> 0;
      }
    }
    this.state = h;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: [[weight, value], …]. */
  weighted<T>(items: readonly (readonly [number, T])[]): T {
    const total = items.reduce((sum, [w]) => sum + w, 0);
    let at = this.next() * total;
    for (const [w, value] of items) {
      at -= w;
      if (at < 0) return value;
    }
    return (items.at(-1) as readonly [number, T])[1];
  }

  /** A string of `length` characters from a mix of ASCII, syntax, control and non-Latin ones. */
  text(length: number): string {
    const alphabets = [
      'abcdefghijklmnopqrstuvwxyz0123456789',
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ -_',
      '{}[]()"\'`\\/:;,.!?*~^&|+=<>$#@%',
      '\u0000\u0001\t\n\r\u001f\u007f',
      'йцукенгшщзхъфывапролджэячсмитьбю',
      'ÀÉÎÕÜçñøßœ',
      'שלוםעברית',
      '\u2028\u2029\u200b\ufeff\ufffd',
    ];
    let out = '';
    while (out.length < length) {
      const alphabet = this.pick(alphabets);
      const run = Math.min(length - out.length, this.int(1, 12));
      for (let i = 0; i < run; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    }
    if (this.chance(0.05)) out += this.pick(['\ud800', '\udfff', '😀', '🇷🇺']);
    return out;
  }

  /** A length for a "huge" string: mostly large, sometimes up to about 1 MB. */
  hugeLength(): number {
    return this.pick([1_000, 10_000, 20_000, 100_001, 300_000, 1_000_000]);
  }
}
