import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { provideTestNeo4j } from './neo4j-source.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; username: string; password: string };
  }
}

/** Provides one Neo4j to every integration test file, and stops it after the run. */
export default async function setup(project: TestProject) {
  const neo4j = await provideTestNeo4j((line) => {
    if (process.env.DEBUG_NEO4J) console.log(`[neo4j] ${line}`);
  });
  console.log(`integration tests use Neo4j from ${neo4j.source} at ${neo4j.uri}`);
  project.provide('neo4j', { uri: neo4j.uri, username: neo4j.username, password: neo4j.password });
  return async () => neo4j.stop();
}
