import {
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { EntityKind } from '../knowledge/vocabulary.ts';
import { windowOf } from '../paging.ts';
import type { PageAsks } from './page-read.ts';
import { cachedPlan } from './plan-cache.ts';
import {
  type ConnectionPlan,
  type Expansion,
  type LinkExpansion,
  NO_EXPANSION,
} from './plan-types.ts';
import { propertiesRead, type Reads, readsOf } from './reads.ts';
import { type FieldGroup, SelectionWalk, typeOf } from './selection-walk.ts';

/** Fields every row answers without reading a property beyond id and kind. */
const FREE_FIELDS = new Set(['__typename', 'id']);
/** Edge fields answered without the link's own properties. */
const EDGE_FIELDS_WITHOUT_PROPERTIES = new Set([
  '__typename',
  'cursor',
  'node',
  'type',
  'direction',
]);

/** One walk per execution (its variables object), shared by every plan of the request. */
const walks = new WeakMap<object, SelectionWalk>();

/** The request's document, walked as the depth and cost limits walk it, with its variables. */
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
export interface Selection {
  sets: readonly SelectionSetNode[];
  type: GraphQLNamedType;
}

const setsOf = (nodes: readonly FieldNode[]) =>
  nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));

/** The field groups a selection selects (none when its type has no fields to select). */
const fieldsOf = (walk: SelectionWalk, { sets, type }: Selection): FieldGroup[] =>
  sets.length > 0 && isCompositeType(type) ? walk.fields(sets, type) : [];

/** A key for memoising what is read for these selections. */
const keyOf = (walk: SelectionWalk, selections: readonly Selection[]) =>
  selections.map(({ sets, type }) => `${type.name}:${walk.keyOf(sets)}`).join(';');

/**
 * The selections of the entities a connection's fields reach through `edges { node }` or `nodes`,
 * the links' own properties its edges need, and what it is asked beyond its items (its total,
 * whether a page follows).
 */
function connectionPlanOf(walk: SelectionWalk, selection: Selection): ConnectionPlan {
  const nodes: Selection[] = [];
  let edgeProperties: Set<string> | null = new Set();
  const asks: PageAsks = { totalCount: false, hasNextPage: false };
  for (const group of fieldsOf(walk, selection)) {
    const name = group.definition.name;
    // Whether a count is exact is known only by counting (search's totalCountIsExact).
    if (name === 'totalCount' || name === 'totalCountIsExact') asks.totalCount = true;
    if (name === 'pageInfo' && walk.below(group).some((f) => f.definition.name === 'hasNextPage'))
      asks.hasNextPage = true;
    if (name === 'nodes') nodes.push({ sets: setsOf(group.nodes), type: typeOf(group) });
    if (name !== 'edges') continue;
    for (const selected of walk.below(group)) {
      const field = selected.definition.name;
      if (!EDGE_FIELDS_WITHOUT_PROPERTIES.has(field)) {
        const read = propertiesRead(readsOf(selected.definition));
        if (read === null) edgeProperties = null;
        for (const property of read ?? []) edgeProperties?.add(property);
      }
      if (field === 'node') nodes.push({ sets: setsOf(selected.nodes), type: typeOf(selected) });
    }
  }
  return {
    expansion: expansionOf(walk, nodes),
    edgeProperties: edgeProperties && [...edgeProperties].sort(),
    asks,
  };
}

/** What a field declares it reads: on the type selected on, else on the Entity interface. */
function declaredReads(walk: SelectionWalk, selected: FieldGroup): Reads | undefined {
  const own = readsOf(selected.definition);
  if (own) return own;
  const entity = walk.scope.schema.getType('Entity');
  return isInterfaceType(entity)
    ? readsOf(entity.getFields()[selected.definition.name])
    : undefined;
}

/** The selections of one link field under one response name, on the types they are made on. */
interface LinkGroup {
  field: string;
  groups: FieldGroup[];
}

/**
 * What the selections of an entity read that one statement can bring along; memoised on the walk,
 * so a fragment spread in many places is planned once.
 */
export function expansionOf(walk: SelectionWalk, selections: readonly Selection[]): Expansion {
  return walk.remember(`expansion:${keyOf(walk, selections)}`, NO_EXPANSION, () => {
    let citations = false;
    let properties: Set<string> | null = new Set();
    const linkGroups = new Map<string, LinkGroup>();
    for (const selection of selections) {
      for (const selected of fieldsOf(walk, selection)) {
        const { nodes, definition } = selected;
        if (FREE_FIELDS.has(definition.name)) continue;
        const reads = declaredReads(walk, selected);
        if (reads === 'citations') citations = true;
        const read = propertiesRead(reads);
        if (!reads) properties = null;
        for (const property of read ?? []) properties?.add(property);
        if (!reads || reads === 'citations' || read) continue;
        const first = nodes[0] as FieldNode;
        const field = first.alias?.value ?? first.name.value;
        const group: LinkGroup = linkGroups.get(field) ?? { field, groups: [] };
        group.groups.push(selected);
        linkGroups.set(field, group);
      }
    }
    return {
      properties: properties === null ? null : [...properties].sort(),
      citations,
      links: [...linkGroups.values()].flatMap((group) => linksOf(walk, group)),
    };
  });
}

/** The object types a field selected on `type` applies to. */
const kindsOf = (walk: SelectionWalk, type: GraphQLCompositeType): string[] =>
  isAbstractType(type)
    ? walk.scope.schema.getPossibleTypes(type).map((object) => object.name)
    : [type.name];

/**
 * The pages one response name reads. Selected on one type, one page; selected on several (an
 * interface and a kind, as `... on Entity { links { a } } ... on Country { links { b } }`), the
 * selections merge per kind as graphql-js merges them for a row of that kind, and kinds whose
 * merged selections agree share one page.
 */
function linksOf(walk: SelectionWalk, group: LinkGroup): LinkExpansion[] {
  const first = group.groups[0] as FieldGroup;
  if (group.groups.length === 1) {
    const onKinds = isObjectType(first.parent) ? [first.parent.name as EntityKind] : null;
    const link = linkOf(walk, group.field, first.definition, first.nodes, onKinds);
    return link ? [link] : [];
  }
  const byNodes = new Map<string, { nodes: FieldNode[]; kinds: EntityKind[] }>();
  const kinds = new Set(group.groups.flatMap(({ parent }) => kindsOf(walk, parent)));
  for (const kind of [...kinds].sort()) {
    const nodes = group.groups
      .filter(({ parent }) => kindsOf(walk, parent).includes(kind))
      .flatMap((selected) => selected.nodes);
    const key = walk.keyOf(nodes);
    const shared = byNodes.get(key) ?? { nodes, kinds: [] as EntityKind[] };
    shared.kinds.push(kind as EntityKind);
    byNodes.set(key, shared);
  }
  return [...byNodes.values()].flatMap(({ nodes, kinds: on }) => {
    const link = linkOf(walk, group.field, first.definition, nodes, on);
    return link ? [link] : [];
  });
}

function linkOf(
  walk: SelectionWalk,
  field: string,
  definition: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  onKinds: readonly EntityKind[] | null,
): LinkExpansion | null {
  const reads = readsOf(definition);
  if (typeof reads !== 'object' || !('links' in reads)) return null;
  try {
    const args = getArgumentValues(definition, nodes[0] as FieldNode, walk.scope.variables);
    const plan = connectionPlanOf(walk, {
      sets: setsOf(nodes),
      type: getNamedType(definition.type),
    });
    return { field, spec: reads.links(args), window: windowOf(args, plan.asks), onKinds, ...plan };
  } catch {
    // Arguments the field itself will refuse, with a clear error, when it resolves.
    return null;
  }
}

/** The selection made on the field being resolved. */
const selectionHere = (info: GraphQLResolveInfo): Selection => ({
  sets: setsOf(info.fieldNodes),
  type: getNamedType(info.returnType),
});

/**
 * The plan of the connection being resolved: what to read with its entities, whether its edges
 * need the links' own properties, and whether its total is asked for.
 */
export const connectionPlan = (info: GraphQLResolveInfo): ConnectionPlan =>
  cachedPlan(info, 'connection', () => connectionPlanOf(walkOf(info), selectionHere(info)));

/** The plan of the entity being resolved: what to read with it. */
export const entityPlan = (info: GraphQLResolveInfo): Expansion =>
  cachedPlan(info, 'entity', () => expansionOf(walkOf(info), [selectionHere(info)]));

/** The field groups selected directly on the field being resolved. */
const selectedHere = (info: GraphQLResolveInfo, walk: SelectionWalk) =>
  fieldsOf(walk, selectionHere(info));

/** What a non-entity root field reads (its sub-fields' arguments and which it selects). */
export interface ShapePlan {
  /** The arguments of each selection of a field directly below (one per alias), by field name. */
  arguments: Map<string, Record<string, unknown>[]>;
  /** Entity properties under the named fields, or null when some field needs all of them. */
  propertiesUnder: (names: readonly string[]) => readonly string[] | null;
  /** Whether the objects under field `name` are asked for a field outside `plain`. */
  asksBeyond: (name: string, plain: ReadonlySet<string>) => boolean;
}

function shapeOf(info: GraphQLResolveInfo): ShapePlan {
  const walk = walkOf(info);
  const groups = selectedHere(info, walk);
  const args = new Map<string, Record<string, unknown>[]>();
  for (const { nodes, definition } of groups) {
    const found = args.get(definition.name) ?? [];
    try {
      found.push(getArgumentValues(definition, nodes[0] as FieldNode, walk.scope.variables));
    } catch {
      // Arguments the field itself will refuse, with a clear error, when it resolves.
    }
    args.set(definition.name, found);
  }
  return {
    arguments: args,
    propertiesUnder: (names) =>
      expansionOf(
        walk,
        groups
          .filter(({ definition }) => names.includes(definition.name))
          .map((group) => ({ sets: setsOf(group.nodes), type: typeOf(group) })),
      ).properties,
    asksBeyond: (name, plain) =>
      groups
        .filter(({ definition }) => definition.name === name)
        .some((group) => walk.below(group).some((inner) => !plain.has(inner.definition.name))),
  };
}

/**
 * The arguments of each selection of field `name` directly on the field being resolved (one per
 * alias), e.g. the days of `status(asOf:)`; empty when the client does not select it.
 */
export const argumentsOf = (info: GraphQLResolveInfo, name: string): Record<string, unknown>[] =>
  cachedPlan(info, 'arguments', () => ({ found: shapeOf(info).arguments })).found.get(name) ?? [];

/** True when the client selects `name` directly on the field being resolved (e.g. totalCount). */
export const selectsField = (info: GraphQLResolveInfo, name: string) =>
  argumentsOf(info, name).length > 0;

/** What a neighbourhood reads: the entities' properties, and whether edges need the links'. */
export const graphPlan = (
  info: GraphQLResolveInfo,
  entityFields: readonly string[],
  edgeField: string,
  plainEdgeFields: ReadonlySet<string>,
) =>
  cachedPlan(info, 'graph', () => {
    const shape = shapeOf(info);
    return {
      properties: shape.propertiesUnder(entityFields),
      linkProperties: shape.asksBeyond(edgeField, plainEdgeFields),
    };
  });

/** What an operation's root field reads: an entity's expansion, or a connection's plan. */
export type RootPlan = { entity: Expansion } | { connection: ConnectionPlan };

const isConnection = (type: GraphQLNamedType) =>
  isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();

/**
 * The plans of an operation's root fields by response name, from the parsed document: what the
 * resolvers of those fields compute, in one walk.
 */
export function planOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): Map<string, RootPlan> {
  const operation = getOperationAST(document, operationName);
  const query = schema.getQueryType();
  if (!operation || !query) throw new Error('no query operation to plan');
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
    ),
  );
  const walk = new SelectionWalk({ schema, fragment: (name) => fragments.get(name), variables });
  const plans = new Map<string, RootPlan>();
  for (const group of walk.fields([operation.selectionSet], query)) {
    const first = group.nodes[0] as FieldNode;
    const selection = { sets: setsOf(group.nodes), type: typeOf(group) };
    plans.set(
      first.alias?.value ?? first.name.value,
      isConnection(selection.type)
        ? { connection: connectionPlanOf(walk, selection) }
        : { entity: expansionOf(walk, [selection]) },
    );
  }
  return plans;
}
