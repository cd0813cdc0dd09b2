import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.ts';

// No Docker engine runs where the tests run: this checks the file's shape and its wiring.
describe('docker-compose.yml', () => {
  it('runs Neo4j 5.26 community with a volume and a healthcheck, and the API wired to it', async () => {
    const compose = parse(await readFile('docker-compose.yml', 'utf8'));
    const { neo4j, api } = compose.services;
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.volumes).toContain('neo4j-data:/data');
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
    expect(neo4j.healthcheck.test.join(' ')).toContain('cypher-shell');
    expect(api.build).toBe('.');
    expect(api.depends_on.neo4j.condition).toBe('service_healthy');
    expect(api.environment.NEO4J_URI).toBe('bolt://neo4j:7687');
  });

  it('gives the API only settings the server understands', async () => {
    const compose = parse(await readFile('docker-compose.yml', 'utf8'));
    const env = Object.fromEntries(
      Object.entries(compose.services.api.environment).map(([k, v]) => [
        k,
        String(v).replace(/\$\{[^}]*\}/g, 'x'),
      ]),
    );
    expect(() => loadConfig(env)).not.toThrow();
    expect(loadConfig(env).NEO4J_URI).toBe('bolt://neo4j:7687');
  });
});
