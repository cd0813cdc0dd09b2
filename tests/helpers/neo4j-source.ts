import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../src/local-neo4j/free-port.ts';
import { startLocalNeo4j } from '../../src/local-neo4j/launcher.ts';

export interface TestNeo4j {
  uri: string;
  username: string;
  password: string;
  /** Where it came from: `env`, `testcontainers` or `local`. */
  source: string;
  stop(): Promise<void>;
}

/** A Neo4j for the tests: NEO4J_URI if set, else a container if Docker answers, else a local one. */
export async function provideTestNeo4j(log: (line: string) => void): Promise<TestNeo4j> {
  const { NEO4J_URI, NEO4J_USERNAME = 'neo4j', NEO4J_PASSWORD = 'neo4j' } = process.env;
  if (NEO4J_URI) {
    return {
      uri: NEO4J_URI,
      username: NEO4J_USERNAME,
      password: NEO4J_PASSWORD,
      source: 'env',
      stop: async () => {},
    };
  }
  if (await dockerAnswers()) return fromContainer();
  const dataDir = await mkdtemp(join(tmpdir(), 'relations-graph-test-'));
  const local = await startLocalNeo4j({ dataDir, port: await findFreePort(), log });
  return {
    uri: local.uri,
    username: 'neo4j',
    password: 'neo4j',
    source: 'local',
    async stop() {
      await local.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    const client = await Promise.race([
      getContainerRuntimeClient(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 15_000)),
    ]);
    return Boolean(client);
  } catch {
    return false;
  }
}

async function fromContainer(): Promise<TestNeo4j> {
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const password = 'test-password';
  const container = await new Neo4jContainer('neo4j:5.26-community').withPassword(password).start();
  return {
    uri: container.getBoltUri(),
    username: container.getUsername(),
    password,
    source: 'testcontainers',
    stop: async () => {
      await container.stop();
    },
  };
}
