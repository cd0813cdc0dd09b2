import { useClient } from '@urql/preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DraftProposal } from '../components/draft-proposal.tsx';
import { useTitle } from '../components/hooks.ts';
import { ProblemList } from '../components/problem-list.tsx';
import { ErrorBox, Loading } from '../components/states.tsx';
import { DraftSubmit } from '../curator/draft-submit.tsx';
import {
  accept,
  choose,
  type Item,
  quotesOf,
  readDraft,
  segments,
  setField,
  toggleDrop,
  writeDraft,
} from '../lib/draft-file.ts';
import { findQuote } from '../lib/highlight.ts';
import type { Problem } from '../lib/problem.ts';
import { CheckSourceFileQuery, DraftQuery } from '../queries/draft.ts';

/** How long typing pauses before the checks run again. */
const CHECK_DELAY_MS = 300;

/** A file to download, as a link's address. */
function useDownload(content: string, type: string): string {
  const url = useMemo(() => URL.createObjectURL(new Blob([content], { type })), [content, type]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}

/**
 * A new document's text drafted into a source file: the proposals beside the text, each one's
 * quote marked in it, to accept, edit or drop; the checks run as the curator edits, and the file
 * is downloaded when they pass.
 */
export function DraftView() {
  useTitle('Draft a source file');
  const client = useClient();
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [drafted, setDrafted] = useState<{ id: string; text: string } | null>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const yaml = useMemo(() => (drafted ? writeDraft(items) : ''), [drafted, items]);
  const current = useRef<HTMLElement>(null);

  const propose = async () => {
    setBusy(true);
    setError(null);
    const result = await client
      .query(DraftQuery, { text, title: title || null }, { requestPolicy: 'network-only' })
      .toPromise();
    setBusy(false);
    if (result.error || !result.data) {
      setError(result.error ?? new Error('No draft came back.'));
      return;
    }
    const { draft } = result.data;
    setDrafted({ id: draft.id, text });
    setItems(readDraft(draft.yaml, draft.decisions));
    setSelected(null);
    setProblems(null);
  };

  // The checks follow the file as it is edited, once typing pauses; a later answer replaces an earlier one.
  useEffect(() => {
    if (!drafted) return;
    let live = true;
    const timer = setTimeout(async () => {
      const result = await client
        .query(
          CheckSourceFileQuery,
          { yaml, text: drafted.text },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      if (!live) return;
      if (result.error) setError(result.error);
      else setProblems(result.data?.checkSourceFile ?? []);
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, drafted, yaml]);

  useEffect(() => current.current?.scrollIntoView?.({ block: 'center' }), [selected]);

  const upload = async (event: Event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) setText(await file.text());
  };

  const rangesOf = (list: Item[]) =>
    list.flatMap((item) =>
      quotesOf(item.entry).flatMap((q) => {
        const found = drafted ? findQuote(drafted.text, q) : null;
        return found ? [found] : [];
      }),
    );
  const live = items.filter((i) => i.review !== 'dropped');
  const shown = drafted
    ? segments(drafted.text, rangesOf(live), rangesOf(items.filter((i) => i.key === selected)))
    : [];
  const yamlUrl = useDownload(yaml, 'application/yaml');
  const textUrl = useDownload(drafted?.text ?? '', 'text/plain');
  const problemsOf = (item: Item) =>
    (problems ?? [])
      .filter((p) =>
        typeof item.entry.id === 'string'
          ? p.path.includes(`"${item.entry.id}"`)
          : item.section === 'document' && p.path.startsWith('document'),
      )
      .map((p) => `${p.path}: ${p.message}`);
  const open = live.filter((i) => i.review === 'open').length;
  // The files are named as the document section says, as the curator may have changed them.
  const documentEntry = items.find((i) => i.section === 'document')?.entry ?? {};
  const fileId = String(documentEntry.id ?? drafted?.id ?? 'draft');
  const textName = String(documentEntry.source ?? `${fileId}.txt`)
    .split('/')
    .pop();

  return (
    <article class="draft-view">
      <header class="view-head">
        <h1>Draft a source file</h1>
        <p class="muted">
          Paste a document's text: each proposal quotes it verbatim. Accept, edit or drop each,
          settle what is flagged, and download the file once the checks pass.
        </p>
      </header>
      <form
        class="draft-input"
        onSubmit={(e) => {
          e.preventDefault();
          void propose();
        }}
      >
        <label>
          Title (optional)
          <input value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          The document's text
          <textarea
            rows={8}
            value={text}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          />
        </label>
        <label>
          Or a text file
          <input type="file" accept=".txt,text/plain" onChange={upload} />
        </label>
        <button type="submit" disabled={busy || text.trim() === ''}>
          Propose
        </button>
      </form>
      {busy && <Loading what="Reading the text" />}
      {error && <ErrorBox error={error} />}
      {drafted && (
        <div class="draft-review">
          <section class="draft-text" aria-label="The document's text">
            <h2>Text</h2>
            <div class="document-text" data-testid="draft-text">
              {shown.map((s, i) =>
                s.marked || s.current ? (
                  <mark
                    key={i}
                    class={s.current ? 'quote-mark current' : 'quote-mark'}
                    ref={s.current ? current : undefined}
                  >
                    {s.text}
                  </mark>
                ) : (
                  s.text
                ),
              )}
            </div>
          </section>
          <section class="draft-proposals" aria-label="Proposals">
            <h2>Proposals ({open} to review)</h2>
            <div class="draft-checks" role="status" aria-live="polite" data-testid="draft-checks">
              {problems === null ? (
                'Checking…'
              ) : problems.length === 0 ? (
                <p class="checks-pass">The checks pass.</p>
              ) : (
                <ProblemList problems={problems} />
              )}
            </div>
            <p class="draft-downloads">
              <a href={yamlUrl} download={`${fileId}.yaml`}>
                Download the source file
              </a>{' '}
              ·{' '}
              <a href={textUrl} download={textName}>
                Download the text
              </a>
            </p>
            <DraftSubmit
              draft={{
                document: documentEntry,
                entities: live.filter((i) => i.section === 'entities').map((i) => i.entry),
                links: live.filter((i) => i.section === 'links').map((i) => i.entry),
                text: drafted.text,
              }}
              checksPass={problems?.length === 0 && open === 0}
            />
            <ul class="proposal-list">
              {items.map((item) => (
                <DraftProposal
                  key={item.key}
                  item={item}
                  selected={item.key === selected}
                  problems={problemsOf(item)}
                  onSelect={() => setSelected(item.key === selected ? null : item.key)}
                  onEdit={(field, value) =>
                    setItems((all) => setField(all, item.key, field, value))
                  }
                  onAccept={() => setItems((all) => accept(all, item.key))}
                  onDrop={() => setItems((all) => toggleDrop(all, item.key))}
                  onChoose={(index) => {
                    const choice = item.decision?.candidates[index];
                    if (choice) setItems((all) => choose(all, item.key, choice));
                  }}
                />
              ))}
            </ul>
          </section>
        </div>
      )}
    </article>
  );
}
