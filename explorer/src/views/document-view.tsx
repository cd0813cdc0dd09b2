import { useQuery } from '@urql/preact';
import { useEffect, useRef } from 'preact/hooks';
import { useSearchParams } from 'wouter-preact';
import { useTitle } from '../components/hooks.ts';
import { Empty, ErrorBox, Loading } from '../components/states.tsx';
import { findQuote, sentenceAround } from '../lib/highlight.ts';
import { DocumentQuery } from '../queries/document.ts';

/** A source document's text, the sentence of the quote in the URL (?quote=) highlighted and in view. */
export function DocumentView({ id }: { id: string }) {
  const [params] = useSearchParams();
  const quote = params.get('quote') ?? '';
  const [result, reexecute] = useQuery({ query: DocumentQuery, variables: { id } });
  const doc = result.data?.node?.__typename === 'Document' ? result.data.node : undefined;
  useTitle(doc?.title ?? 'Document');
  const mark = useRef<HTMLElement>(null);
  useEffect(() => mark.current?.scrollIntoView({ block: 'center' }), [doc, quote]);
  if (result.error)
    return (
      <ErrorBox error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  if (!result.data) return <Loading what="Loading the document" />;
  if (!doc) return <Empty>No document has this id.</Empty>;
  const found = quote ? findQuote(doc.text, quote) : null;
  const sentence = found ? sentenceAround(doc.text, found) : null;
  return (
    <article class="document-view">
      <header class="view-head">
        <h1>{doc.title}</h1>
        <p class="muted">
          {doc.publisher} · {doc.kind} · {doc.language}
        </p>
      </header>
      {quote && !found && (
        <p class="state error" role="alert">
          The quote “{quote}” is not in this document's text.
        </p>
      )}
      <div class="document-text">
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
