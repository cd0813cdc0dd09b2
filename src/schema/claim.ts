import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { EntityRow } from '../db/entity-row.ts';
import { DocumentRef } from './document.ts';
import { EntityRef } from './entity.ts';
import { citationLoader, entityLoader } from './loaders.ts';

/**
 * Whose claim a fact is: the statement or actor a document attributes it to, whose words it
 * reports, and the documents that report it. `subject` (an entity's id) or `sources` (a link's
 * documents) says where its documents are found.
 */
export interface Claim {
  accordingTo: string | null;
  quoting: string | null;
  subject: string | null;
  sources: readonly string[] | null;
}

const load = (ctx: Context, id: string | null): Promise<EntityRow | null> | null =>
  id === null ? null : entityLoader(ctx).load(id);

/** The ids of the documents that report a fact, in document order. */
async function documentsOf(claim: Claim, ctx: Context): Promise<string[]> {
  if (claim.sources) return [...new Set(claim.sources)];
  if (!claim.subject) return [];
  const citations = await citationLoader(ctx).load(claim.subject);
  return [...new Set(citations.map((c) => c.documentId))];
}

export const ClaimRef = builder.objectRef<Claim>('Claim').implement({
  description:
    'Who says so. Every fact is reported by documents; an attributed one is what a document ' +
    'reports someone as saying ("Russian top brass said …"), which is not the document’s own ' +
    'statement and should be shown as that party’s claim, not as plain fact.',
  fields: (t) => ({
    attributed: t.boolean({
      description:
        'True when the document attributes the fact to a statement or actor (`accordingTo`); ' +
        'false when the document states it itself.',
      resolve: (claim) => claim.accordingTo !== null,
    }),
    accordingTo: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The statement (an Event) or actor the fact is attributed to.',
      resolve: (claim, _args, ctx) => load(ctx, claim.accordingTo),
    }),
    quoting: t.field({
      type: EntityRef,
      nullable: true,
      description: 'Whose words the document reports for it (a spokesman quoted), if it says.',
      resolve: (claim, _args, ctx) => load(ctx, claim.quoting),
    }),
    reportedIn: t.field({
      type: [DocumentRef],
      description: 'The documents that report the fact (each of its citations’ documents, once).',
      resolve: (claim, _args, ctx) => documentsOf(claim, ctx),
    }),
  }),
});

/** The claim of an entity from its stored properties. */
export const entityClaim = (stored: Readonly<Record<string, unknown>>): Claim => ({
  accordingTo: typeof stored.accordingTo === 'string' ? stored.accordingTo : null,
  quoting: typeof stored.quoting === 'string' ? stored.quoting : null,
  subject: typeof stored.id === 'string' ? stored.id : null,
  sources: null,
});

/** The claim of a link from its stored properties. */
export const linkClaim = (stored: Readonly<Record<string, unknown>>): Claim => ({
  accordingTo: typeof stored.accordingTo === 'string' ? stored.accordingTo : null,
  quoting: typeof stored.quoting === 'string' ? stored.quoting : null,
  subject: null,
  sources: (stored.sources as string[] | undefined) ?? [],
});
