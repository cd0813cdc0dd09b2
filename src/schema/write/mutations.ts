import type { InputFieldMap } from '@pothos/core';
import { builder, type Types } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { ValidationError } from '../../errors.ts';
import type { SourceFileProblem } from '../../knowledge/source-file-error.ts';
import { documentRevision } from '../../write/revisions.ts';
import type { Edit, FactRef, LinkRef } from '../../write/source-edits.ts';
import { addDocument, revert, type WriteOutcome, writeEdit } from '../../write/write.ts';
import { DocumentRef } from '../document.ts';
import { EntityRef } from '../entity.ts';
import { entityLoader } from '../loaders.ts';
import { JsonScalar, RevisionRef } from './revision.ts';

/** What a curator must fix before a write can be made: where, and what is wrong. */
const ProblemRef = builder.objectRef<SourceFileProblem>('Problem').implement({
  description:
    'Why a write was refused, as `check-data` and the import say it: where in the document’s ' +
    'source file (an entry and field), and what to fix. A refused write changes nothing.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Where: `entities[3] "ussr" › cite[0]`, …' }),
    message: t.exposeString('message', { description: 'What is wrong, and how to fix it.' }),
  }),
});

type Payload = WriteOutcome & { document: string | null };

/**
 * What every mutation answers, so a client asks for it with one fragment on `WritePayload`: the
 * revision made and what changed, or the problems that refused it.
 */
const WritePayloadRef = builder.interfaceRef<Payload>('WritePayload').implement({
  description:
    'What every write answers: the revision it made and the changed nodes, or the problems that ' +
    'refused it. Each mutation has its own payload type implementing this.',
  fields: (t) => ({
    revision: t.field({
      type: RevisionRef,
      nullable: true,
      description: 'The revision made; null when the write was refused.',
      resolve: (p) => p.revision,
    }),
    document: t.field({
      type: DocumentRef,
      nullable: true,
      description: 'The document changed.',
      resolve: (p) => (p.revision ? p.document : null),
    }),
    entities: t.field({
      type: [EntityRef],
      description: 'The entities the change touched, as they are now (retracted ones left out).',
      resolve: async (p, _args, ctx) => {
        const rows = await entityLoader(ctx).loadMany(p.revision?.entities ?? []);
        return rows.filter((row) => row !== null && !(row instanceof Error)) as never;
      },
    }),
    problems: t.field({
      type: [ProblemRef],
      description: 'Why the write was refused; empty when it was made.',
      resolve: (p) => p.problems,
    }),
    warnings: t.stringList({
      description: 'What other documents say differently, worth a look (the write was made).',
      resolve: (p) => p.warnings,
    }),
  }),
});

/** A mutation's own payload type: the fields of `WritePayload`, named for the mutation. */
function payloadOf(name: string) {
  return builder.objectRef<Payload>(`${name}Payload`).implement({
    description: `What \`${name.charAt(0).toLowerCase()}${name.slice(1)}\` did: its revision and the changed nodes, or the problems that refused it.`,
    interfaces: [WritePayloadRef],
  });
}

const LinkRefInput = builder.inputType('LinkRefInput', {
  description:
    'Which link of the document: its type and ends, and its role or dates as written when ' +
    'several links have the same type and ends.',
  fields: (t) => ({
    type: t.string({ required: true, description: 'The link type, e.g. "VISITED".' }),
    from: t.string({ required: true, description: 'Slug of the entity it points from.' }),
    to: t.string({ required: true, description: 'Slug of the entity it points to.' }),
    role: t.string({ description: 'Its role, as written.' }),
    date: t.string({ description: 'Its date, as written ("1991-10").' }),
    validFrom: t.string({ description: 'Its validFrom, as written.' }),
    validTo: t.string({ description: 'Its validTo, as written.' }),
  }),
});

const common = {
  document: 'Slug of the document whose statements change.',
  expectedRevision:
    'The revision of the document you read (`Document.revision`): when someone changed it since, the write is refused with CONFLICT.',
  reason: 'Why: kept in the revision, shown in history.',
  dryRun:
    'Check only: run every check of the write, then roll it back; `problems` (or CONFLICT) as the write would answer, no revision.',
};

/** Declares a curator's mutation that edits one document's source file. */
function editMutation(
  name: string,
  description: string,
  fields: (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => InputFieldMap,
  toEdit: (input: Record<string, unknown>) => Edit,
) {
  const Name = name.charAt(0).toUpperCase() + name.slice(1);
  const Input = builder.inputType(`${Name}Input`, {
    description: `The input of \`${name}\`.`,
    fields: (t) => ({
      document: t.string({ required: true, description: common.document }),
      expectedRevision: t.int({ required: true, description: common.expectedRevision }),
      reason: t.string({ required: true, description: common.reason }),
      dryRun: t.boolean({ defaultValue: false, description: common.dryRun }),
      ...fields(t),
    }),
  });
  builder.mutationField(name, (t) =>
    t.field({
      type: payloadOf(Name),
      description,
      authScopes: { curator: true },
      args: { input: t.arg({ type: Input, required: true, description: 'What to change.' }) },
      resolve: async (_root, { input }, ctx: Context) => {
        const values = input as unknown as Record<string, unknown> & {
          document: string;
          expectedRevision: number;
          reason: string;
          dryRun?: boolean | null;
        };
        const outcome = await writeEdit(
          ctx.writes.db,
          {
            author: ctx.user as NonNullable<Context['user']>,
            document: values.document,
            expectedRevision: values.expectedRevision,
            reason: values.reason,
            edit: toEdit(values),
            dryRun: values.dryRun === true,
          },
          (revision) => ctx.writes.feed.publish('revision', revision.number),
        );
        return { ...outcome, document: values.document };
      },
    }),
  );
}

const linkRef = (value: unknown): LinkRef => value as LinkRef;

/** An entity or a link: exactly one. */
function factOf(input: Record<string, unknown>): FactRef {
  const { entity, link } = input as { entity?: string | null; link?: unknown };
  if ((entity == null) === (link == null))
    throw new ValidationError('give exactly one of entity and link');
  return entity != null ? { entity } : { link: linkRef(link) };
}

editMutation(
  'addEntity',
  'Adds an entity the document states, with its verbatim quote(s): checked as the import checks a source file.',
  (t) => ({
    entity: t.field({
      type: JsonScalar,
      required: true,
      description: 'The entity, as a source file’s entry (id, kind, name, description, cite, …).',
    }),
  }),
  (input) => ({ action: 'addEntity', entity: input.entity }),
);

editMutation(
  'correctEntity',
  'Replaces what the document states of an entity with a corrected entry.',
  (t) => ({
    slug: t.string({ required: true, description: 'The entity’s slug.' }),
    entity: t.field({ type: JsonScalar, required: true, description: 'The corrected entry.' }),
  }),
  (input) => ({ action: 'correctEntity', id: input.slug as string, entity: input.entity }),
);

editMutation(
  'retractEntity',
  'Withdraws what the document states of an entity (its links in the document must go first).',
  (t) => ({ slug: t.string({ required: true, description: 'The entity’s slug.' }) }),
  (input) => ({ action: 'retractEntity', id: input.slug as string }),
);

editMutation(
  'addLink',
  'Adds a link the document states, with its verbatim quote(s).',
  (t) => ({
    link: t.field({
      type: JsonScalar,
      required: true,
      description: 'The link, as a source file’s entry (type, from, to, cite, dates, …).',
    }),
  }),
  (input) => ({ action: 'addLink', link: input.link }),
);

editMutation(
  'correctLink',
  'Replaces what the document states of a link with a corrected entry.',
  (t) => ({
    link: t.field({ type: LinkRefInput, required: true, description: 'Which link.' }),
    replacement: t.field({ type: JsonScalar, required: true, description: 'The corrected entry.' }),
  }),
  (input) => ({ action: 'correctLink', ref: linkRef(input.link), link: input.replacement }),
);

editMutation(
  'retractLink',
  'Withdraws what the document states of a link.',
  (t) => ({ link: t.field({ type: LinkRefInput, required: true, description: 'Which link.' }) }),
  (input) => ({ action: 'retractLink', ref: linkRef(input.link) }),
);

editMutation(
  'addAlias',
  'Adds a name of an entity: one the document uses (checked against its quotes, as the import checks), or with `curatorAlias` a usual spelling it does not use.',
  (t) => ({
    entity: t.string({ required: true, description: 'The entity’s slug.' }),
    alias: t.string({ required: true, description: 'The name.' }),
    curatorAlias: t.boolean({
      defaultValue: false,
      description: 'True for a name the document does not use.',
    }),
  }),
  (input) => ({
    action: 'addAlias',
    entity: input.entity as string,
    alias: input.alias as string,
    curator: input.curatorAlias === true,
  }),
);

editMutation(
  'removeAlias',
  'Removes a name of an entity, in the document’s statements.',
  (t) => ({
    entity: t.string({ required: true, description: 'The entity’s slug.' }),
    alias: t.string({ required: true, description: 'The name.' }),
  }),
  (input) => ({
    action: 'removeAlias',
    entity: input.entity as string,
    alias: input.alias as string,
  }),
);

editMutation(
  'addCitation',
  'Adds a verbatim quote of the document to an entity’s or a link’s citation.',
  (t) => ({
    entity: t.string({ description: 'The entity’s slug (or give `link`).' }),
    link: t.field({ type: LinkRefInput, description: 'The link (or give `entity`).' }),
    quote: t.string({ required: true, description: 'The words of the document that state it.' }),
    context: t.stringList({
      description: 'Quotes that give it its context (a heading with the year, …).',
    }),
  }),
  (input) => ({
    action: 'addCitation',
    fact: factOf(input),
    quote: input.quote as string,
    context: (input.context as string[] | null) ?? [],
  }),
);

editMutation(
  'retractCitation',
  'Removes a quote from an entity’s or a link’s citation.',
  (t) => ({
    entity: t.string({ description: 'The entity’s slug (or give `link`).' }),
    link: t.field({ type: LinkRefInput, description: 'The link (or give `entity`).' }),
    quote: t.string({ required: true, description: 'The quote to remove.' }),
  }),
  (input) => ({ action: 'retractCitation', fact: factOf(input), quote: input.quote as string }),
);

const AddDocumentInput = builder.inputType('AddDocumentInput', {
  description: 'The input of `addDocument`: a source document and its full text.',
  fields: (t) => ({
    slug: t.string({
      required: true,
      description: 'Its slug: lower-case letters, digits, dashes.',
    }),
    title: t.string({ required: true, description: 'Title as the document gives it.' }),
    publisher: t.string({ required: true, description: 'Who published it.' }),
    kind: t.string({ required: true, description: 'What sort of document it is.' }),
    language: t.string({ defaultValue: 'en', description: 'Language code of the text.' }),
    text: t.string({ required: true, description: 'The full text, which every quote must be in.' }),
    note: t.string({ description: 'A curator’s note.' }),
    nonFactual: t.stringList({ description: 'Lines that state no fact (headers), verbatim.' }),
    reason: t.string({ required: true, description: common.reason }),
  }),
});

builder.mutationField('addDocument', (t) =>
  t.field({
    type: payloadOf('AddDocument'),
    description: 'Adds a source document with its text (editors): facts then cite it.',
    authScopes: { editor: true },
    args: {
      input: t.arg({ type: AddDocumentInput, required: true, description: 'What to change.' }),
    },
    resolve: async (_root, { input }, ctx) => {
      const outcome = await addDocument(
        ctx.writes.db,
        ctx.user as NonNullable<Context['user']>,
        {
          id: input.slug,
          title: input.title,
          publisher: input.publisher,
          kind: input.kind,
          language: input.language ?? 'en',
          text: input.text,
          note: input.note ?? null,
          nonFactual: input.nonFactual ?? [],
        },
        input.reason,
        (revision) => ctx.writes.feed.publish('revision', revision.number),
      );
      return { ...outcome, document: input.slug };
    },
  }),
);

const RevertInput = builder.inputType('RevertInput', {
  description: 'The input of `revert`.',
  fields: (t) => ({
    revision: t.int({ required: true, description: 'The number of the revision to undo.' }),
    reason: t.string({ required: true, description: common.reason }),
    expectedRevision: t.int({ description: common.expectedRevision }),
  }),
});

builder.mutationField('revert', (t) =>
  t.field({
    type: payloadOf('Revert'),
    description:
      'Undoes a revision with a new one. Your own revisions as a curator; anyone’s as an editor.',
    authScopes: { curator: true },
    args: { input: t.arg({ type: RevertInput, required: true, description: 'What to change.' }) },
    resolve: async (_root, { input }, ctx) => {
      const outcome = await revert(
        ctx.writes.db,
        ctx.user as NonNullable<Context['user']>,
        input.revision,
        input.reason,
        input.expectedRevision ?? null,
        (revision) => ctx.writes.feed.publish('revision', revision.number),
      );
      return { ...outcome, document: outcome.revision?.document ?? null };
    },
  }),
);

builder.objectField(DocumentRef, 'revision', (t) =>
  t.int({
    nullable: true,
    description: 'The number of the last revision that changed it: pass it as `expectedRevision`.',
    resolve: (doc, _args, ctx) => documentRevision(ctx.writes.db, doc.id),
  }),
);
