import type { Plugin } from 'graphql-yoga';
import { limitError } from './errors.ts';

/** Refuses a query text longer than `max` characters, before it is parsed. */
export function useMaxCharacters(max: number): Plugin {
  return {
    onParams({ params }) {
      const length = typeof params.query === 'string' ? params.query.length : 0;
      if (length > max) {
        throw limitError(
          `Query length limit of ${max} characters exceeded, found ${length}.`,
          'MAX_CHARACTERS_EXCEEDED',
          { http: true },
        );
      }
    },
  };
}
