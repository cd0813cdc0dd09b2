import type { Plugin } from 'graphql-yoga';

/**
 * Answers GET /ready with 200 when `check` resolves true, else 503. yoga's `useReadinessCheck`
 * does the same but also tests every request's URL against a URLPattern, which Node 20 lacks:
 * its polyfill cost about 1 % of the CPU of every GraphQL request. An exact path is all this
 * endpoint needs.
 */
export function useReadiness(endpoint: string, check: () => Promise<boolean>): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== endpoint) return;
      return check().then(
        (ready) => endResponse(new fetchAPI.Response(null, { status: ready ? 200 : 503 })),
        () => endResponse(new fetchAPI.Response(null, { status: 503 })),
      );
    },
  };
}
