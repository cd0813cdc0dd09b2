import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { astId } from '../planner/ast-ids.ts';

type Variables = Record<string, unknown>;

/** Characters of key the memo holds per entry it may hold, on average. */
const KEY_CHARACTERS = 500;

// Names the variables with their values, telling an absent variable from one given as null: they
// may mean different things (a default applies to one only).
const valuesOf = (variables: Variables, names: readonly string[]) =>
  JSON.stringify(
    names.map((name) => [name, name in variables ? variables[name] : { absent: true }]),
  );

/** `variables`, with the names of those `compute` looks at recorded in `read`. */
function recording(variables: Variables, read: Set<string>): Variables {
  const note = (name: string | symbol) => {
    if (typeof name === 'string') read.add(name);
  };
  return new Proxy(variables, {
    get(target, name, receiver) {
      note(name);
      return Reflect.get(target, name, receiver);
    },
    has(target, name) {
      note(name);
      return Reflect.has(target, name);
    },
    getOwnPropertyDescriptor(target, name) {
      note(name);
      return Reflect.getOwnPropertyDescriptor(target, name);
    },
  });
}

/**
 * Remembers what an operation's analysis found, keyed by the document, the operation and the
 * values of only the variables the analysis read: the first run of an operation records which
 * variables it looked at (page sizes, `@skip` conditions), so the same operation with another
 * slug or search text is served from the cache. Bounded (LRU).
 */
export class VariablesMemo<T extends object> {
  private readonly found: LRUCache<string, T>;
  /** The variables each operation's analysis read, by document and operation name. */
  private readonly readsOf = new LRUCache<string, readonly string[]>({ max: 1000 });

  constructor(max: number) {
    // Keys hold variables' values (e.g. the ids of nodes(ids:)): bounded by their length too.
    this.found = new LRUCache<string, T>({
      max,
      maxSize: max * KEY_CHARACTERS,
      sizeCalculation: (_value, key) => Math.max(1, key.length),
    });
  }

  get(
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Variables,
    compute: (variables: Variables) => T,
  ): T {
    const operation = `${astId(document)}:${operationName ?? ''}`;
    const names = this.readsOf.get(operation);
    if (names) {
      const key = `${operation}:${valuesOf(variables, names)}`;
      const known = this.found.get(key);
      if (known) return known;
    }
    const read = new Set<string>();
    const result = compute(recording(variables, read));
    const recorded = [...read].sort();
    this.readsOf.set(operation, recorded);
    this.found.set(`${operation}:${valuesOf(variables, recorded)}`, result);
    return result;
  }

  /** How many results are remembered (for tests). */
  get size(): number {
    return this.found.size;
  }
}
