import './curator.css';
import { useState } from 'preact/hooks';
import { requestHeaders, setSession, type Viewer } from './session.ts';
import { useSession } from './use-session.ts';

/** Asks the server who `key` names; throws the server's own words when it refuses the key. */
async function viewerOf(key: string): Promise<Viewer> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...requestHeaders(key) },
    body: JSON.stringify({ query: '{ viewer { name role } }' }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    data?: { viewer: Viewer | null };
    errors?: { message: string }[];
  };
  const viewer = body.data?.viewer;
  if (viewer) return viewer;
  throw new Error(body.errors?.[0]?.message ?? `the server answered ${response.status}`);
}

/**
 * The top bar's "Sign in": paste an API key, see who it names and their role, sign out. The key
 * stays in this tab's sessionStorage.
 */
export function SignIn() {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (session) {
    return (
      <div class="sign-in" data-testid="signed-in">
        <span>
          {session.viewer.name} <span class="role-badge">{session.viewer.role}</span>
        </span>{' '}
        <button type="button" onClick={() => setSession(null)}>
          Sign out
        </button>
      </div>
    );
  }
  if (!open) {
    return (
      <div class="sign-in">
        <button type="button" onClick={() => setOpen(true)}>
          Sign in
        </button>
      </div>
    );
  }
  return (
    <form
      class="sign-in sign-in-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          const trimmed = key.trim();
          setSession({ key: trimmed, viewer: await viewerOf(trimmed) });
          setKey('');
          setOpen(false);
        } catch (refused) {
          setError((refused as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <label>
        API key
        <input
          type="password"
          autoComplete="off"
          placeholder="rgk_…"
          value={key}
          onInput={(e) => setKey(e.currentTarget.value)}
        />
      </label>
      <button type="submit" disabled={busy || key.trim() === ''}>
        Sign in
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error && (
        <p class="state error" role="alert">
          The key was refused: {error}
        </p>
      )}
    </form>
  );
}
