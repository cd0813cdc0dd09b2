import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getDirectiveValues,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * What a walk over a document needs: the schema and the document's fragments; with the request's
 * variables, also which selections `@skip` and `@include` leave out.
 */
export interface DocumentScope {
  schema: GraphQLSchema;
  fragment(name: string): FragmentDefinitionNode | undefined | null;
  variables?: Record<string, unknown>;
}

/** False for a selection `@skip(if: true)` or `@include(if: false)` leaves out. */
function included(scope: DocumentScope, node: SelectionNode): boolean {
  if (!scope.variables) return true;
  return (
    getDirectiveValues(GraphQLSkipDirective, node, scope.variables)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, scope.variables)?.if !== false
  );
}

/** A field of a selection set, fragments flattened. */
export interface SelectedField {
  node: FieldNode;
  /** The type the field is selected on. */
  parent: GraphQLCompositeType;
  definition: GraphQLField<unknown, unknown>;
  /** Fragments spread on the way here, so that a fragment cycle ends the walk. */
  fragments: ReadonlySet<string>;
}

/**
 * The fields a selection set asks of `parent`, inline fragments and spreads flattened. Introspection
 * fields (`__schema`, `__type`, `__typename`) and unknown fields (other rules report them) are left
 * out; a fragment already spread on the way here is not walked again. With the scope's variables,
 * so are the selections `@skip`/`@include` leave out.
 */
export function selectedFields(
  scope: DocumentScope,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  fragments: ReadonlySet<string> = new Set(),
): SelectedField[] {
  const found: SelectedField[] = [];
  for (const selection of selectionSet.selections) {
    if (!included(scope, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) continue;
      const definition = parent.getFields()[name];
      if (definition) found.push({ node: selection, parent, definition, fragments });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition
        ? scope.schema.getType(selection.typeCondition.name.value)
        : parent;
      if (isCompositeType(type)) {
        found.push(...selectedFields(scope, selection.selectionSet, type, fragments));
      }
    } else {
      const name = selection.name.value;
      const fragment = fragments.has(name) ? undefined : scope.fragment(name);
      const type = fragment && scope.schema.getType(fragment.typeCondition.name.value);
      if (fragment && isCompositeType(type)) {
        const seen = new Set(fragments).add(name);
        found.push(...selectedFields(scope, fragment.selectionSet, type, seen));
      }
    }
  }
  return found;
}

const hasFields = (type: GraphQLCompositeType, ...names: string[]) =>
  isObjectType(type) && names.every((name) => name in type.getFields());

/**
 * True for the Relay plumbing between two levels of data: `edges`, `nodes` and `pageInfo` of a
 * connection (a type with edges and pageInfo), and `node` of an edge (a type with `node` and
 * `cursor`).
 */
export function isConnectionWrapper(parent: GraphQLCompositeType, field: string): boolean {
  if (field === 'edges' || field === 'nodes' || field === 'pageInfo') {
    return hasFields(parent, 'edges', 'pageInfo');
  }
  if (field === 'node') return hasFields(parent, 'node', 'cursor');
  return false;
}
