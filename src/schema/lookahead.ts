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
import { type Expansion, type LinkExpansion, NO_EXPANSION } from '../db/expansion.ts';
import type { LinkSpec } from '../db/link-repository.ts';
import type { EntityKind } from '../knowledge/vocabulary.ts';
import { type FieldGroup, SelectionWalk, typeOf } from '../security/selections.ts';
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

/** One walk per execution (its variables object), shared by every resolver of the request. */
const walks = new WeakMap<object, SelectionWalk>();

/** The request's document, as the walks in security/selections.ts see it, with its variables. */
function walkOf(info: GraphQLResolveInfo): SelectionWalk {
  let walk = walks.get(info.variableValues);
  if (!walk) {
    walk = new SelectionWalk({
      schema: info.schema,
      fragment: (name) => info.fragments[name],
      variables: info.variableValues,
    });
    walks.set(info.variableValues, walk);
  }
  return walk;
}

/** Selection sets selected together on one type. */
interface Selection {
  sets: readonly SelectionSetNode[];
  type: GraphQLNamedType;
}

const setsOf = (nodes: readonly FieldNode[]) =>
  nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));

/** The field groups a selection selects (none when its type has no fields to select). */
const fieldsOf = (walk: SelectionWalk, { sets, type }: Selection): FieldGroup[] =>
  sets.length > 0 && isCompositeType(type) ? walk.fields(sets, type) : [];

/** The fields selected directly on the field being resolved. */
const selectedHere = (info: GraphQLResolveInfo, walk: SelectionWalk) =>
  fieldsOf(walk, { sets: setsOf(info.fieldNodes), type: getNamedType(info.returnType) });

/** A key for memoising what is read for these selections. */
const keyOf = (walk: SelectionWalk, selections: readonly Selection[]) =>
  selections.map(({ sets, type }) => `${type.name}:${walk.keyOf(sets)}`).join(';');

interface ConnectionRead {
  nodes: Selection[];
  edgeProperties: readonly string[] | null;
  counted: boolean;
}

/**
 * The selections of the entities a connection's fields reach through `edges { node }` or `nodes`,
 * the links' own properties its edges need (null: all of them), and whether its total is asked for.
 */
function connectionSelections(
  walk: SelectionWalk,
  fields: readonly FieldNode[],
  type: GraphQLNamedType,
): ConnectionRead {
  const nodes: Selection[] = [];
  let edgeProperties: Set<string> | null = new Set();
  let counted = false;
  for (const group of fieldsOf(walk, { sets: setsOf(fields), type })) {
    const name = group.definition.name;
    if (COUNTED_FIELDS.has(name)) counted = true;
    if (name === 'nodes') nodes.push({ sets: setsOf(group.nodes), type: typeOf(group) });
    if (name !== 'edges') continue;
    for (const selected of walk.below(group)) {
      const field = selected.definition.name;
      if (!EDGE_FIELDS_WITHOUT_PROPERTIES.has(field)) {
        const read = propertiesRead(selected.definition.extensions.reads as Reads | undefined);
        if (read === null) edgeProperties = null;
        for (const property of read ?? []) edgeProperties?.add(property);
      }
      if (field === 'node') nodes.push({ sets: setsOf(selected.nodes), type: typeOf(selected) });
    }
  }
  return { nodes, edgeProperties: edgeProperties && [...edgeProperties].sort(), counted };
}

/** What a field declares it reads: on the type selected on, else on the Entity interface. */
function readsOf(walk: SelectionWalk, selected: FieldGroup): Reads | undefined {
  const own = selected.definition.extensions.reads as Reads | undefined;
  if (own) return own;
  const entity = walk.scope.schema.getType('Entity');
  const name = selected.definition.name;
  return isInterfaceType(entity)
    ? (entity.getFields()[name]?.extensions.reads as Reads | undefined)
    : undefined;
}

interface LinkGroup {
  type: GraphQLCompositeType;
  definition: GraphQLField<unknown, unknown>;
  reads: Reads;
  nodes: FieldNode[];
}

/**
 * What the selections of an entity read that an expansion can bring in the same query; memoised
 * on the walk, so a fragment spread in many places is read once.
 */
function expansionOf(walk: SelectionWalk, selections: readonly Selection[]): Expansion {
  return walk.remember(`expansion:${keyOf(walk, selections)}`, NO_EXPANSION, () => {
    let citations = false;
    let properties: Set<string> | null = new Set();
    // Fields are grouped as graphql-js merges them: by response name, on the type selected on.
    const groups = new Map<string, LinkGroup>();
    for (const selection of selections) {
      for (const selected of fieldsOf(walk, selection)) {
        const { nodes, parent, definition } = selected;
        if (FREE_FIELDS.has(definition.name)) continue;
        const reads = readsOf(walk, selected);
        if (reads === 'citations') citations = true;
        const read = propertiesRead(reads);
        if (!reads) properties = null;
        for (const property of read ?? []) properties?.add(property);
        if (!reads || reads === 'citations' || read) continue;
        const first = nodes[0] as FieldNode;
        const key = `${parent.name}.${first.alias?.value ?? first.name.value}`;
        const group = groups.get(key) ?? { type: parent, definition, reads, nodes: [] };
        group.nodes.push(...nodes);
        groups.set(key, group);
      }
    }
    const links = new Map<string, LinkExpansion>();
    for (const group of groups.values()) {
      const link = linkExpansionOf(walk, group);
      if (link) links.set(JSON.stringify(link), link);
    }
    return {
      properties: properties === null ? null : [...properties].sort(),
      citations,
      links: [...links.values()],
    };
  });
}

function linkExpansionOf(walk: SelectionWalk, group: LinkGroup): LinkExpansion | null {
  const { type, definition, reads, nodes } = group;
  const first = nodes[0] as FieldNode;
  if (typeof reads !== 'object' || !('links' in reads)) return null;
  try {
    const args = getArgumentValues(definition, first, walk.scope.variables);
    const read = connectionSelections(walk, nodes, getNamedType(definition.type));
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
  const walk = walkOf(info);
  const read = connectionSelections(walk, info.fieldNodes, getNamedType(info.returnType));
  const { edgeProperties, counted } = read;
  return { expansion: expansionOf(walk, read.nodes), edgeProperties, counted };
}

/** What to read with the entity being resolved. */
export function entityExpansion(info: GraphQLResolveInfo): Expansion {
  return expansionOf(walkOf(info), [
    { sets: setsOf(info.fieldNodes), type: getNamedType(info.returnType) },
  ]);
}

/**
 * The arguments of each selection of field `name` directly on the field being resolved (one per
 * alias), e.g. the days of `status(asOf:)`; empty when the client does not select it.
 */
export function argumentsOf(info: GraphQLResolveInfo, name: string): Record<string, unknown>[] {
  const walk = walkOf(info);
  const found: Record<string, unknown>[] = [];
  for (const { nodes, definition } of selectedHere(info, walk)) {
    if (definition.name !== name) continue;
    try {
      found.push(getArgumentValues(definition, nodes[0] as FieldNode, walk.scope.variables));
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
  const walk = walkOf(info);
  const selections = selectedHere(info, walk)
    .filter(({ definition }) => names.includes(definition.name))
    .map((group) => ({ sets: setsOf(group.nodes), type: typeOf(group) }));
  return expansionOf(walk, selections).properties;
}

/** True when the objects under field `name` are asked for a field outside `plain`. */
export function asksBeyond(
  info: GraphQLResolveInfo,
  name: string,
  plain: ReadonlySet<string>,
): boolean {
  const walk = walkOf(info);
  return selectedHere(info, walk)
    .filter(({ definition }) => definition.name === name)
    .some((group) => walk.below(group).some((inner) => !plain.has(inner.definition.name)));
}
