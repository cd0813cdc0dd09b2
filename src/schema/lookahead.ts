import {
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  type SelectionSetNode,
} from 'graphql';
import type { Expansion, LinkExpansion } from '../db/expansion.ts';
import type { LinkSpec } from '../db/link-repository.ts';
import type { EntityKind } from '../knowledge/vocabulary.ts';
import { type DocumentScope, type SelectedField, selectedFields } from '../security/selections.ts';
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

/** The properties a field declares it reads, or null when it declares none. */
const propertiesRead = (reads: Reads | undefined): readonly string[] | null =>
  reads && typeof reads === 'object' && 'properties' in reads ? reads.properties : null;

/** The request's document, as the walks in security/selections.ts see it, with its variables. */
const scopeOf = (info: GraphQLResolveInfo): DocumentScope => ({
  schema: info.schema,
  fragment: (name) => info.fragments[name],
  variables: info.variableValues,
});

/** The fields a selection set selects on `type` (none when it has no fields to select). */
function fieldsOf(
  scope: DocumentScope,
  set: SelectionSetNode | undefined,
  type: GraphQLNamedType,
): SelectedField[] {
  return set && isCompositeType(type) ? selectedFields(scope, set, type) : [];
}

/** The fields selected directly on the field being resolved. */
const selectedHere = (info: GraphQLResolveInfo, scope: DocumentScope) =>
  info.fieldNodes.flatMap((field) =>
    fieldsOf(scope, field.selectionSet, getNamedType(info.returnType)),
  );

type Selections = { set: SelectionSetNode | undefined; type: GraphQLNamedType }[];

/**
 * The selections of the entities a connection's fields reach through `edges { node }` or `nodes`, the links'
 * own properties its edges need (null: all of them), and whether its total is asked for.
 */
function connectionSelections(
  scope: DocumentScope,
  fields: readonly FieldNode[],
  type: GraphQLNamedType,
): { nodes: Selections; edgeProperties: readonly string[] | null; counted: boolean } {
  const nodes: Selections = [];
  let edgeProperties: Set<string> | null = new Set();
  let counted = false;
  for (const field of fields) {
    for (const edges of fieldsOf(scope, field.selectionSet, type)) {
      if (COUNTED_FIELDS.has(edges.node.name.value)) counted = true;
      if (edges.node.name.value === 'nodes') {
        nodes.push({ set: edges.node.selectionSet, type: getNamedType(edges.definition.type) });
      }
      if (edges.node.name.value !== 'edges') continue;
      const edgeType = getNamedType(edges.definition.type);
      for (const selected of fieldsOf(scope, edges.node.selectionSet, edgeType)) {
        const name = selected.node.name.value;
        if (!EDGE_FIELDS_WITHOUT_PROPERTIES.has(name)) {
          const read = propertiesRead(selected.definition.extensions.reads as Reads | undefined);
          if (read === null) edgeProperties = null;
          for (const property of read ?? []) edgeProperties?.add(property);
        }
        if (name === 'node') {
          nodes.push({
            set: selected.node.selectionSet,
            type: getNamedType(selected.definition.type),
          });
        }
      }
    }
  }
  return { nodes, edgeProperties: edgeProperties && [...edgeProperties].sort(), counted };
}

/** What a field declares it reads: on the type selected on, else on the Entity interface. */
function readsOf(scope: DocumentScope, selected: SelectedField): Reads | undefined {
  const own = selected.definition.extensions.reads as Reads | undefined;
  if (own) return own;
  const entity = scope.schema.getType('Entity');
  const name = selected.node.name.value;
  return isInterfaceType(entity)
    ? (entity.getFields()[name]?.extensions.reads as Reads | undefined)
    : undefined;
}

interface FieldGroup {
  type: GraphQLCompositeType;
  definition: GraphQLField<unknown, unknown>;
  reads: Reads;
  nodes: FieldNode[];
}

/** What the selections of an entity read that an expansion can bring in the same query. */
function expansionOf(scope: DocumentScope, selections: Selections): Expansion {
  let citations = false;
  let properties: Set<string> | null = new Set();
  // Fields are grouped as graphql-js merges them: by response name, on the type selected on.
  const groups = new Map<string, FieldGroup>();
  for (const { set, type } of selections) {
    for (const selected of fieldsOf(scope, set, type)) {
      const { node, parent, definition } = selected;
      if (FREE_FIELDS.has(node.name.value)) continue;
      const reads = readsOf(scope, selected);
      if (reads === 'citations') citations = true;
      const read = propertiesRead(reads);
      if (!reads) properties = null;
      for (const property of read ?? []) properties?.add(property);
      if (!reads || reads === 'citations' || read) continue;
      const key = `${parent.name}.${node.alias?.value ?? node.name.value}`;
      const group = groups.get(key) ?? { type: parent, definition, reads, nodes: [] };
      group.nodes.push(node);
      groups.set(key, group);
    }
  }
  const links = new Map<string, LinkExpansion>();
  for (const group of groups.values()) {
    const link = linkExpansionOf(scope, group);
    if (link) links.set(JSON.stringify(link), link);
  }
  return {
    properties: properties === null ? null : [...properties].sort(),
    citations,
    links: [...links.values()],
  };
}

function linkExpansionOf(scope: DocumentScope, group: FieldGroup): LinkExpansion | null {
  const { type, definition, reads, nodes } = group;
  const first = nodes[0] as FieldNode;
  if (typeof reads !== 'object' || !('links' in reads)) return null;
  try {
    const args = getArgumentValues(definition, first, scope.variables);
    const read = connectionSelections(scope, nodes, getNamedType(definition.type));
    return {
      spec: reads.links(args),
      window: windowOf(args),
      onKind: isObjectType(type) ? (type.name as EntityKind) : null,
      edgeProperties: read.edgeProperties,
      counted: read.counted,
      expansion: expansionOf(scope, read.nodes),
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
  const scope = scopeOf(info);
  const read = connectionSelections(scope, info.fieldNodes, getNamedType(info.returnType));
  const { edgeProperties, counted } = read;
  return { expansion: expansionOf(scope, read.nodes), edgeProperties, counted };
}

/** What to read with the entity being resolved. */
export function entityExpansion(info: GraphQLResolveInfo): Expansion {
  const type = getNamedType(info.returnType);
  return expansionOf(
    scopeOf(info),
    info.fieldNodes.map((field) => ({ set: field.selectionSet, type })),
  );
}

/**
 * The arguments of each selection of field `name` directly on the field being resolved (one per
 * alias), e.g. the days of `status(asOf:)`; empty when the client does not select it.
 */
export function argumentsOf(info: GraphQLResolveInfo, name: string): Record<string, unknown>[] {
  const scope = scopeOf(info);
  const found: Record<string, unknown>[] = [];
  for (const { node, definition } of selectedHere(info, scope)) {
    if (node.name.value !== name) continue;
    try {
      found.push(getArgumentValues(definition, node, scope.variables));
    } catch {
      // Arguments the field itself will refuse, with a clear error, when it resolves.
    }
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
  const scope = scopeOf(info);
  const selections = selectedHere(info, scope)
    .filter(({ node }) => names.includes(node.name.value))
    .map(({ node, definition }) => ({
      set: node.selectionSet,
      type: getNamedType(definition.type),
    }));
  return expansionOf(scope, selections).properties;
}

/** True when the objects under field `name` are asked for a field outside `plain`. */
export function asksBeyond(
  info: GraphQLResolveInfo,
  name: string,
  plain: ReadonlySet<string>,
): boolean {
  const scope = scopeOf(info);
  return selectedHere(info, scope)
    .filter(({ node }) => node.name.value === name)
    .some(({ node, definition }) =>
      fieldsOf(scope, node.selectionSet, getNamedType(definition.type)).some(
        (inner) => !plain.has(inner.node.name.value),
      ),
    );
}
