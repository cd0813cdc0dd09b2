import {
  type DocumentNode,
  GraphQLError,
  getOperationAST,
  getVariableValues,
  type OperationDefinitionNode,
} from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { DEFAULT_PAGE_SIZE } from '../paging.ts';
import { isSelectionLimitError } from '../planner/selection-walk.ts';
import { type Cost, operationCost } from './cost.ts';
import type { CostBudget } from './cost-budget.ts';
import { limitError } from './errors.ts';
import { VariablesMemo } from './variables-memo.ts';

/** Costs already computed: a repeated operation (with the same page sizes) is not walked again. */
const costs = new VariablesMemo<Cost>(1000);

/** What every response of an operation that ran (or was refused for its cost) carries. */
export interface CostExtension {
  /** The operation's cost, as `costOf` counts it with the request's variables. */
  requested: number;
  /** The most an operation may cost (GRAPHQL_MAX_COST). */
  limit: number;
}

const REQUEST_ERROR = { http: { status: 400, spec: true } };

/** Variables that do not fit their declared types: the client's mistake, named as graphql-js does. */
const variableErrors = (errors: readonly GraphQLError[]) =>
  errors.map(
    (error) =>
      new GraphQLError(error.message, {
        nodes: error.nodes,
        extensions: { code: 'BAD_USER_INPUT', ...REQUEST_ERROR },
      }),
  );

function refusal(max: number, found: Cost): GraphQLError {
  const shrink = found.pages.length
    ? `ask for smaller pages of ${found.pages.join(', ')} (first/last; a page without them holds ` +
      `${DEFAULT_PAGE_SIZE} items) or for fewer nested lists`
    : 'ask for fewer nested lists';
  return limitError(
    `Query cost limit of ${max} exceeded, found ${found.cost}; ${found.part} of it comes from ` +
      `${found.path.join(' › ')} (the items each list may return in brackets): ${shrink}. A ` +
      'list costs 1, plus, for each item it may return, 1 and the cost of what the item selects.',
    'MAX_COST_EXCEEDED',
    { http: true },
  );
}

/** Each client's share of the cost admitted per second, and how a request's client is found. */
export interface CostBudgetOptions {
  budget: CostBudget;
  clientOf: (context: object) => string | undefined;
}

function overBudget(budget: CostBudget, cost: number, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(
    `Cost budget exceeded: this client's queries may cost about ${budget.perSecond} per second ` +
      `(shared with the other clients asking at the same time) and this one costs ${cost}; retry ` +
      `in ${retryAfterSeconds} s, or ask for less.`,
    {
      extensions: {
        code: 'COST_BUDGET_EXCEEDED',
        http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
      },
    },
  );
}

/**
 * Before any resolver runs: refuses variables that do not fit their types (BAD_USER_INPUT), then
 * an operation whose cost (see `costOf`) is above `max` (MAX_COST_EXCEEDED, naming the lists to
 * shrink). Every response of an operation it lets run, and every refusal for cost, carries
 * `extensions.cost: { requested, limit }`. It runs after validation because the cost depends on
 * the variables (`first: $n`). With a budget, an operation its client cannot afford now is
 * refused with 429 (COST_BUDGET_EXCEEDED) and a Retry-After.
 */
export function useCostLimit(max: number, budgeted?: CostBudgetOptions): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const document = args.document as DocumentNode;
      const operation = getOperationAST(
        document,
        args.operationName,
      ) as OperationDefinitionNode | null;
      if (!operation) return; // execution says which operation is missing
      const coerced = getVariableValues(
        args.schema,
        operation.variableDefinitions ?? [],
        (args.variableValues ?? {}) as Record<string, unknown>,
        { maxErrors: 20 },
      );
      if (coerced.errors) {
        setResultAndStopExecution({ errors: variableErrors(coerced.errors) });
        return;
      }
      let found: Cost;
      try {
        found = costs.get(document, args.operationName, coerced.coerced, (variables) =>
          operationCost(args.schema, document, operation, variables),
        );
      } catch (error) {
        if (!isSelectionLimitError(error)) throw error;
        setResultAndStopExecution({ errors: [error as GraphQLError] });
        return;
      }
      const cost: CostExtension = { requested: found.cost, limit: max };
      if (found.cost > max) {
        setResultAndStopExecution({ errors: [refusal(max, found)], extensions: { cost } });
        return;
      }
      const client = budgeted?.clientOf(args.contextValue as object);
      if (budgeted && client !== undefined) {
        const admission = budgeted.budget.take(client, found.cost);
        if (!admission.admitted) {
          const error = overBudget(budgeted.budget, found.cost, admission.retryAfterSeconds);
          setResultAndStopExecution({ errors: [error], extensions: { cost } });
          return;
        }
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) return;
          setResult({ ...result, extensions: { ...result.extensions, cost } });
        },
      };
    },
  };
}
