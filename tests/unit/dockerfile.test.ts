import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.ts';

// No Docker engine runs where the tests run: this checks how the image runs and stops the server.
describe('Dockerfile', () => {
  it('runs node itself as PID 1, in exec form, so docker stop signals the server', async () => {
    const dockerfile = await readFile('Dockerfile', 'utf8');
    const cmd = /^CMD (.*)$/m.exec(dockerfile)?.[1] ?? '';
    expect(JSON.parse(cmd)).toEqual(['node', '--import', 'tsx', 'src/main.ts']);
    expect(dockerfile).not.toMatch(/^ENTRYPOINT/m);
    expect(dockerfile).toMatch(/^STOPSIGNAL SIGTERM$/m);
  });

  it('gives the API a stop grace period longer than its shutdown timeout', async () => {
    const compose = parse(await readFile('docker-compose.yml', 'utf8'));
    const grace = /^(\d+)s$/.exec(compose.services.api.stop_grace_period)?.[1];
    const env = compose.services.api.environment;
    const { SHUTDOWN_TIMEOUT_MS } = loadConfig({ ...env, NEO4J_PASSWORD: 'x' });
    expect(Number(grace) * 1000).toBeGreaterThan(SHUTDOWN_TIMEOUT_MS);
  });
});

describe('npm start', () => {
  it('execs node directly: a signal to npm reaches the server, no shell or tsx CLI between', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8'));
    expect(pkg.scripts.start).toMatch(/^exec node --import tsx src\/main\.ts$/);
  });
});
