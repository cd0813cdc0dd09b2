import {
  type GraphQLCompositeType,
  isCompositeType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import {
  type FieldGroup,
  isConnectionWrapper,
  isSelectionLimitError,
  SelectionWalk,
  typeOf,
} from '../planner/selection-walk.ts';
import { limitError } from './errors.ts';

/** How deep a selection goes, and the response names on its deepest path. */
export interface Depth {
  depth: number;
  path: readonly string[];
}

const FLAT: Depth = { depth: 0, path: [] };

/**
 * How deep selection sets go on `parent`: each field that returns an object (or a list, interface
 * or union of them) is one level, except a connection's `edges`, `nodes`, `node` and `pageInfo`;
 * leaves, introspection and fragments themselves add nothing (fragments are flattened into where
 * they are spread). Memoised on the walk, so each fragment is measured once per type.
 */
export function depthOf(
  walk: SelectionWalk,
  sets: readonly SelectionSetNode[],
  parent: GraphQLCompositeType,
): Depth {
  return walk.remember(`depth:${parent.name}:${walk.keyOf(sets)}`, FLAT, () => {
    let deepest = FLAT;
    for (const group of walk.fields(sets, parent)) {
      const depth = groupDepth(walk, group);
      if (depth.depth > deepest.depth) deepest = depth;
    }
    return deepest;
  });
}

function groupDepth(walk: SelectionWalk, group: FieldGroup): Depth {
  const type = typeOf(group);
  const sets = group.nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  if (!isCompositeType(type) || sets.length === 0) return FLAT;
  const below = depthOf(walk, sets, type);
  if (isConnectionWrapper(group.parent, group.definition.name)) return below;
  const [node] = group.nodes;
  const name = node?.alias?.value ?? group.definition.name;
  return { depth: below.depth + 1, path: [name, ...below.path] };
}

/** A validation rule refusing operations deeper than `max` levels, as `depthOf` counts them. */
export function maxDepthRule(max: number): ValidationRule {
  return function MaxDepthRule(context: ValidationContext) {
    const schema = context.getSchema();
    const walk = new SelectionWalk({ schema, fragment: (name) => context.getFragment(name) });
    return {
      OperationDefinition(operation) {
        const root = schema.getRootType(operation.operation);
        if (!root) return;
        let found: Depth;
        try {
          found = depthOf(walk, [operation.selectionSet], root);
        } catch (error) {
          if (!isSelectionLimitError(error)) throw error;
          context.reportError(error as never);
          return;
        }
        if (found.depth > max) {
          context.reportError(
            limitError(
              `Query depth limit of ${max} exceeded, found ${found.depth} on ` +
                `${found.path.join(' › ')} (a connection's edges and node do not count as ` +
                'levels): query what lies deeper separately, starting from node(id:).',
              'MAX_DEPTH_EXCEEDED',
              { nodes: operation },
            ),
          );
        }
      },
    };
  };
}

/** Adds the depth rule to every validation. */
export function useMaxDepth(max: number): Plugin {
  const rule = maxDepthRule(max);
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}
