import { useClient } from '@urql/preact';
import { useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { ProblemList } from '../components/problem-list.tsx';
import type { ReviewedDraft, Submitted } from './draft-input.ts';
import { submitDraft } from './draft-submit.ts';
import { mayDo } from './session.ts';
import { useSession } from './use-session.ts';

/**
 * The draft page's "Submit", signed in: adds the reviewed document and its facts through the write
 * API (adding a document needs the editor role). Not signed in, there is only the download.
 */
export function DraftSubmit(props: { draft: ReviewedDraft; checksPass: boolean }) {
  const session = useSession();
  const client = useClient();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Submitted | null>(null);
  if (!session) return null;
  const editor = mayDo(session.viewer.role, 'editor');
  if (outcome?.slug && outcome.problems.length === 0)
    return (
      <p class="state" role="status" data-testid="draft-submitted">
        Submitted as revision {outcome.revision}:{' '}
        <Link href={`/document/${outcome.slug}`}>open the new document</Link>.
      </p>
    );
  return (
    <form
      class="curator-form draft-submit"
      aria-label="Submit through the write API"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy('Submitting…');
        setOutcome(
          await submitDraft(client, props.draft, reason, (done, of) =>
            setBusy(`Submitting: ${done} of ${of} written…`),
          ),
        );
        setBusy(null);
      }}
    >
      {!editor && (
        <p class="muted">
          Adding a document needs the editor role; you are a {session.viewer.role}.
        </p>
      )}
      <label>
        Reason for adding it
        <input
          value={reason}
          disabled={!editor}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </label>
      <button
        type="submit"
        disabled={!editor || !props.checksPass || busy !== null || reason.trim().length < 3}
      >
        Submit
      </button>
      {busy && <span role="status"> {busy}</span>}
      {outcome && outcome.problems.length > 0 && (
        <div class="state error" role="alert">
          {outcome.slug && (
            <p>
              Stopped after {outcome.written} write{outcome.written === 1 ? '' : 's'}:{' '}
              <Link href={`/document/${outcome.slug}`}>the document</Link> holds what was written.
            </p>
          )}
          <ProblemList problems={outcome.problems} />
        </div>
      )}
    </form>
  );
}
