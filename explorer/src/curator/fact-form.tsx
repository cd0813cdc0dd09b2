import { useClient, useQuery } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { EntityPicker, type PickedEntity } from '../components/entity-picker.tsx';
import { ProblemList } from '../components/problem-list.tsx';
import type { Problem } from '../lib/problem.ts';
import { AddLinkMutation, DocumentRevisionQuery, LinkTypesQuery } from '../queries/curator.ts';
import { linkEntry, type Passage, precisionOf } from './passage.ts';
import { writeErrorOf } from './write-errors.ts';

/** How long typing pauses before the dry run checks the fact again. */
const CHECK_DELAY_MS = 400;

/**
 * "Add fact from this passage": a link of the vocabulary between two entities found by search,
 * quoting the passage. A dry run checks it as it is typed; submitting writes it against the
 * document's revision as read here.
 */
export function FactForm(props: { document: string; passage: Passage; onClose: () => void }) {
  const client = useClient();
  const [types] = useQuery({ query: LinkTypesQuery });
  const [doc, reread] = useQuery({
    query: DocumentRevisionQuery,
    variables: { id: props.document },
    requestPolicy: 'network-only',
  });
  const [type, setType] = useState('');
  const [from, setFrom] = useState<PickedEntity | null>(null);
  const [to, setTo] = useState<PickedEntity | null>(null);
  const [role, setRole] = useState('');
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);
  const [made, setMade] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const chosen = types.data?.linkTypes.find((t) => t.type === type);
  const revision = doc.data?.document?.revision;
  const ready = chosen && from && to && revision != null && reason.trim().length >= 3;
  const input = ready
    ? {
        document: props.document,
        expectedRevision: revision,
        reason,
        link: linkEntry({
          type,
          from: from.slug,
          to: to.slug,
          quote: props.passage.quote,
          role,
          date,
        }),
      }
    : null;
  const inputKey = JSON.stringify(input);

  // The dry run follows the form once typing pauses; a later answer replaces an earlier one.
  useEffect(() => {
    setProblems(null);
    setFailure(null);
    if (!input || made !== null) return;
    let live = true;
    const timer = setTimeout(async () => {
      const result = await client
        .mutation(AddLinkMutation, { input: { ...input, dryRun: true } })
        .toPromise();
      if (!live) return;
      const error = writeErrorOf(result.error);
      if (error) setFailure(error);
      else setProblems(result.data?.addLink.problems ?? []);
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, inputKey, made]);

  const submit = async () => {
    if (!input) return;
    setBusy(true);
    const result = await client.mutation(AddLinkMutation, { input }).toPromise();
    setBusy(false);
    const error = writeErrorOf(result.error);
    if (error) return setFailure(error);
    const answer = result.data?.addLink;
    if (answer?.revision) setMade(answer.revision.number);
    else setProblems(answer?.problems ?? []);
  };

  const precision = date.trim() ? precisionOf(date.trim()) : null;
  return (
    <section class="curator-form" aria-label="Add a fact from this passage">
      <h2>Add a fact from this passage</h2>
      <blockquote class="passage" data-testid="passage">
        {props.passage.quote}
      </blockquote>
      {made !== null ? (
        <div class="state" role="status">
          <p>
            Added as revision {made}: <Link href={`/entity/${from?.slug}`}>{from?.name}</Link> →{' '}
            <Link href={`/entity/${to?.slug}`}>{to?.name}</Link>.
          </p>
          <button type="button" onClick={props.onClose}>
            Close
          </button>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label>
            Link type
            <select value={type} onChange={(e) => setType(e.currentTarget.value)}>
              <option value="">Choose…</option>
              {types.data?.linkTypes.map((t) => (
                <option key={t.type} value={t.type} title={t.description}>
                  {t.type}
                </option>
              ))}
            </select>
          </label>
          {chosen && <p class="muted">{chosen.description}</p>}
          <EntityPicker
            id="fact-from"
            label={`From${from ? `: ${from.name}` : ''}`}
            value={from?.slug}
            kinds={chosen?.fromKinds}
            onPick={setFrom}
          />
          <EntityPicker
            id="fact-to"
            label={`To${to ? `: ${to.name}` : ''}`}
            value={to?.slug}
            kinds={chosen?.toKinds}
            onPick={setTo}
          />
          <label>
            Role (optional)
            <input value={role} onInput={(e) => setRole(e.currentTarget.value)} />
          </label>
          <label>
            Date (optional: 2018, 2018-09 or 2018-09-17)
            <input value={date} onInput={(e) => setDate(e.currentTarget.value)} />
          </label>
          {date.trim() && (
            <p class="muted">{precision ? `Precision: ${precision}` : 'Not a date as written'}</p>
          )}
          <label>
            Reason (required)
            <input required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <div class="curator-checks" role="status" aria-live="polite" data-testid="fact-checks">
            {!input ? (
              'Choose a type, both ends and a reason; the checks run as you type.'
            ) : failure ? null : problems === null ? (
              'Checking…'
            ) : problems.length === 0 ? (
              <p class="checks-pass">The checks pass.</p>
            ) : (
              <ProblemList problems={problems} />
            )}
          </div>
          {failure && (
            <div class="state error" role="alert">
              <p>{failure.message}</p>
              {failure.code === 'CONFLICT' && (
                <button type="button" onClick={() => reread({ requestPolicy: 'network-only' })}>
                  Reload the document’s revision
                </button>
              )}
            </div>
          )}
          <button type="submit" disabled={busy || !input || (problems?.length ?? 0) > 0}>
            Add the fact
          </button>{' '}
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </form>
      )}
    </section>
  );
}
