import type { CombinedError } from '@urql/preact';
import type { ComponentChildren } from 'preact';
import { Link } from 'wouter-preact';

/** Shown while a view waits for the API: never a blank page. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <div class="state loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {what}…
    </div>
  );
}

/** Codes of errors in what was asked (the address, a value typed): asking again gives the same. */
const INPUT_ERRORS = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED']);

/** True when every error of a result is in what was asked, not a failure a retry could mend. */
export function isInputError(error: CombinedError | Error): boolean {
  return (
    'graphQLErrors' in error &&
    error.graphQLErrors.length > 0 &&
    error.graphQLErrors.every((e) => INPUT_ERRORS.has(String(e.extensions?.code)))
  );
}

/**
 * An error the API or the network gave, with the message a reader can act on; a retry only for a
 * failure that may pass (the network, a timeout), never for a mistake in the address. The retry is
 * a query's `reexecute`, asked to go to the network (the cache holds no answer to an error).
 */
export function ErrorBox({
  error,
  retry,
}: {
  error: CombinedError | Error;
  retry?: (context: { requestPolicy: 'network-only' }) => void;
}) {
  if (isInputError(error)) return <InputError error={error as CombinedError} />;
  const messages =
    'graphQLErrors' in error && error.graphQLErrors.length > 0
      ? error.graphQLErrors.map((e) => e.message)
      : [
          'networkError' in error && error.networkError
            ? `The API could not be reached (${error.networkError.message}).`
            : error.message,
        ];
  return (
    <div class="state error" role="alert">
      <strong>Something went wrong.</strong>
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
      {retry && (
        <button type="button" onClick={() => retry({ requestPolicy: 'network-only' })}>
          Try again
        </button>
      )}
    </div>
  );
}

/** What was asked cannot be answered as it stands: the API's reason, and where to go instead. */
function InputError({ error }: { error: CombinedError }) {
  return (
    <div class="state error" role="alert">
      <strong>This address asks for something the graph cannot answer.</strong>
      {error.graphQLErrors.map((e) => (
        <p key={e.message}>{e.message}</p>
      ))}
      <p>
        Change the address, or <Link href="/">search the graph</Link>.
      </p>
    </div>
  );
}

/** A view with nothing to show says so, and where to go instead. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="state empty">{children}</div>;
}

export function NotFound() {
  return (
    <Empty>
      <h1>Page not found</h1>
      <p>
        Nothing lives at this address. <Link href="/">Search the graph</Link> instead.
      </p>
    </Empty>
  );
}

/** True when every error of a result is the API's NOT_FOUND: the thing asked for is not there. */
export function isNotFound(error: CombinedError | undefined): boolean {
  return (
    !!error &&
    error.graphQLErrors.length > 0 &&
    error.graphQLErrors.every((e) => e.extensions?.code === 'NOT_FOUND')
  );
}
