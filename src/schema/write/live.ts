import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { lastEventId, noteSentRevision } from '../../write/event-ids.ts';
import { listRevisions, type RevisionRow } from '../../write/revisions.ts';
import { RevisionRef } from './revision.ts';

/** The most missed revisions one catch-up reads at a time. */
const CATCH_UP_PAGE = 100;

builder.subscriptionType({
  description:
    'Live feeds, served as Server-Sent Events (send the operation with Accept: text/event-stream).',
});

/**
 * Every revision after `after` from the log, then each new one as it is committed. The live feed
 * only says that something was committed: what is sent is always read from the log, in order,
 * so a client that reconnects with the last number it saw misses nothing and sees nothing twice.
 */
async function* revisionsAfter(ctx: Context, after: number | null): AsyncGenerator<RevisionRow> {
  const live = ctx.writes.feed.subscribe('revision')[Symbol.asyncIterator]();
  // Asking for the first event starts listening now, before the catch-up reads the log.
  let next = live.next();
  // Without `after`, only what comes next: the newest revision so far is the last seen.
  let last =
    after ?? (await listRevisions(ctx.writes.db, {}, { offset: 0, limit: 1 })).rows[0]?.number ?? 0;
  try {
    while (true) {
      for (;;) {
        const { rows } = await listRevisions(
          ctx.writes.db,
          { after: last },
          { offset: 0, limit: CATCH_UP_PAGE },
          true,
        );
        for (const row of rows) {
          last = row.number;
          noteSentRevision(ctx, row.number);
          yield row;
        }
        if (rows.length < CATCH_UP_PAGE) break;
      }
      const event = await next;
      if (event.done) return;
      next = live.next();
    }
  } finally {
    await live.return?.();
  }
}

builder.subscriptionField('changes', (t) =>
  t.field({
    type: RevisionRef,
    description:
      'Each revision as it is committed. With `after`, first every revision after that number: ' +
      'a client that reconnects passes the last number it saw and gets what it missed. Each ' +
      'Server-Sent Event has the revision number as its `id` (and in `extensions.revision`); a ' +
      'Last-Event-ID header resumes after that revision, as `after` does.',
    args: {
      after: t.arg.int({ description: 'The last revision number this client has seen.' }),
    },
    // A reconnecting EventSource repeats its first request's `after` and adds the Last-Event-ID
    // it saw last: the later of the two is where this client stands.
    subscribe: (_root, args, ctx) => {
      const resumed = lastEventId(ctx);
      const after = args.after ?? null;
      return revisionsAfter(ctx, resumed === undefined ? after : Math.max(after ?? 0, resumed));
    },
    resolve: (row) => row,
  }),
);
