import { useClient, useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { EntityPicker, type PickedEntity } from '../components/entity-picker.tsx';
import { AddLinkMutation, DocumentRevisionQuery, LinkTypesQuery } from '../queries/curator.ts';
import { DateField } from './date-field.tsx';
import { LinkTypeSelect } from './link-type-select.tsx';
import { linkEntry, type Passage } from './passage.ts';
import { useDryRun } from './use-dry-run.ts';
import { WriteChecks } from './write-checks.tsx';
import { writeErrorOf } from './write-errors.ts';

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
  const { problems, failure, setProblems, setFailure } = useDryRun(
    input,
    async (checked) => {
      const result = await client
        .mutation(AddLinkMutation, { input: { ...checked, dryRun: true } })
        .toPromise();
      return { error: result.error, problems: result.data?.addLink.problems };
    },
    made === null,
  );

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
          <LinkTypeSelect types={types.data?.linkTypes} value={type} onChange={setType} />
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
          <DateField
            label="Date (optional: 2018, 2018-09 or 2018-09-17)"
            value={date}
            onInput={setDate}
          />
          <label>
            Reason (required)
            <input required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <WriteChecks
            ready={input !== null}
            waiting="Choose a type, both ends and a reason; the checks run as you type."
            problems={problems}
            failure={failure}
            onReload={() => reread({ requestPolicy: 'network-only' })}
            testId="fact-checks"
          />
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
