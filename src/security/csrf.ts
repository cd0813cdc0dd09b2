import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** A header no HTML form can set; a browser sends it only after a CORS preflight. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

/**
 * Cross-site request forgery: a page on any site can make a browser POST a form here, with its
 * cookies and without asking (no CORS preflight). So a POST must be in a content type a form cannot
 * send (application/json, application/graphql) or carry CSRF_HEADER, as yoga's CSRF prevention
 * requires; then it is preflighted and CORS_ORIGINS decides. GET is exempt: it runs queries only
 * (mutations by GET get 405), which change nothing, and CORS decides who may read the answer.
 */
export function useCsrfPrevention(): Plugin {
  const check = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }).onRequestParse;
  return {
    onRequestParse(payload) {
      if (payload.request.method !== 'POST' || !check) return;
      try {
        return check(payload);
      } catch {
        const type = payload.request.headers.get('content-type');
        throw new GraphQLError(
          `A POST in a content type an HTML form can send (${type}) must carry the ${CSRF_HEADER} header, which a form cannot set; or send application/json.`,
          { extensions: { code: 'CSRF_PREVENTED', http: { status: 403 } } },
        );
      }
    },
  };
}
