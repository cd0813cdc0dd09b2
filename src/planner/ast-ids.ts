/**
 * A number for each parsed AST node (a document, a field): yoga's parser cache hands back the same
 * objects for the same operation text, so a cache key can hold these numbers instead of printed
 * selections. Weakly held: the numbers go with the nodes.
 */
const ids = new WeakMap<object, number>();
let lastId = 0;

export function astId(node: object): number {
  let id = ids.get(node);
  if (id === undefined) {
    lastId += 1;
    id = lastId;
    ids.set(node, id);
  }
  return id;
}
