import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  getArgumentValues,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../paging.ts';
import {
  type FieldGroup,
  isConnectionWrapper,
  SelectionWalk,
  typeOf,
} from '../planner/selection-walk.ts';

type Args = Record<string, unknown>;

declare module 'graphql' {
  interface GraphQLFieldExtensions<_TSource, _TContext, _TArgs> {
    /** The most items a list field can return, whatever its parent's `limit` (e.g. a neighbourhood's links). */
    maxItems?: number;
    /**
     * What one value of a field adds to the cost, beyond what it selects: a long text's bytes, the
     * work of drafting a document (other fields cost only their items).
     */
    cost?: number;
  }
}

/** What a selection may cost, and the path that costs the most, list by list. */
export interface Cost {
  cost: number;
  /**
   * The most costly path, e.g. `["countries (100)", "treaties (20)"]`: each field, a list with
   * the items it may return.
   */
  path: readonly string[];
  /** What the first field of `path` costs, with all it selects. */
  part: number;
  /** The lists on `path` a client can page (`first`/`last`), by response name. */
  pages: readonly string[];
}

const FREE: Cost = { cost: 0, path: [], part: 0, pages: [] };

const isPageSize = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_PAGE_SIZE;

/** Items one page may hold: `first`/`last` (the smaller if both), else the default page size. */
function pageSize(args: Args): number {
  const given = [args.first, args.last].filter((v) => v !== undefined && v !== null);
  if (given.length === 0) return DEFAULT_PAGE_SIZE;
  // An invalid size is refused by the field itself, with a message naming the page size limit.
  if (!given.every(isPageSize)) return 1;
  return Math.min(...(given as number[]));
}

/** How many items a list or connection field may return for each parent; null for one object. */
const isPaged = (definition: GraphQLField<unknown, unknown>) =>
  definition.args.some((arg) => arg.name === 'first' || arg.name === 'last');

function itemsOf(
  definition: GraphQLField<unknown, unknown>,
  args: Args,
  inherited: number | undefined,
): number | null {
  if (isPaged(definition)) return pageSize(args);
  if (!isListType(getNullableType(definition.type))) return null;
  if (Array.isArray(args.ids)) return args.ids.length;
  if (definition.extensions.maxItems !== undefined) return definition.extensions.maxItems;
  return inherited ?? DEFAULT_PAGE_SIZE;
}

function argsOf(group: FieldGroup, variables: Args): Args {
  try {
    return getArgumentValues(group.definition, group.nodes[0] as never, variables);
  } catch {
    return {}; // execution reports the bad argument
  }
}

/**
 * The cost of selection sets on `parent`: what the server may fetch and the response may carry.
 * A field returning a list or a connection costs 1 (fetching it), plus, for each item it may
 * return, 1 (the item) and the cost of what the item selects. A connection's items are its page
 * size (`first`/`last`, default 20), `nodes(ids:)`'s the number of ids, a list declaring `maxItems`
 * (a neighbourhood's links) that many, another list's the `limit` of the field holding it
 * (`neighborhood`), else 20. A field returning one object costs what it selects; a leaf declaring
 * a `cost` extension (a document's text) that much; other leaves, introspection and a connection's `edges`, `nodes`, `node` and `pageInfo` cost
 * nothing themselves. So `countries(first: 10) { edges { node { treaties(first: 10) { totalCount }
 * } } }` costs 1 + 10 × (1 + (1 + 10 × (1 + 0))) = 121. Memoised on the walk.
 */
export function costOf(
  walk: SelectionWalk,
  sets: readonly SelectionSetNode[],
  parent: GraphQLCompositeType,
  variables: Args,
  inherited?: number,
): Cost {
  const key = `cost:${parent.name}:${walk.keyOf(sets)}:${inherited ?? ''}`;
  return walk.remember(key, FREE, () => {
    let total = 0;
    let heaviest = FREE;
    for (const group of walk.fields(sets, parent)) {
      const cost = groupCost(walk, group, variables, inherited);
      total += cost.cost;
      if (cost.cost > heaviest.cost) heaviest = cost;
    }
    return { ...heaviest, cost: total, part: heaviest.cost };
  });
}

function groupCost(
  walk: SelectionWalk,
  group: FieldGroup,
  variables: Args,
  inherited: number | undefined,
): Cost {
  const type = typeOf(group);
  const sets = group.nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  if (!isCompositeType(type) || sets.length === 0) {
    const own = group.definition.extensions.cost ?? 0;
    if (own === 0) return FREE;
    return {
      cost: own,
      path: [group.nodes[0]?.alias?.value ?? group.definition.name],
      part: own,
      pages: [],
    };
  }
  if (isConnectionWrapper(group.parent, group.definition.name)) {
    return costOf(walk, sets, type, variables);
  }
  const args = argsOf(group, variables);
  const limit = typeof args.limit === 'number' && args.limit > 0 ? args.limit : undefined;
  const items = itemsOf(group.definition, args, inherited);
  const below = costOf(walk, sets, type, variables, limit);
  const name = group.nodes[0]?.alias?.value ?? group.definition.name;
  const own = group.definition.extensions.cost ?? 0;
  if (items === null) {
    const cost = own + below.cost;
    return { ...below, cost, path: [name, ...below.path], part: cost };
  }
  const cost = 1 + own + items * (1 + below.cost);
  const pages = isPaged(group.definition) ? [name, ...below.pages] : below.pages;
  return { cost, path: [`${name} (${items})`, ...below.path], part: cost, pages };
}

/** The cost of an operation with its (coerced) variables. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Args,
): Cost {
  const root = schema.getRootType(operation.operation);
  if (!root) return FREE;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const walk = new SelectionWalk({ schema, fragment: (name) => fragments.get(name), variables });
  return costOf(walk, [operation.selectionSet], root, variables);
}
