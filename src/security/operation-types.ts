import { GraphQLError, type OperationDefinitionNode, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Refuses, as a validation error, an operation of a type the schema has no root for (a mutation or
 * a subscription, as this API answers queries only): graphql-js would only fail it at execution,
 * with "Schema is not configured to execute … operation." and no code.
 */
export function useSupportedOperationTypes(): Plugin {
  const rule = (context: ValidationContext) => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      if (context.getSchema().getRootType(operation.operation)) return;
      context.reportError(
        new GraphQLError(`This API has no ${operation.operation} operations: send a query.`, {
          nodes: operation,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      );
    },
  });
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}
