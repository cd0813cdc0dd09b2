import { useClient } from '@urql/preact';
import { useState } from 'preact/hooks';
import { ProblemList } from '../components/problem-list.tsx';
import type { Problem } from '../lib/problem.ts';
import {
  DocumentRevisionQuery,
  RetractEntityMutation,
  RetractLinkMutation,
} from '../queries/curator.ts';
import { DocumentChoice, FactActionButton, type FactActionProps } from './citing-documents.tsx';
import { useSession } from './use-session.ts';
import { writeErrorOf } from './write-errors.ts';

/**
 * "Retract…", signed in: withdraws what one citing document states of the fact, with a reason,
 * against the document's revision read at that moment; then `onDone` shows the new state.
 */
export function Retract(props: FactActionProps) {
  const session = useSession();
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [document, setDocument] = useState(props.documents[0]?.slug ?? '');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!session || props.documents.length === 0) return null;
  if (!open)
    return <FactActionButton verb="Retract" label={props.label} onClick={() => setOpen(true)} />;
  const submit = async () => {
    setBusy(true);
    setFailure(null);
    setProblems([]);
    const read = await client
      .query(DocumentRevisionQuery, { id: document }, { requestPolicy: 'network-only' })
      .toPromise();
    const expectedRevision = read.data?.document?.revision;
    if (expectedRevision == null) {
      setBusy(false);
      return setFailure(
        read.error?.message ?? `document "${document}" has no revision to write against`,
      );
    }
    const base = { document, expectedRevision, reason };
    const result =
      'entity' in props.fact
        ? await client
            .mutation(RetractEntityMutation, { input: { ...base, slug: props.fact.entity } })
            .toPromise()
        : await client
            .mutation(RetractLinkMutation, { input: { ...base, link: props.fact.link } })
            .toPromise();
    setBusy(false);
    const error = writeErrorOf(result.error);
    if (error) return setFailure(error.message);
    const data = result.data as { retractLink?: Outcome; retractEntity?: Outcome } | undefined;
    const outcome = data?.retractLink ?? data?.retractEntity;
    if (outcome?.revision) {
      setOpen(false);
      props.onDone();
    } else if (outcome) setProblems(outcome.problems);
    else setFailure('No answer came back; try again.');
  };
  return (
    <form
      class="curator-form retract-form"
      aria-label={`Retract ${props.label}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <DocumentChoice documents={props.documents} value={document} onChange={setDocument} />
      <label>
        Reason for retracting
        <input required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={busy || reason.trim().length < 3}>
        Retract
      </button>{' '}
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {problems.length > 0 && (
        <div class="state error" role="alert">
          <ProblemList problems={problems} />
        </div>
      )}
      {failure && (
        <p class="state error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}

interface Outcome {
  revision: { number: number } | null;
  problems: Problem[];
}
