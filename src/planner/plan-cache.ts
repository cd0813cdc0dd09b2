import type { GraphQLResolveInfo } from 'graphql';
import { LRUCache } from 'lru-cache';

/** How many plans are kept across requests: far more than a client's distinct operations. */
export const PLAN_CACHE_SIZE = 1000;

const plans = new LRUCache<string, object>({ max: PLAN_CACHE_SIZE });

// AST nodes get a number each: a parsed document is reused by yoga's parser cache, so the same
// operation text finds the same numbers, and a key holds numbers, not printed selections.
const nodeIds = new WeakMap<object, number>();
let lastId = 0;
const idOf = (node: object) => {
  let id = nodeIds.get(node);
  if (id === undefined) {
    lastId += 1;
    id = lastId;
    nodeIds.set(node, id);
  }
  return id;
};

const variableKeys = new WeakMap<object, string>();

/** The variables' key, computed once per execution. */
function variablesKey(variables: Record<string, unknown>): string {
  let key = variableKeys.get(variables);
  if (key === undefined) {
    key = JSON.stringify(variables);
    variableKeys.set(variables, key);
  }
  return key;
}

/**
 * The plan `what` of the field being resolved, computed once per document selection, parent
 * type and variables (page sizes, cursors and link types shape a plan), then served from a
 * bounded LRU cache: a repeated operation costs no planning.
 */
export function cachedPlan<T extends object>(
  info: GraphQLResolveInfo,
  what: string,
  compute: () => T,
): T {
  const fields = info.fieldNodes.map(idOf).join(',');
  const key = `${what}:${info.parentType.name}:${fields}:${variablesKey(info.variableValues)}`;
  const known = plans.get(key);
  if (known) return known as T;
  const plan = compute();
  plans.set(key, plan);
  return plan;
}

/** How many plans the cache holds (for tests). */
export const cachedPlanCount = () => plans.size;
