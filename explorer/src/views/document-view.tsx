import { useQuery } from '@urql/preact';
import { useEffect, useRef } from 'preact/hooks';
import { Link, useSearchParams } from 'wouter-preact';
import { useTitle } from '../components/hooks.ts';
import { Empty, ErrorBox, isNotFound, Loading } from '../components/states.tsx';
import { PassageFact } from '../curator/passage-fact.tsx';
import { findQuote, sentenceAround } from '../lib/highlight.ts';
import { LiveNotice, useRefreshOnChange } from '../live/hooks.tsx';
import { DocumentQuery } from '../queries/document.ts';

/**
 * A source document's text, the quote in the URL (?quote=…&at=offset) highlighted with its sentence
 * and scrolled into view. The offset is the API's; without it (or if the text moved) the quote is
 * found in the text.
 */
export function DocumentView({ id }: { id: string }) {
  const [params] = useSearchParams();
  const quote = params.get('quote') ?? '';
  const at = Number(params.get('at') ?? Number.NaN);
  const [result, reexecute] = useQuery({ query: DocumentQuery, variables: { id } });
  const doc = result.data?.document;
  useTitle(doc?.title ?? 'Document');
  const updated = useRefreshOnChange(
    (revision) => Boolean(doc && revision.document?.slug === doc.slug),
    () => reexecute({ requestPolicy: 'network-only' }),
  );
  const mark = useRef<HTMLElement>(null);
  const textBox = useRef<HTMLDivElement>(null);
  useEffect(() => mark.current?.scrollIntoView({ block: 'center' }), [doc, quote]);
  if (isNotFound(result.error)) {
    return (
      <Empty>
        <h1>No document “{id}”</h1>
        <p>
          <Link href="/">The sources are listed on the search page.</Link>
        </p>
      </Empty>
    );
  }
  if (result.error) {
    return <ErrorBox error={result.error} retry={reexecute} />;
  }
  if (!doc) return <Loading what="Loading the document" />;
  const found: [number, number] | null = !quote
    ? null
    : doc.text.slice(at, at + quote.length) === quote
      ? [at, at + quote.length]
      : findQuote(doc.text, quote);
  const sentence = found ? sentenceAround(doc.text, found) : null;
  return (
    <article class="document-view">
      <header class="view-head">
        <h1>{doc.title}</h1>
        <p class="muted">
          {doc.publisher} · {doc.kind} · {doc.language} ·{' '}
          <Link href={`/changes?document=${doc.slug}`}>its changes</Link>
        </p>
        <LiveNotice revision={updated} />
      </header>
      {quote && !found && (
        <p class="state error" role="alert">
          The quote “{quote}” is not in this document's text.
        </p>
      )}
      <PassageFact document={doc.slug} text={doc.text} container={textBox} />
      <div class="document-text" ref={textBox}>
        {sentence && found ? (
          <>
            {doc.text.slice(0, sentence[0])}
            <mark class="sentence" ref={mark}>
              {doc.text.slice(sentence[0], found[0])}
              <mark class="quote-mark">{doc.text.slice(found[0], found[1])}</mark>
              {doc.text.slice(found[1], sentence[1])}
            </mark>
            {doc.text.slice(sentence[1])}
          </>
        ) : (
          doc.text
        )}
      </div>
    </article>
  );
}
