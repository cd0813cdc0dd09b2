import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  visit,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { astId } from './ast-ids.ts';

/** How many plans are kept across requests: far more than a client's distinct operations. */
export const PLAN_CACHE_SIZE = 1000;

const plans = new LRUCache<string, object>({ max: PLAN_CACHE_SIZE });

// A node belongs to one document, whose fragments are fixed: its variables are found once.
const variablesBelowNode = new WeakMap<FieldNode, readonly string[]>();

/**
 * The variables a field's selections use, in the fragments they spread too: page sizes, cursors
 * and filters of the lists below it, and `@skip`/`@include` conditions. A plan reads nothing
 * else from the request; the field's own arguments (an id, a search text, its own page) are
 * applied when it resolves.
 */
function variablesBelow(
  node: FieldNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
): readonly string[] {
  const known = variablesBelowNode.get(node);
  if (known) return known;
  const names = new Set<string>();
  const spread = new Set<string>();
  const pending: SelectionSetNode[] = node.selectionSet ? [node.selectionSet] : [];
  for (let set = pending.pop(); set; set = pending.pop()) {
    visit(set, {
      Variable: (variable) => {
        names.add(variable.name.value);
      },
      FragmentSpread: ({ name }) => {
        const fragment = fragments[name.value];
        if (!fragment || spread.has(name.value)) return;
        spread.add(name.value);
        pending.push(fragment.selectionSet);
      },
    });
  }
  const found = [...names].sort();
  variablesBelowNode.set(node, found);
  return found;
}

/** The values of the variables that shape the plan of the field being resolved, as a key. */
function shapingVariablesKey(info: GraphQLResolveInfo): string {
  const names = new Set(info.fieldNodes.flatMap((node) => variablesBelow(node, info.fragments)));
  const values = info.variableValues;
  // `[]` for a variable not given, `[value]` for one given (null included): they plan apart.
  return JSON.stringify(
    [...names].sort().map((name) => (Object.hasOwn(values, name) ? [name, values[name]] : [name])),
  );
}

/**
 * The plan `what` of the field being resolved, computed once per document selection, parent
 * type and values of the variables used below the field (page sizes, cursors and link filters of
 * nested lists shape a plan; the slug or search text of the field itself does not), then served
 * from a bounded LRU cache: a repeated operation costs no planning, whatever entity it asks for.
 */
export function cachedPlan<T extends object>(
  info: GraphQLResolveInfo,
  what: string,
  compute: () => T,
): T {
  const fields = info.fieldNodes.map(astId).join(',');
  const key = `${what}:${info.parentType.name}:${fields}:${shapingVariablesKey(info)}`;
  const known = plans.get(key);
  if (known) return known as T;
  const plan = compute();
  plans.set(key, plan);
  return plan;
}

/** How many plans the cache holds (for tests). */
export const cachedPlanCount = () => plans.size;
