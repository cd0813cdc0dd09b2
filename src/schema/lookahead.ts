import {
  type FieldNode,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Expansion, LinkExpansion } from '../db/expansion.ts';
import type { LinkSpec } from '../db/link-repository.ts';
import type { EntityKind } from '../knowledge/vocabulary.ts';
import { windowOf } from './pagination.ts';

/**
 * What a field reads, for the lookahead: set as the field's `extensions.reads`. A link list
 * says how its arguments make a LinkSpec; `citations` marks an entity's citations.
 */
export type Reads = { links: (args: Record<string, unknown>) => LinkSpec } | 'citations';

export const readsExtension = (reads: Reads) => ({ reads });

type Variables = GraphQLResolveInfo['variableValues'];
type Fragments = GraphQLResolveInfo['fragments'];

interface Walk {
  schema: GraphQLResolveInfo['schema'];
  fragments: Fragments;
  variables: Variables;
}

const included = (node: FieldNode | { directives?: FieldNode['directives'] }, v: Variables) =>
  getDirectiveValues(GraphQLSkipDirective, node, v)?.if !== true &&
  getDirectiveValues(GraphQLIncludeDirective, node, v)?.if !== false;

/** Calls `visit` with every field a selection set selects, with the type it is selected on. */
function eachField(
  walk: Walk,
  set: SelectionSetNode | undefined,
  type: GraphQLNamedType,
  visit: (field: FieldNode, type: GraphQLNamedType) => void,
): void {
  for (const selection of set?.selections ?? []) {
    if (!included(selection, walk.variables)) continue;
    if (selection.kind === Kind.FIELD) {
      visit(selection, type);
      continue;
    }
    const fragment =
      selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments[selection.name.value];
    if (!fragment) continue;
    const condition = fragment.typeCondition
      ? walk.schema.getType(fragment.typeCondition.name.value)
      : type;
    if (condition) eachField(walk, fragment.selectionSet, condition, visit);
  }
}

function fieldOf(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** The selections of the entities a connection's fields reach through `edges { node }`. */
function nodeSelections(walk: Walk, fields: readonly FieldNode[], type: GraphQLNamedType) {
  const out: { set: SelectionSetNode | undefined; type: GraphQLNamedType }[] = [];
  for (const field of fields) {
    eachField(walk, field.selectionSet, type, (edges, connectionType) => {
      const edgesField = fieldOf(connectionType, edges.name.value);
      if (edges.name.value !== 'edges' || !edgesField) return;
      const edgeType = getNamedType(edgesField.type);
      eachField(walk, edges.selectionSet, edgeType, (node, edgeType) => {
        const nodeField = fieldOf(edgeType, node.name.value);
        if (node.name.value !== 'node' || !nodeField) return;
        out.push({ set: node.selectionSet, type: getNamedType(nodeField.type) });
      });
    });
  }
  return out;
}

/** What the selections of an entity read that an expansion can bring in the same query. */
function expansionOf(
  walk: Walk,
  selections: { set: SelectionSetNode | undefined; type: GraphQLNamedType }[],
): Expansion {
  let citations = false;
  // Fields are grouped as graphql-js merges them: by response name, on the type selected on.
  const groups = new Map<string, { type: GraphQLNamedType; nodes: FieldNode[] }>();
  for (const { set, type } of selections) {
    eachField(walk, set, type, (field, on) => {
      const reads = fieldOf(on, field.name.value)?.extensions.reads as Reads | undefined;
      if (reads === 'citations') citations = true;
      if (!reads || reads === 'citations') return;
      const key = `${on.name}.${field.alias?.value ?? field.name.value}`;
      const group = groups.get(key) ?? { type: on, nodes: [] };
      group.nodes.push(field);
      groups.set(key, group);
    });
  }
  const links = new Map<string, LinkExpansion>();
  for (const { type, nodes } of groups.values()) {
    const link = linkExpansionOf(walk, type, nodes);
    if (link) links.set(JSON.stringify(link), link);
  }
  return { citations, links: [...links.values()] };
}

function linkExpansionOf(
  walk: Walk,
  type: GraphQLNamedType,
  nodes: FieldNode[],
): LinkExpansion | null {
  const first = nodes[0] as FieldNode;
  const field = fieldOf(type, first.name.value);
  const reads = field?.extensions.reads as Reads | undefined;
  if (!field || !reads || reads === 'citations') return null;
  try {
    const args = getArgumentValues(field, first, walk.variables);
    return {
      spec: reads.links(args),
      window: windowOf(args),
      onKind: isObjectType(type) ? (type.name as EntityKind) : null,
      expansion: expansionOf(walk, nodeSelections(walk, nodes, getNamedType(field.type))),
    };
  } catch {
    // Arguments the field itself will refuse, with a clear error, when it resolves.
    return null;
  }
}

/** What to read with the entities of the connection being resolved. */
export function connectionExpansion(info: GraphQLResolveInfo): Expansion {
  const walk = { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
  return expansionOf(walk, nodeSelections(walk, info.fieldNodes, getNamedType(info.returnType)));
}

/** What to read with the entity being resolved. */
export function entityExpansion(info: GraphQLResolveInfo): Expansion {
  const walk = { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
  const type = getNamedType(info.returnType);
  return expansionOf(
    walk,
    info.fieldNodes.map((field) => ({ set: field.selectionSet, type })),
  );
}

/**
 * The arguments of each selection of field `name` directly on the field being resolved (one per
 * alias), e.g. the days of `status(asOf:)`; empty when the client does not select it.
 */
export function argumentsOf(info: GraphQLResolveInfo, name: string): Record<string, unknown>[] {
  const walk = { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
  const found: Record<string, unknown>[] = [];
  for (const field of info.fieldNodes) {
    eachField(walk, field.selectionSet, getNamedType(info.returnType), (selected, on) => {
      const definition = fieldOf(on, selected.name.value);
      if (selected.name.value !== name || !definition) return;
      try {
        found.push(getArgumentValues(definition, selected, walk.variables));
      } catch {
        // Arguments the field itself will refuse, with a clear error, when it resolves.
      }
    });
  }
  return found;
}

/** True when the client selects `name` directly on the field being resolved (e.g. totalCount). */
export const selectsField = (info: GraphQLResolveInfo, name: string) =>
  argumentsOf(info, name).length > 0;
