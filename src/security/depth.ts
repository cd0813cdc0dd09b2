import {
  type GraphQLCompositeType,
  getNamedType,
  isCompositeType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { limitError } from './errors.ts';
import {
  type DocumentScope,
  isConnectionWrapper,
  type SelectedField,
  selectedFields,
} from './selections.ts';

/**
 * How deep a selection set goes: each field that returns an object (or a list, interface or union
 * of them) is one level, except a connection's `edges`, `node` and `pageInfo`; leaves, introspection
 * and fragments themselves add nothing (fragments are flattened into where they are spread).
 */
export function depthOf(
  scope: DocumentScope,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  fragments?: ReadonlySet<string>,
): number {
  let deepest = 0;
  for (const field of selectedFields(scope, selectionSet, parent, fragments)) {
    deepest = Math.max(deepest, fieldDepth(scope, field));
  }
  return deepest;
}

function fieldDepth(scope: DocumentScope, field: SelectedField): number {
  const type = getNamedType(field.definition.type);
  if (!isCompositeType(type) || !field.node.selectionSet) return 0;
  const below = depthOf(scope, field.node.selectionSet, type, field.fragments);
  return below + (isConnectionWrapper(field.parent, field.node.name.value) ? 0 : 1);
}

/** A validation rule refusing operations deeper than `max` levels, as `depthOf` counts them. */
export function maxDepthRule(max: number): ValidationRule {
  return function MaxDepthRule(context: ValidationContext) {
    const schema = context.getSchema();
    const scope: DocumentScope = { schema, fragment: (name) => context.getFragment(name) };
    return {
      OperationDefinition(operation) {
        const root = schema.getRootType(operation.operation);
        if (!root) return;
        const depth = depthOf(scope, operation.selectionSet, root);
        if (depth > max) {
          context.reportError(
            limitError(
              `Query depth limit of ${max} exceeded, found ${depth} (a connection's edges and node ` +
                'do not count as levels).',
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
