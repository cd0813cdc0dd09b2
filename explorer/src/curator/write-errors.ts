import type { CombinedError } from '@urql/preact';

/** A write's error: its code (CONFLICT, FORBIDDEN, UNAUTHENTICATED, …) and the server's words. */
export interface WriteError {
  code: string;
  message: string;
}

/** A write's error as its code and the server's words (CONFLICT, FORBIDDEN, UNAUTHENTICATED, …). */
export function writeErrorOf(error: CombinedError | undefined): WriteError | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  if (first) {
    const code = String(first.extensions?.code ?? 'ERROR');
    const label = code === 'FORBIDDEN' ? 'Not allowed for your role: ' : '';
    return { code, message: `${label}${first.message}` };
  }
  return { code: 'NETWORK', message: error.message };
}
