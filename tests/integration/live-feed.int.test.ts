import { beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../../src/auth/keys.ts';
import { openSse } from '../helpers/sse-client.ts';
import { TestHelper } from '../helpers/test-helper.ts';
import { useTestServer } from '../helpers/test-server.ts';
import { addRussiaAlias } from '../helpers/write-client.ts';

// The live feed over a real HTTP connection: each event's SSE id is its revision number, and a
// client that drops and reconnects with Last-Event-ID gets exactly what it missed.

const SUBSCRIPTION = 'subscription { changes { number action } }';

describe('the live feed, resumed with Last-Event-ID', () => {
  const server = useTestServer();
  let authorization: string;
  beforeAll(async () => {
    const helper = new TestHelper();
    try {
      authorization = `Bearer ${(await createKey(helper.db, { name: 'feed', role: 'curator' })).key}`;
    } finally {
      await helper.close();
    }
  });

  const write = (alias: string) =>
    addRussiaAlias(server.url, authorization, alias, 'a usual spelling');

  const revisionsOf = (events: { id?: string; data: string }[]) =>
    events.map((event) => {
      const body = JSON.parse(event.data);
      return {
        id: event.id,
        number: body.data.changes.number,
        extension: body.extensions.revision,
      };
    });

  it('sends each revision with its number as the event id, and resumes after Last-Event-ID', async () => {
    const first = await openSse(server.url, SUBSCRIPTION);
    expect(first.headers.get('content-type')).toContain('text/event-stream');
    const a = await write('Rossiyskaya');
    const [seen] = await first.until(1);
    expect(revisionsOf([seen as { id?: string; data: string }])).toEqual([
      { id: String(a), number: a, extension: a },
    ]);
    first.close();

    // Missed while away.
    const b = await write('Rossiyskaya Federatsiya');
    const c = await write('Rossija');

    // The reconnection repeats the first request and adds the last id it saw.
    const again = await openSse(server.url, SUBSCRIPTION, { lastEventId: seen?.id });
    const caughtUp = await again.until(2);
    const d = await write('Rossiia');
    const all = await again.until(3);
    again.close();
    expect(revisionsOf(all)).toEqual(
      [b, c, d].map((n) => ({ id: String(n), number: n, extension: n })),
    );
    expect(caughtUp.map((event) => event.event)).toEqual(['next', 'next']);
  });

  it('takes the later of `after` and Last-Event-ID', async () => {
    const a = await write('Rossiyskaya Federatsiia');
    const b = await write('RF');
    const stream = await openSse(
      server.url,
      'subscription ($after: Int) { changes(after: $after) { number action } }',
      {
        variables: { after: a - 1 },
        lastEventId: String(a),
      },
    );
    const [event] = await stream.until(1);
    stream.close();
    expect(event?.id).toBe(String(b));
  });

  it('refuses a Last-Event-ID that is not a revision number, saying so', async () => {
    const stream = await openSse(server.url, SUBSCRIPTION, { lastEventId: 'yesterday' });
    const [event] = await stream.until(1);
    stream.close();
    expect(JSON.parse(event?.data ?? '{}')).toEqual({
      errors: [
        {
          message:
            'Last-Event-ID must be the number of the last revision received; got "yesterday"',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
  });
});
