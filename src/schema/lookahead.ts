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
 * says how its arguments make a LinkSpec; `citations` marks an entity's citations; `properties`
 * names the entity properties a field's resolver reads. An entity field that declares nothing
 * makes the whole entity be read.
 */
export type Reads =
  | { links: (args: Record<string, unknown>) => LinkSpec }
  | { properties: readonly string[] }
  | 'citations';

/** Fields every row answers without reading a property beyond id and kind. */
const FREE_FIELDS = new Set(['__typename', 'id']);
/** Connection fields that need the list's total. */
const COUNTED_FIELDS = new Set(['totalCount', 'pageInfo']);
/** Edge fields answered without the link's own properties. */
const EDGE_FIELDS_WITHOUT_PROPERTIES = new Set([
  '__typename',
  'cursor',
  'node',
  'type',
  'direction',
]);

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

type Selections = { set: SelectionSetNode | undefined; type: GraphQLNamedType }[];

/**
 * The selections of the entities a connection's fields reach through `edges { node }`, and
 * whether its edges need the links' own properties.
 */
function connectionSelections(
  walk: Walk,
  fields: readonly FieldNode[],
  type: GraphQLNamedType,
): { nodes: Selections; edgeProperties: readonly string[] | null; counted: boolean } {
  const nodes: Selections = [];
  let edgeProperties: Set<string> | null = new Set();
  let counted = false;
  for (const field of fields) {
    eachField(walk, field.selectionSet, type, (edges, connectionType) => {
      if (COUNTED_FIELDS.has(edges.name.value)) counted = true;
      const edgesField = fieldOf(connectionType, edges.name.value);
      if (edges.name.value !== 'edges' || !edgesField) return;
      const edgeType = getNamedType(edgesField.type);
      eachField(walk, edges.selectionSet, edgeType, (selected, edgeType) => {
        if (!EDGE_FIELDS_WITHOUT_PROPERTIES.has(selected.name.value)) {
          const reads = fieldOf(edgeType, selected.name.value)?.extensions.reads as
            | Reads
            | undefined;
          if (reads && typeof reads === 'object' && 'properties' in reads) {
            for (const property of reads.properties) edgeProperties?.add(property);
          } else {
            edgeProperties = null;
          }
        }
        const nodeField = fieldOf(edgeType, selected.name.value);
        if (selected.name.value !== 'node' || !nodeField) return;
        nodes.push({ set: selected.selectionSet, type: getNamedType(nodeField.type) });
      });
    });
  }
  return { nodes, edgeProperties: edgeProperties && [...edgeProperties].sort(), counted };
}

/** What a field declares it reads: on the type selected on, else on the Entity interface. */
function readsOf(walk: Walk, on: GraphQLNamedType, name: string): Reads | undefined {
  const own = fieldOf(on, name)?.extensions.reads as Reads | undefined;
  if (own) return own;
  const entity = walk.schema.getType('Entity');
  return entity ? (fieldOf(entity, name)?.extensions.reads as Reads | undefined) : undefined;
}

/** What the selections of an entity read that an expansion can bring in the same query. */
function expansionOf(walk: Walk, selections: Selections): Expansion {
  let citations = false;
  let properties: Set<string> | null = new Set();
  // Fields are grouped as graphql-js merges them: by response name, on the type selected on.
  const groups = new Map<string, { type: GraphQLNamedType; nodes: FieldNode[] }>();
  for (const { set, type } of selections) {
    eachField(walk, set, type, (field, on) => {
      const name = field.name.value;
      if (FREE_FIELDS.has(name)) return;
      const reads = readsOf(walk, on, name);
      if (reads === 'citations') citations = true;
      if (reads && typeof reads === 'object' && 'properties' in reads) {
        for (const property of reads.properties) properties?.add(property);
      } else if (!reads) {
        properties = null;
      }
      if (!reads || reads === 'citations' || 'properties' in reads) return;
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
  return {
    properties: properties === null ? null : [...properties].sort(),
    citations,
    links: [...links.values()],
  };
}

function linkExpansionOf(
  walk: Walk,
  type: GraphQLNamedType,
  nodes: FieldNode[],
): LinkExpansion | null {
  const first = nodes[0] as FieldNode;
  const field = fieldOf(type, first.name.value);
  const reads = readsOf(walk, type, first.name.value);
  if (!field || !reads || typeof reads !== 'object' || !('links' in reads)) return null;
  try {
    const args = getArgumentValues(field, first, walk.variables);
    const read = connectionSelections(walk, nodes, getNamedType(field.type));
    return {
      spec: reads.links(args),
      window: windowOf(args),
      onKind: isObjectType(type) ? (type.name as EntityKind) : null,
      edgeProperties: read.edgeProperties,
      counted: read.counted,
      expansion: expansionOf(walk, read.nodes),
    };
  } catch {
    // Arguments the field itself will refuse, with a clear error, when it resolves.
    return null;
  }
}

/**
 * What to read with the entities of the connection being resolved, whether its edges need the
 * links' own properties, and whether its total is asked for (totalCount, pageInfo).
 */
export function connectionExpansion(info: GraphQLResolveInfo): {
  expansion: Expansion;
  edgeProperties: readonly string[] | null;
  counted: boolean;
} {
  const walk = { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
  const read = connectionSelections(walk, info.fieldNodes, getNamedType(info.returnType));
  const { edgeProperties, counted } = read;
  return { expansion: expansionOf(walk, read.nodes), edgeProperties, counted };
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

/**
 * The properties the entities under the named fields of the field being resolved need (e.g. a
 * neighbourhood's `center` and `nodes`); null when some field needs all of them.
 */
export function entityPropertiesUnder(
  info: GraphQLResolveInfo,
  names: readonly string[],
): readonly string[] | null {
  const walk = { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
  const selections: Selections = [];
  for (const field of info.fieldNodes) {
    eachField(walk, field.selectionSet, getNamedType(info.returnType), (selected, on) => {
      const definition = fieldOf(on, selected.name.value);
      if (!definition || !names.includes(selected.name.value)) return;
      selections.push({ set: selected.selectionSet, type: getNamedType(definition.type) });
    });
  }
  return expansionOf(walk, selections).properties;
}

/** True when the objects under field `name` are asked for a field outside `plain`. */
export function asksBeyond(
  info: GraphQLResolveInfo,
  name: string,
  plain: ReadonlySet<string>,
): boolean {
  const walk = { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
  let beyond = false;
  for (const field of info.fieldNodes) {
    eachField(walk, field.selectionSet, getNamedType(info.returnType), (selected, on) => {
      const definition = fieldOf(on, selected.name.value);
      if (!definition || selected.name.value !== name) return;
      eachField(walk, selected.selectionSet, getNamedType(definition.type), (inner) => {
        if (!plain.has(inner.name.value)) beyond = true;
      });
    });
  }
  return beyond;
}
