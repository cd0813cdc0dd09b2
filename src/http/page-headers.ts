import { createHash } from 'node:crypto';

/** What every HTML page of this server may load: itself only, and nothing may frame it. */
const COMMON_DIRECTIVES = [
  "default-src 'self'",
  // Preact, cytoscape and GraphiQL's editor set inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // GraphiQL's editor (monaco) runs its language services in workers made from blob: URLs.
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** The headers of an HTML page whose scripts are `scriptSources` (CSP source expressions). */
function pageHeaders(scriptSources: readonly string[]): Record<string, string> {
  return {
    'content-security-policy': [...COMMON_DIRECTIVES, `script-src ${scriptSources.join(' ')}`].join(
      '; ',
    ),
    'x-content-type-options': 'nosniff',
    // For browsers without CSP's frame-ancestors.
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
}

/** Headers of the explorer's files: its scripts are files of this server, none inline. */
export const EXPLORER_HEADERS = pageHeaders(["'self'"]);

const INLINE_SCRIPT = /<script(?:\s[^>]*)?>([\s\S]*?)<\/script>/g;

/**
 * Headers of the GraphiQL page: its scripts are inlined (no CDN), so the policy allows exactly
 * those, by hash, and no other inline script; the page never changes while the server runs, so
 * browsers keep it a day and revalidate it by ETag after that (304, not 9 MB again).
 */
export function graphiqlHeaders(page: string): Record<string, string> {
  const hashes = [...page.matchAll(INLINE_SCRIPT)]
    .filter(([tag]) => !/^<script[^>]*\ssrc=/.test(tag))
    .map(
      ([, body]) =>
        `'sha256-${createHash('sha256')
          .update(body ?? '')
          .digest('base64')}'`,
    );
  return {
    ...pageHeaders(["'self'", ...hashes]),
    'cache-control': 'public, max-age=86400',
    etag: `"${createHash('sha256').update(page).digest('base64url').slice(0, 27)}"`,
  };
}
