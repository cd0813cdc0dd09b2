import { type ASTNode, GraphQLError } from 'graphql';

/**
 * A request refused for exceeding a limit: `code` names the limit for clients, the message its
 * value. Outside validation (where yoga adds it) `http` gives the status: 400 with the
 * application/graphql-response+json media type, 200 with application/json, as for any request error.
 */
export function limitError(
  message: string,
  code: string,
  options: { nodes?: ASTNode | readonly ASTNode[]; http?: boolean } = {},
): GraphQLError {
  return new GraphQLError(message, {
    nodes: options.nodes,
    extensions: {
      code,
      ...(options.http ? { http: { status: 400, spec: true } } : {}),
    },
  });
}
