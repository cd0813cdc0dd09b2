import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { limitError } from './errors.ts';

export interface ArmorLimits {
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Replace "Did you mean …?" in validation errors (production). */
  blockFieldSuggestions: boolean;
}

/**
 * armor prefixes every refusal with "Syntax Error: ", though only the token limit is met while
 * parsing; the rest of its message names the limit and what was found, e.g. "Aliases limit of 15
 * exceeded, found 16.", and is kept.
 */
const messageOf = (error: GraphQLError) => error.message.replace(/^Syntax Error: /, '');

/** Reports a refusal among the validation errors (HTTP 400), with a code naming the limit. */
const report =
  (code: string) =>
  (context: ValidationContext | null, error: GraphQLError): void => {
    context?.reportError(limitError(messageOf(error), code));
  };

/**
 * graphql-armor's protections: aliases and directives per operation (validation rules), tokens per
 * document (counted while parsing, so a huge document is not parsed in full), and in production
 * field suggestions hidden. Its depth and cost limits are off: `depth.ts` and `cost.ts` count
 * through Relay connections instead.
 */
export function useArmor(limits: ArmorLimits): Plugin {
  return EnvelopArmorPlugin({
    maxAliases: {
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [report('MAX_ALIASES_EXCEEDED')],
    },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [report('MAX_DIRECTIVES_EXCEEDED')],
    },
    maxTokens: {
      n: limits.maxTokens,
      propagateOnRejection: false,
      onReject: [
        (_context, error) => {
          // Thrown from the parser: yoga answers it as a parse error (HTTP 400).
          throw limitError(messageOf(error), 'MAX_TOKENS_EXCEEDED', { http: true });
        },
      ],
    },
    blockFieldSuggestion: { enabled: limits.blockFieldSuggestions, mask: '' },
    costLimit: { enabled: false },
    maxDepth: { enabled: false },
  }) as Plugin;
}
