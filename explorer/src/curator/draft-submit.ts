import type { Client } from '@urql/preact';
import type { Problem } from '../lib/problem.ts';
import { AddDocumentMutation, AddEntityMutation, AddLinkMutation } from '../queries/curator.ts';
import { documentInput, type ReviewedDraft, type Submitted } from './draft-input.ts';
import { writeErrorOf } from './write-errors.ts';

/**
 * Submits a reviewed draft through the write API: the document and its text (`addDocument`), then
 * each entity and each link, one revision each, every one against the revision the one before
 * made. Stops at the first refusal and says where; what was written stays, as its revisions say.
 */
export async function submitDraft(
  client: Client,
  draft: ReviewedDraft,
  reason: string,
  progress: (done: number, of: number) => void,
): Promise<Submitted> {
  const total = 1 + draft.entities.length + draft.links.length;
  const added = await client
    .mutation(AddDocumentMutation, { input: documentInput(draft, reason) })
    .toPromise();
  const error = writeErrorOf(added.error);
  if (error) return stopped(null, null, 0, [{ path: 'document', message: error.message }]);
  const answer = added.data?.addDocument;
  if (!answer?.revision || !answer.document) return stopped(null, null, 0, answer?.problems ?? []);
  const slug = answer.document.slug;
  let revision = answer.revision.number;
  let written = 1;
  progress(written, total);
  const steps = [
    ...draft.entities.map((entity) => ({ path: `entity "${entity.id}"`, entity })),
    ...draft.links.map((link) => ({ path: `link ${link.from} ${link.type} ${link.to}`, link })),
  ];
  for (const step of steps) {
    const base = { document: slug, expectedRevision: revision, reason };
    const result =
      'entity' in step
        ? await client
            .mutation(AddEntityMutation, { input: { ...base, entity: step.entity } })
            .toPromise()
        : await client
            .mutation(AddLinkMutation, { input: { ...base, link: step.link } })
            .toPromise();
    const failure = writeErrorOf(result.error);
    if (failure)
      return stopped(slug, revision, written, [{ path: step.path, message: failure.message }]);
    const data = result.data as Record<string, Outcome | undefined> | undefined;
    const outcome = data?.addEntity ?? data?.addLink;
    if (!outcome?.revision) return stopped(slug, revision, written, outcome?.problems ?? []);
    revision = outcome.revision.number;
    written++;
    progress(written, total);
  }
  return stopped(slug, revision, written, []);
}

interface Outcome {
  revision: { number: number } | null;
  problems: Problem[];
}

function stopped(
  slug: string | null,
  revision: number | null,
  written: number,
  problems: Problem[],
): Submitted {
  return { slug, revision, written, problems };
}
