import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTestServer } from '../helpers/test-server.ts';
import { workerNeo4jEnv } from '../helpers/worker-neo4j.ts';

// `npm run key` as an operator runs it, against this file's Neo4j, and a server that takes the
// keys it makes; and no key ever reaches the server's log.

const run = promisify(execFile);

/** Runs `npm run key -- …`: its output and exit code. */
async function key(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'key', '--', ...args], {
      env: { ...process.env, ...workerNeo4jEnv() },
      timeout: 120_000,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

const USAGE = 'usage: npm run key -- create --role curator|editor|admin --name NAME';

describe('npm run key', () => {
  const logged: string[] = [];
  const server = useTestServer({ log: (line) => logged.push(line) });

  const ask = (authorization: string, query = '{ documents { slug } }') =>
    fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query }),
    });

  it('creates a key the server takes, lists it without its secret, and revokes it', async () => {
    const created = await key('create', '--role', 'curator', '--name', 'Ann Example');
    expect(created.code).toBe(0);
    const [line, secret] = created.stdout.trim().split('\n');
    const id = /^created key ([0-9a-f]{16}) \(curator, "Ann Example"\)/.exec(line ?? '')?.[1];
    expect(id).toBeDefined();
    expect(secret).toMatch(new RegExp(`^rgk_${id}_[A-Za-z0-9_-]{43}$`));
    const authorization = `Bearer ${secret}`;

    const served = await ask(authorization);
    expect(served.status).toBe(200);
    expect((await served.json()).data.documents).toHaveLength(2);

    const listed = await key('list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${id}  curator  \\S+  active  Ann Example$`, 'm'));
    expect(listed.stdout).not.toContain(secret?.slice(-43));

    const revoked = await key('revoke', id as string);
    expect(revoked).toEqual({ stdout: `revoked ${id}\n`, stderr: '', code: 0 });
    const refused = await ask(authorization);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('invalid_token');
    expect((await key('list')).stdout).toMatch(new RegExp(`^${id}  curator  \\S+  revoked `, 'm'));

    const again = await key('revoke', id as string);
    expect(again).toEqual({ stdout: '', stderr: `no active key has the id ${id}\n`, code: 1 });
  });

  it('says what is wrong with bad arguments, with exit code 2', async () => {
    const cases: [string[], string][] = [
      [
        ['create', '--role', 'wizard', '--name', 'x'],
        'role must be one of curator, editor, admin; got "wizard"',
      ],
      [['create', '--role', 'curator'], 'create needs --role and --name'],
      [['create', '--colour', 'red'], "Unknown option '--colour'"],
      [['revoke'], 'revoke needs the id of the key'],
      [['rotate'], 'unknown command "rotate"'],
      [[], 'no command given'],
    ];
    for (const [args, problem] of cases) {
      const answer = await key(...args);
      expect(answer.code, args.join(' ')).toBe(2);
      expect(answer.stdout).toBe('');
      expect(answer.stderr).toContain(problem);
      expect(answer.stderr).toContain(USAGE);
    }
  });

  describe('the server log', () => {
    const printed: string[] = [];
    beforeEach(() => {
      for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          printed.push(args.map(String).join(' '));
        });
      }
    });
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it('never holds a key, of a request served or refused', async () => {
      const created = await key('create', '--role', 'editor', '--name', 'Logged');
      const secret = created.stdout.trim().split('\n')[1] as string;
      const id = secret.split('_')[1] as string;
      // Served; refused for its role's reasons (a document that is not there); a wrong secret;
      // a query that fails to parse.
      expect((await ask(`Bearer ${secret}`)).status).toBe(200);
      await ask(
        `Bearer ${secret}`,
        'mutation { retractEntity(input: { document: "none", expectedRevision: 1, reason: "r", slug: "x" }) { problems { message } } }',
      );
      const wrong = `rgk_${id}_${'A'.repeat(43)}`;
      expect((await ask(`Bearer ${wrong}`)).status).toBe(401);
      const unparsed = await ask(`Bearer ${secret}`, '{ documents {');
      expect((await unparsed.json()).errors[0].message).toMatch(/^Syntax Error/);
      await key('revoke', id);
      expect((await ask(`Bearer ${secret}`)).status).toBe(401);

      const everything = [...logged, ...printed].join('\n');
      for (const text of [secret, secret.slice(-43), wrong.slice(-43)]) {
        expect(everything).not.toContain(text);
      }
    });
  });
});
