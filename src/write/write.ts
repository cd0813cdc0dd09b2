import type { ManagedTransaction } from 'neo4j-driver';
import { ForbiddenError } from '../auth/errors.ts';
import { allows, type Principal } from '../auth/roles.ts';
import type { Database } from '../db/database.ts';
import { writePlan } from '../db/importer.ts';
import { AppError, ConflictError, NotFoundError } from '../errors.ts';
import type { DocumentRow } from '../knowledge/import-plan.ts';
import { SourceFileError, type SourceFileProblem } from '../knowledge/source-file-error.ts';
import { validateSource } from '../knowledge/validate-source.ts';
import {
  currentSource,
  nextRevision,
  type RevisionRow,
  recordRevision,
  revisionByNumber,
} from './revisions.ts';
import {
  applyEdit,
  type Edit,
  EditError,
  type Edited,
  linkIdentity,
  type Source,
} from './source-edits.ts';

/** A change to one document, made against the revision its author last saw. */
export interface WriteRequest {
  author: Principal;
  document: string;
  expectedRevision: number;
  reason: string;
  edit: Edit;
  /** Check and write, then roll back: the problems and warnings without the change. */
  dryRun?: boolean;
}

/** A write's outcome: the revision it made, or the problems that refused it (nothing written). */
export interface WriteOutcome {
  revision: RevisionRow | null;
  problems: SourceFileProblem[];
  warnings: string[];
}

/** What refuses a write inside its transaction, so the transaction rolls back. */
class Refused extends Error {
  constructor(readonly problems: SourceFileProblem[]) {
    super('refused');
  }
}

/** Rolls a dry run's transaction back once the write has gone through every check. */
class DryRun extends Error {
  constructor(readonly warnings: string[]) {
    super('dry run');
  }
}

/** Called after a revision is committed (the live feed). */
export type RevisionListener = (revision: RevisionRow) => void;

/** Where the write path's text lives for an entry: the document's own text file is not at hand. */
const storedText = (text: string) => async () => ({ text });

/**
 * Applies an edit to a document's source file, checks the result with the import's own validator,
 * and writes it with its revision in one transaction; refused, it writes nothing.
 */
export async function writeEdit(
  db: Database,
  request: WriteRequest,
  onCommitted?: RevisionListener,
): Promise<WriteOutcome> {
  checkReason(request.reason);
  return outcomeOf(
    db,
    async (tx) => {
      const number = await nextRevision(db, tx);
      const current = await currentSource(db, tx, request.document);
      if (!current) throw new NotFoundError(`no document has the id "${request.document}"`);
      if (current.source === null)
        throw new ConflictError(
          `document "${request.document}" was imported before the graph kept source files; ` +
            'import it again (npm run import) before editing it here',
        );
      if (current.revision !== request.expectedRevision)
        throw staleError(request.document, current.revision, request.expectedRevision);
      const edited = applyEditOrRefuse(JSON.parse(current.source) as Source, request.edit);
      const done = await commit(db, tx, number, edited, current.text, {
        author: request.author,
        document: request.document,
        reason: request.reason,
        action: request.edit.action,
        revertOf: null,
      });
      // The same path as a real write, so a dry run cannot pass what the write would refuse.
      if (request.dryRun) throw new DryRun(done.warnings);
      return done;
    },
    onCommitted,
  );
}

/** Adds a source document; its text is stored as the importer stores it. */
export async function addDocument(
  db: Database,
  author: Principal,
  document: DocumentRow,
  reason: string,
  onCommitted?: RevisionListener,
): Promise<WriteOutcome> {
  checkReason(reason);
  const { text, note, ...details } = document;
  const source: Source = {
    document: { ...details, ...(note ? { note } : {}), source: `${document.id}.txt` },
    entities: [],
    links: [],
  };
  return outcomeOf(
    db,
    async (tx) => {
      const number = await nextRevision(db, tx);
      if (await currentSource(db, tx, document.id))
        throw new ConflictError(`a document with the id "${document.id}" already exists`);
      const edited: Edited = { source, list: 'entities', before: null, after: null };
      return commit(db, tx, number, edited, text, {
        author,
        document: document.id,
        reason,
        action: 'addDocument',
        revertOf: null,
      });
    },
    onCommitted,
  );
}

/**
 * Undoes a revision with a new one: the entry it changed goes back to what it was. Others'
 * revisions need an editor; reverting is refused when the entry has changed since.
 */
export async function revert(
  db: Database,
  author: Principal,
  number: number,
  reason: string,
  expectedRevision: number | null,
  onCommitted?: RevisionListener,
): Promise<WriteOutcome> {
  checkReason(reason);
  return outcomeOf(
    db,
    async (tx) => {
      const next = await nextRevision(db, tx);
      const target = await revisionByNumber(db, tx, number);
      if (!target) throw new NotFoundError(`no revision has the number ${number}`);
      if (target.author !== author.id && !allows(author.role, 'editor'))
        throw new ForbiddenError('reverting another author’s revision needs the editor role');
      if (target.list === null)
        throw new Refused([
          {
            path: 'revision',
            message: `revision ${number} (${target.action}) changed a whole document; it cannot be reverted entry by entry`,
          },
        ]);
      const current = await currentSource(db, tx, target.document);
      if (!current?.source) throw new NotFoundError(`document "${target.document}" is gone`);
      if (expectedRevision !== null && current.revision !== expectedRevision)
        throw staleError(target.document, current.revision, expectedRevision);
      const edited = applyEditOrRefuse(JSON.parse(current.source) as Source, {
        action: 'restore',
        list: target.list as 'entities' | 'links',
        before: target.before === null ? null : JSON.parse(target.before),
        after: target.after === null ? null : JSON.parse(target.after),
      });
      return commit(db, tx, next, edited, current.text, {
        author,
        document: target.document,
        reason,
        action: 'revert',
        revertOf: number,
      });
    },
    onCommitted,
  );
}

/** Records the import of a whole source file as a revision by the import (the seed's first). */
export async function recordImport(
  db: Database,
  tx: ManagedTransaction,
  document: string,
  source: unknown,
  entities: string[],
  links: string[],
): Promise<void> {
  const current = await currentSource(db, tx, document);
  // Importing the same file again changes nothing, and makes no revision.
  if (current?.source === JSON.stringify(source)) return;
  const number = await nextRevision(db, tx);
  await recordRevision(
    db,
    tx,
    number,
    {
      author: 'import',
      authorName: 'import',
      reason: 'imported from its source file',
      document,
      action: 'import',
      entities,
      links,
      before: null,
      after: null,
      list: null,
      revertOf: null,
    },
    source,
  );
}

interface Meta {
  author: Principal;
  document: string;
  reason: string;
  action: string;
  revertOf: number | null;
}

/** Checks the edited source as the import does, then writes it and its revision. */
async function commit(
  db: Database,
  tx: ManagedTransaction,
  number: number,
  edited: Edited,
  text: string,
  meta: Meta,
): Promise<Omit<WriteOutcome, 'problems'>> {
  const reading = await validateSource(edited.source, {
    text: storedText(text),
    allowNoEntities: true,
    unknownIdHint: async () => (id) =>
      `declare "${id}" in this document first (addEntity), citing where the document names it`,
  });
  const { problems } = reading;
  if (problems.length > 0 || !reading.partial) throw new Refused(problems);
  let warnings: string[];
  try {
    warnings = await writePlan(db, tx, reading.partial);
  } catch (error) {
    if (error instanceof SourceFileError) throw new Refused(error.problems);
    throw error;
  }
  const entries = [edited.before, edited.after].filter((e) => e !== null);
  const revision = await recordRevision(
    db,
    tx,
    number,
    {
      author: meta.author.id,
      authorName: meta.author.name,
      reason: meta.reason,
      document: meta.document,
      action: meta.action,
      entities:
        edited.list === 'entities'
          ? [...new Set(entries.map((e) => String(e.id)))]
          : [...new Set(entries.flatMap((e) => [String(e.from), String(e.to)]))],
      links: edited.list === 'links' ? [...new Set(entries.map(linkIdentity))] : [],
      before: edited.before === null ? null : JSON.stringify(edited.before),
      after: edited.after === null ? null : JSON.stringify(edited.after),
      list: meta.action === 'addDocument' ? null : edited.list,
      revertOf: meta.revertOf,
    },
    edited.source,
  );
  return { revision, warnings };
}

async function outcomeOf(
  db: Database,
  work: (tx: ManagedTransaction) => Promise<Omit<WriteOutcome, 'problems'>>,
  onCommitted?: RevisionListener,
): Promise<WriteOutcome> {
  try {
    const done = await db.writeTransaction(work, 60_000);
    if (done.revision) onCommitted?.(done.revision);
    return { ...done, problems: [] };
  } catch (error) {
    if (error instanceof Refused) return { revision: null, problems: error.problems, warnings: [] };
    if (error instanceof DryRun) return { revision: null, problems: [], warnings: error.warnings };
    throw error;
  }
}

function applyEditOrRefuse(source: Source, edit: Edit): Edited {
  try {
    return applyEdit(source, edit);
  } catch (error) {
    if (error instanceof EditError) throw new Refused([{ path: 'input', message: error.message }]);
    throw error;
  }
}

function checkReason(reason: string) {
  if (reason.trim().length < 3)
    throw new AppError('reason must say why (at least 3 characters)', 'BAD_USER_INPUT');
}

function staleError(document: string, current: number | null, expected: number): ConflictError {
  return new ConflictError(
    `document "${document}" is at revision ${current ?? 'none'}, not ${expected}: someone changed ` +
      'it since you read it. Read it again and apply your change to what it says now.',
  );
}
