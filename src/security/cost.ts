import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isCompositeType,
  isListType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schema/pagination.ts';
import { limitError } from './errors.ts';
import {
  type DocumentScope,
  isConnectionWrapper,
  type SelectedField,
  selectedFields,
} from './selections.ts';

type Args = Record<string, unknown>;

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
function itemsOf(
  definition: GraphQLField<unknown, unknown>,
  args: Args,
  inherited: number | undefined,
): number | null {
  if (definition.args.some((arg) => arg.name === 'first' || arg.name === 'last')) {
    return pageSize(args);
  }
  if (!isListType(getNullableType(definition.type))) return null;
  if (Array.isArray(args.ids)) return args.ids.length;
  return inherited ?? DEFAULT_PAGE_SIZE;
}

function argsOf(field: SelectedField, variables: Args): Args {
  try {
    return getArgumentValues(field.definition, field.node, variables);
  } catch {
    return {}; // execution reports the bad argument
  }
}

/**
 * The cost of a selection set: the number of lists the server may have to fetch for it. Each field
 * returning a list or a connection costs 1, plus, for each item it may return, the cost of what it
 * selects. A connection's items are its page size (`first`/`last`, default 20), `nodes(ids:)`'s the
 * number of ids, another list's the `limit` argument of the field holding it (`neighborhood`), else
 * 20. A field returning one object costs what it selects; leaves, introspection and a connection's
 * `edges`, `node` and `pageInfo` cost nothing. So `countries(first: 10) { edges { node {
 * treaties(first: 10) { … } } } }` costs 1 + 10 × (1 + 10 × (cost of a treaty's selections)).
 */
export function costOf(
  scope: DocumentScope,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  variables: Args,
  inherited?: number,
  fragments?: ReadonlySet<string>,
): number {
  let total = 0;
  for (const field of selectedFields(scope, selectionSet, parent, fragments)) {
    const type = getNamedType(field.definition.type);
    const selection = field.node.selectionSet;
    if (!isCompositeType(type) || !selection) continue;
    const below = (items?: number) =>
      costOf(scope, selection, type, variables, items, field.fragments);
    if (isConnectionWrapper(field.parent, field.node.name.value)) {
      total += below();
      continue;
    }
    const args = argsOf(field, variables);
    const limit = typeof args.limit === 'number' && args.limit > 0 ? args.limit : undefined;
    const items = itemsOf(field.definition, args, inherited);
    total += items === null ? below(limit) : 1 + items * below(limit);
  }
  return total;
}

/** The cost of the operation a request runs, with its variables; null when it cannot run. */
export function operationCost(
  scope: Omit<DocumentScope, 'fragment'>,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Args | null | undefined,
): number | null {
  const operation = getOperationAST(document, operationName);
  const root = operation && scope.schema.getRootType(operation.operation);
  if (!operation || !root) return null;
  const coerced = getVariableValues(
    scope.schema,
    operation.variableDefinitions ?? [],
    variables ?? {},
  );
  if (coerced.errors) return null; // execution reports them
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const full: DocumentScope = { ...scope, fragment: (name) => fragments.get(name) };
  return costOf(full, operation.selectionSet, root, coerced.coerced);
}

/**
 * Refuses, before any resolver runs, an operation whose cost (see `costOf`) is above `max`.
 * It runs after validation because the cost depends on the variables (`first: $n`).
 */
export function useMaxCost(max: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(
        { schema: args.schema },
        args.document,
        args.operationName,
        args.variableValues as Args | null | undefined,
      );
      if (cost !== null && cost > max) {
        setResultAndStopExecution({
          errors: [
            limitError(
              `Query cost limit of ${max} exceeded, found ${cost}: a list costs its page size ` +
                `(first/last, default ${DEFAULT_PAGE_SIZE}) times the cost of what it selects; ` +
                'ask for smaller pages or fewer nested lists.',
              'MAX_COST_EXCEEDED',
              { http: true },
            ),
          ],
        });
      }
    },
  };
}
