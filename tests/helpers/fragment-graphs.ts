/**
 * Documents whose fragments form graphs that a walk revisiting every spread would expand
 * exponentially: chains (each fragment spreads the one before twice), diamonds (two fragments per
 * level, each spreading both of the level below) and wide fan-outs.
 */

export interface FragmentGraphOptions {
  /** The type condition of every fragment. */
  on: string;
  /** The operation, with `…` where the top fragment is spread, e.g. `{ entity(slug: "x") { … } }`. */
  operation: string;
  /** The selection of the bottom fragment. */
  leaf: string;
  /** Wraps each spread of a lower level, e.g. `links { edges { node { … } } }`: one level deeper. */
  nest?: string;
}

const wrap = (nest: string | undefined, inner: string) => (nest ? nest.replace('…', inner) : inner);

function document(options: FragmentGraphOptions, top: string, fragments: string[]): string {
  return [options.operation.replace('…', top), ...fragments].join('\n');
}

/** `F<k> { ...F<k-1> ...F<k-1> }` down to `F0 { leaf }`: 2^n spreads when expanded. */
export function chain(n: number, options: FragmentGraphOptions): string {
  const fragments = [`fragment F0 on ${options.on} { ${options.leaf} }`];
  for (let k = 1; k <= n; k++) {
    const spreads = wrap(options.nest, `...F${k - 1} ...F${k - 1}`);
    fragments.push(`fragment F${k} on ${options.on} { ${spreads} }`);
  }
  return document(options, `...F${n}`, fragments);
}

/** Two fragments per level (`A<k>`, `B<k>`), each spreading both of the level below. */
export function diamond(levels: number, options: FragmentGraphOptions): string {
  const fragments = [
    `fragment A0 on ${options.on} { ${options.leaf} }`,
    `fragment B0 on ${options.on} { ${options.leaf} }`,
  ];
  for (let k = 1; k <= levels; k++) {
    const spreads = wrap(options.nest, `...A${k - 1} ...B${k - 1}`);
    fragments.push(`fragment A${k} on ${options.on} { ${spreads} }`);
    fragments.push(`fragment B${k} on ${options.on} { ${spreads} }`);
  }
  return document(options, `...A${levels} ...B${levels}`, fragments);
}

/** One fragment spreading `width` fragments, each spreading the leaf fragment `width` times. */
export function fanOut(width: number, options: FragmentGraphOptions): string {
  const leafSpreads = Array.from({ length: width }, () => '...L').join(' ');
  const fragments = [`fragment L on ${options.on} { ${options.leaf} }`];
  for (let i = 0; i < width; i++) {
    fragments.push(`fragment W${i} on ${options.on} { ${wrap(options.nest, leafSpreads)} }`);
  }
  const middle = Array.from({ length: width }, (_, i) => `...W${i}`).join(' ');
  fragments.push(`fragment T on ${options.on} { ${middle} }`);
  return document(options, '...T', fragments);
}
