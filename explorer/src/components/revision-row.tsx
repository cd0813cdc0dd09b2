import { Link } from 'wouter-preact';
import type { RevisionPartsFragment } from '../gql/graphql.ts';
import { actionText, entryChanges } from '../lib/revision-diff.ts';

/** A revision's time, as the reader's clock shows it, and exact in the tooltip. */
function When({ at }: { at: string }) {
  return (
    <time dateTime={at} title={at}>
      {new Date(at).toLocaleString()}
    </time>
  );
}

/** What a revision changed in its entry: one row per field, before and after. */
export function RevisionDiff({ revision }: { revision: RevisionPartsFragment }) {
  const changes = entryChanges(revision.before, revision.after);
  if (changes.length === 0) return null;
  return (
    <table class="revision-diff">
      <caption class="visually-hidden">Fields changed by revision {revision.number}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.field}>
            <th scope="row">{change.field}</th>
            <td>{change.before === null ? <em>—</em> : <del>{change.before}</del>}</td>
            <td>{change.after === null ? <em>—</em> : <ins>{change.after}</ins>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One revision: number, time, author, action and reason; the document and entities it touched
 * (links to them, unless `compact`, where the page is the entity's); and what it changed.
 */
export function RevisionRow({
  revision,
  compact = false,
}: {
  revision: RevisionPartsFragment;
  compact?: boolean;
}) {
  return (
    <li class="revision" data-revision={revision.number}>
      <p class="revision-head">
        <span class="revision-number">#{revision.number}</span> <When at={revision.at} />{' '}
        <strong>{revision.author}</strong>{' '}
        <span class="revision-action">{actionText(revision.action)}</span>
        {revision.revertOf !== null && <> (reverts #{revision.revertOf})</>}
      </p>
      <p class="revision-reason">“{revision.reason}”</p>
      <p class="revision-where small">
        {revision.document ? (
          <Link href={`/document/${revision.document.slug}`}>{revision.document.title}</Link>
        ) : (
          'a document since removed'
        )}
        {!compact && revision.entitySlugs.length > 0 && (
          <>
            {' · '}
            {revision.entitySlugs.map((slug, i) => (
              <span key={slug}>
                {i > 0 && ', '}
                <Link href={`/entity/${slug}`}>{slug}</Link>
              </span>
            ))}
          </>
        )}
      </p>
      <RevisionDiff revision={revision} />
    </li>
  );
}
