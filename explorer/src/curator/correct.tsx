import { useClient, useQuery } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import type { LinkType } from '../gql/graphql.ts';
import {
  CorrectEntityMutation,
  CorrectLinkMutation,
  EntitySourceEntryQuery,
  LinkSourceEntryQuery,
  LinkTypesQuery,
} from '../queries/curator.ts';
import {
  DocumentChoice,
  type Fact,
  FactActionButton,
  type FactActionProps,
} from './citing-documents.tsx';
import { DateField } from './date-field.tsx';
import {
  type Entry,
  editedEntry,
  entityFieldsOf,
  linkFieldsOf,
  linkRefOf,
  pickLinkEntry,
  sameEntry,
} from './entry-edit.ts';
import { LinkTypeSelect } from './link-type-select.tsx';
import { useDryRun } from './use-dry-run.ts';
import { useSession } from './use-session.ts';
import { WriteChecks } from './write-checks.tsx';
import { writeErrorOf } from './write-errors.ts';

const LABELS: Record<string, string> = {
  name: 'Name',
  role: 'Role',
  date: 'Date',
  validFrom: 'Valid from',
  validTo: 'Valid to',
  signed: 'Signed',
  inForce: 'In force',
  proposed: 'Proposed',
  start: 'Start',
  end: 'End',
  period: 'Period',
};
const TEXT_FIELDS = new Set(['type', 'name', 'role']);

/**
 * "Correct…", signed in: the entry one citing document has for the fact, in a form prefilled from
 * `sourceEntry`; the curator changes what is wrong (every other field of the entry kept as it is),
 * says why, sees the checks live, and writes it against the revision the entry was read at.
 */
export function Correct(props: FactActionProps) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  if (!session || props.documents.length === 0) return null;
  if (!open)
    return <FactActionButton verb="Correct" label={props.label} onClick={() => setOpen(true)} />;
  return <CorrectForm {...props} onClose={() => setOpen(false)} />;
}

/** A correction, as the write API takes it. */
type Write =
  | { kind: 'link'; input: Record<string, unknown> & CorrectBase }
  | { kind: 'entity'; input: Record<string, unknown> & CorrectBase };
type CorrectBase = { document: string; expectedRevision: number; reason: string };

function CorrectForm(props: FactActionProps & { onClose: () => void }) {
  const client = useClient();
  const [types] = useQuery({ query: LinkTypesQuery, pause: !('link' in props.fact) });
  const [document, setDocument] = useState(props.documents[0]?.slug ?? '');
  const read = useSourceEntry(props.fact, document);
  const entryKey = JSON.stringify(read.entry);
  const [fields, setFields] = useState<Record<string, string> | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  // A newly read entry (another document, or a reload after CONFLICT) fills the form again.
  useEffect(() => {
    const entry = read.entry;
    setFields(entry ? ('link' in props.fact ? linkFieldsOf(entry) : entityFieldsOf(entry)) : null);
  }, [entryKey]);

  const entry = read.entry;
  const replacement = entry && fields ? editedEntry(entry, fields) : null;
  const changed = entry !== null && replacement !== null && !sameEntry(entry, replacement);
  const write: Write | null =
    changed && read.revision != null && reason.trim().length >= 3
      ? 'link' in props.fact
        ? {
            kind: 'link',
            input: {
              document,
              expectedRevision: read.revision,
              reason,
              link: linkRefOf(entry),
              replacement,
            },
          }
        : {
            kind: 'entity',
            input: {
              document,
              expectedRevision: read.revision,
              reason,
              slug: props.fact.entity,
              entity: replacement,
            },
          }
      : null;

  const send = async (w: Write, dryRun: boolean) => {
    if (w.kind === 'link') {
      const result = await client
        .mutation(CorrectLinkMutation, { input: { ...w.input, dryRun } as never })
        .toPromise();
      return { error: result.error, outcome: result.data?.correctLink };
    }
    const result = await client
      .mutation(CorrectEntityMutation, { input: { ...w.input, dryRun } as never })
      .toPromise();
    return { error: result.error, outcome: result.data?.correctEntity };
  };
  const { problems, failure, setProblems, setFailure } = useDryRun(write, async (w) => {
    const answer = await send(w, true);
    return { error: answer.error, problems: answer.outcome?.problems };
  });

  const submit = async () => {
    if (!write) return;
    setBusy(true);
    const answer = await send(write, false);
    setBusy(false);
    const error = writeErrorOf(answer.error);
    if (error) return setFailure(error);
    if (answer.outcome?.revision) {
      props.onClose();
      props.onDone();
    } else setProblems(answer.outcome?.problems ?? []);
  };

  const set = (name: string) => (value: string) => setFields({ ...fields, [name]: value });
  return (
    <form
      class="curator-form correct-form"
      aria-label={`Correct ${props.label}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <DocumentChoice documents={props.documents} value={document} onChange={setDocument} />
      {read.error ? (
        <p class="state error" role="alert">
          {read.error}
        </p>
      ) : !fields ? (
        <p class="muted">{read.fetching ? 'Reading the document’s entry…' : 'Not stated here.'}</p>
      ) : (
        Object.entries(fields).map(([name, value]) =>
          name === 'type' ? (
            <LinkTypeSelect
              key={name}
              types={types.data?.linkTypes}
              value={value}
              onChange={set(name)}
            />
          ) : TEXT_FIELDS.has(name) ? (
            <label key={name}>
              {LABELS[name] ?? name}
              <input value={value} onInput={(e) => set(name)(e.currentTarget.value)} />
            </label>
          ) : (
            <DateField
              key={name}
              label={`${LABELS[name] ?? name} (2018, 2018-09 or 2018-09-17)`}
              value={value}
              onInput={set(name)}
            />
          ),
        )
      )}
      <label>
        Reason for correcting (required)
        <input required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <WriteChecks
        ready={write !== null}
        waiting="Change a field and give a reason; the checks run as you type."
        problems={problems}
        failure={failure}
        onReload={read.reload}
        testId="correct-checks"
      />
      <button type="submit" disabled={busy || !write || (problems?.length ?? 0) > 0}>
        Correct
      </button>{' '}
      <button type="button" onClick={props.onClose}>
        Cancel
      </button>
    </form>
  );
}

/** The entry one document has for the fact, and the document's revision read with it. */
function useSourceEntry(fact: Fact, document: string) {
  const link = 'link' in fact ? fact.link : null;
  const [entityRead, rereadEntity] = useQuery({
    query: EntitySourceEntryQuery,
    variables: { slug: 'entity' in fact ? fact.entity : '', document, documentId: document },
    pause: link !== null,
    requestPolicy: 'network-only',
  });
  const [linkRead, rereadLink] = useQuery({
    query: LinkSourceEntryQuery,
    variables: {
      document,
      documentId: document,
      from: link?.from ?? '',
      types: link ? [link.type as LinkType] : [],
    },
    pause: link === null,
    requestPolicy: 'network-only',
  });
  const result = link ? linkRead : entityRead;
  const entry: Entry | null = link
    ? pickLinkEntry(
        (linkRead.data?.document?.links.nodes ?? []).map((node) => node.sourceEntry),
        link,
      )
    : ((entityRead.data?.entity?.sourceEntry as Entry | null | undefined) ?? null);
  return {
    entry,
    revision: result.data?.document?.revision ?? null,
    fetching: result.fetching,
    error: result.error?.message ?? null,
    reload: () => (link ? rereadLink : rereadEntity)({ requestPolicy: 'network-only' }),
  };
}
