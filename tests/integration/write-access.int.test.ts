import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { revokeKey } from '../../src/auth/keys.ts';
import { findFreePort } from '../../src/local-neo4j/free-port.ts';
import { Random } from '../helpers/fuzz/random.ts';
import { graphFingerprint } from '../helpers/graph-fingerprint.ts';
import { useSeededGraph } from '../helpers/test-helper.ts';
import { workerNeo4j } from '../helpers/worker-neo4j.ts';
import { bearer, send } from '../helpers/write-client.ts';

// Who may write what, racing writers, malformed writes, the live feed, and a server killed while
// it writes: all against the real Neo4j.

const DOC = 'tass-russian-israeli-relations';
const MISSING = 'no-such-document';
const base = { document: MISSING, expectedRevision: 1, reason: 'checking access' };
const linkRef = { type: 'HELD_OFFICE', from: 'vladimir-putin', to: 'russia' };

/** Every mutation, with an input that names no document (or revision): nothing is written. */
const MUTATIONS: [name: string, input: string, variables: Record<string, unknown>][] = [
  ['addEntity', 'AddEntityInput', { ...base, entity: { id: 'x' } }],
  ['correctEntity', 'CorrectEntityInput', { ...base, slug: 'x', entity: { id: 'x' } }],
  ['retractEntity', 'RetractEntityInput', { ...base, slug: 'x' }],
  ['addLink', 'AddLinkInput', { ...base, link: { type: 'PART_OF' } }],
  ['correctLink', 'CorrectLinkInput', { ...base, link: linkRef, replacement: {} }],
  ['retractLink', 'RetractLinkInput', { ...base, link: linkRef }],
  ['addAlias', 'AddAliasInput', { ...base, entity: 'x', alias: 'y' }],
  ['removeAlias', 'RemoveAliasInput', { ...base, entity: 'x', alias: 'y' }],
  ['addCitation', 'AddCitationInput', { ...base, entity: 'x', quote: 'y' }],
  ['retractCitation', 'RetractCitationInput', { ...base, entity: 'x', quote: 'y' }],
  ['revert', 'RevertInput', { revision: 999_999, reason: 'checking access' }],
  [
    'addDocument',
    'AddDocumentInput',
    { slug: 'Not A Slug', title: 't', publisher: 'p', kind: 'k', text: 't', reason: 'checking' },
  ],
];

const operation = (name: string, input: string) =>
  `mutation ($input: ${input}!) { ${name}(input: $input) { revision { number } problems { path message } } }`;

describe('who may write', () => {
  const helper = useSeededGraph();

  it('answers every mutation for anonymous, curator, editor, admin, a revoked key and a bad token as their roles allow', async () => {
    const keys = {
      curator: (await bearer(helper.db, 'curator')).header,
      editor: (await bearer(helper.db, 'editor')).header,
      admin: (await bearer(helper.db, 'admin')).header,
    };
    const revoked = await bearer(helper.db, 'admin');
    await revokeKey(helper.db, revoked.id);
    const callers: [string, string | undefined][] = [
      ['anonymous', undefined],
      ['curator', keys.curator],
      ['editor', keys.editor],
      ['admin', keys.admin],
      ['revoked', revoked.header],
      ['bad token', 'Bearer rgk_not_a_key'],
    ];
    const before = await graphFingerprint(helper.db);
    const table: Record<string, Record<string, string>> = {};
    for (const [name, input, variables] of MUTATIONS) {
      table[name] = {};
      for (const [caller, header] of callers) {
        const answer = await send(helper.app, header, operation(name, input), { input: variables });
        expect(answer.status, `${name} as ${caller}`).toBeLessThan(500);
        const code = answer.errors?.[0]?.extensions?.code as string | undefined;
        (table[name] as Record<string, string>)[caller] =
          code === 'UNAUTHENTICATED' || code === 'FORBIDDEN'
            ? `${code} ${answer.status}`
            : 'allowed';
        if (code === 'UNAUTHENTICATED')
          expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
      }
    }
    const curatorRow = {
      anonymous: 'UNAUTHENTICATED 401',
      curator: 'allowed',
      editor: 'allowed',
      admin: 'allowed',
      revoked: 'UNAUTHENTICATED 401',
      'bad token': 'UNAUTHENTICATED 401',
    };
    const expected = Object.fromEntries(MUTATIONS.map(([name]) => [name, curatorRow]));
    expected.addDocument = { ...curatorRow, curator: 'FORBIDDEN 200' };
    expect(table).toEqual(expected);
    expect(await graphFingerprint(helper.db)).toEqual(before);
  });

  it('lets exactly one of two curators racing on one link win; the other gets CONFLICT', async () => {
    const [ann, bob] = [await bearer(helper.db, 'curator'), await bearer(helper.db, 'curator')];
    const { document } = await helper.ask(`{ document(id: "${DOC}") { revision } }`);
    const correction = (note: string) => ({
      input: {
        document: DOC,
        expectedRevision: document.revision,
        reason: 'adds a note',
        link: linkRef,
        replacement: {
          ...linkRef,
          role: 'Russian President',
          note,
          cite: ['Russian President Vladimir Putin will visit Israel on January 23'],
        },
      },
    });
    const answers = await Promise.all([
      send(helper.app, ann.header, operation('correctLink', 'CorrectLinkInput'), correction('Ann')),
      send(helper.app, bob.header, operation('correctLink', 'CorrectLinkInput'), correction('Bob')),
    ]);
    const codes = answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'made').sort();
    expect(codes).toEqual(['CONFLICT', 'made']);
    const winner = answers.find((a) => !a.errors)?.data?.correctLink.revision.number;
    expect(winner).toBe(document.revision + 1);
  });

  it('answers fuzzed writes without a 5xx, and a refused write leaves the graph as it was', async () => {
    const curator = await bearer(helper.db, 'curator');
    const random = new Random(21);
    const values = (): unknown =>
      random.pick([
        () => random.text(random.int(0, 40)),
        () => random.int(-5, 5),
        () => null,
        () => [random.text(5)],
        () => ({ context: random.text(8) }),
        () => 'Russia',
        () => '1991-13-45',
        () => 'Country',
        () => 'ussr',
      ])();
    const fields = [
      'id',
      'kind',
      'name',
      'description',
      'cite',
      'date',
      'type',
      'from',
      'to',
      'role',
      'aliases',
      'cameo',
      'category',
    ];
    const entry = () =>
      Object.fromEntries(fields.filter(() => random.chance(0.6)).map((field) => [field, values()]));
    let made = 0;
    for (let i = 0; i < 30; i++) {
      const { document } = await helper.ask(`{ document(id: "${DOC}") { revision } }`);
      const before = await graphFingerprint(helper.db);
      const [name, input, extra] = random.pick([
        ['addEntity', 'AddEntityInput', { entity: entry() }],
        ['addLink', 'AddLinkInput', { link: entry() }],
        ['correctEntity', 'CorrectEntityInput', { slug: 'russia', entity: entry() }],
        ['addCitation', 'AddCitationInput', { entity: 'russia', quote: String(values()) }],
        [
          'addAlias',
          'AddAliasInput',
          { entity: random.pick(['russia', 'nobody']), alias: random.text(6) },
        ],
      ] as const);
      const answer = await send(helper.app, curator.header, operation(name, input), {
        input: { document: DOC, expectedRevision: document.revision, reason: 'fuzzing', ...extra },
      });
      expect(answer.status, JSON.stringify(answer)).toBeLessThan(500);
      expect(JSON.stringify(answer.errors ?? [])).not.toContain('Unexpected error');
      const revision = answer.data?.[name]?.revision;
      if (revision) made++;
      else expect(await graphFingerprint(helper.db), JSON.stringify(extra)).toEqual(before);
    }
    // Most random entries are refused; a few alias additions are sound and made.
    expect(made).toBeLessThan(30);
  });

  it('streams each revision over Server-Sent Events, and a client reconnecting with `after` gets what it missed', async () => {
    const curator = await bearer(helper.db, 'curator');
    const { changes } = await helper.ask('{ changes(first: 1) { nodes { number } } }');
    const last = changes.nodes[0].number as number;
    const stream = await helper.app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: `subscription ($after: Int) { changes(after: $after) { number action } }`,
        variables: { after: last - 1 },
      }),
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const events: { number: number; action: string }[] = [];
    const readUntil = async (count: number) => {
      while (events.length < count) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const data = buffer
            .slice(0, end)
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim())
            .join('');
          buffer = buffer.slice(end + 2);
          if (data) {
            const parsed = JSON.parse(data) as {
              data?: { changes: { number: number; action: string } };
            };
            if (parsed.data) events.push(parsed.data.changes);
          }
          end = buffer.indexOf('\n\n');
        }
      }
    };
    await readUntil(1);
    expect(events).toEqual([{ number: last, action: expect.any(String) }]);
    const { document } = await helper.ask(`{ document(id: "${DOC}") { revision } }`);
    const made = await send(helper.app, curator.header, operation('addAlias', 'AddAliasInput'), {
      input: {
        document: DOC,
        expectedRevision: document.revision,
        reason: 'a usual spelling',
        entity: 'russia',
        alias: 'Rossiya',
        curatorAlias: true,
      },
    });
    expect(made.data?.addAlias.revision.number).toBe(last + 1);
    await readUntil(2);
    expect(events[1]).toEqual({ number: last + 1, action: 'addAlias' });
    await reader.cancel();
  });
});

describe('a server killed while it writes', () => {
  const helper = useSeededGraph();
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  async function startServer(): Promise<{ child: ChildProcess; port: number }> {
    const { uri, username, password } = workerNeo4j();
    const port = await findFreePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        NEO4J_URI: uri,
        NEO4J_USERNAME: username,
        NEO4J_PASSWORD: password,
        HOST: '127.0.0.1',
        PORT: String(port),
        SEED: 'false',
        READY_WARM_UP_MS: '0',
      },
      stdio: 'ignore',
    });
    children.push(child);
    const deadline = Date.now() + 60_000;
    while (
      (await fetch(`http://127.0.0.1:${port}/ready`).then(
        (r) => r.status,
        () => 0,
      )) !== 200
    ) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error('server did not start');
      await sleep(200);
    }
    return { child, port };
  }

  it('leaves the graph as before the write or as after it, never between', async () => {
    const curator = await bearer(helper.db, 'curator');
    const outcomes: string[] = [];
    for (const delay of [50, 1000, 10_000]) {
      const { child, port } = await startServer();
      const { document } = await helper.ask(`{ document(id: "${DOC}") { revision } }`);
      const before = await graphFingerprint(helper.db);
      const slug = `killed-write-${delay}`;
      const request = fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: curator.header },
        body: JSON.stringify({
          query: operation('addEntity', 'AddEntityInput'),
          variables: {
            input: {
              document: DOC,
              expectedRevision: document.revision,
              reason: 'written while the server dies',
              entity: {
                id: slug,
                kind: 'Organization',
                name: 'Soviet leadership',
                description: 'The Soviet leadership.',
                cite: 'as the Soviet leadership disagreed',
              },
            },
          },
        }),
      }).catch(() => null);
      await sleep(delay);
      child.kill('SIGKILL');
      await request;
      // Neo4j rolls back a transaction whose connection is gone; give it a moment to notice.
      await sleep(500);
      const after = await helper.ask(`{ document(id: "${DOC}") { revision } }`);
      const [found] = await helper.db.read<{ entities: number }>(
        'MATCH (n:Entity {id: $slug}) RETURN count(n) AS entities',
        { slug },
      );
      if (after.document.revision === document.revision) {
        expect(found?.entities).toBe(0);
        expect(await graphFingerprint(helper.db)).toEqual(before);
        outcomes.push('before');
      } else {
        expect(after.document.revision).toBe(document.revision + 1);
        expect(found?.entities).toBe(1);
        const [row] = await helper.db.read<{ action: string }>(
          'MATCH (r:Revision {number: $n}) RETURN r.action AS action',
          { n: after.document.revision },
        );
        expect(row?.action).toBe('addEntity');
        outcomes.push('after');
      }
    }
    expect(outcomes).toHaveLength(3);
    console.log(
      `killed at 50 ms, 1 s and 10 s into a write: the graph was as ${outcomes.join(', ')}`,
    );
  });
});
