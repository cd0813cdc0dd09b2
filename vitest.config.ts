import { defineConfig } from 'vitest/config';

// One NEO4J_URI is one Neo4j for every file: then the integration files take turns on it.
const sharedNeo4j = Boolean(process.env.NEO4J_URI);

// The test JVMs (each worker's Neo4j, and those tests start, stop and kill) live for minutes at
// most: the client compiler alone starts them faster on two busy cores, and C2's later speed-up
// does not pay back its compile time (tests/README.md, "Speed"). Inherited by every process the
// tests spawn; a JDK_JAVA_OPTIONS already set wins.
process.env.JDK_JAVA_OPTIONS ??= '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

export default defineConfig({
  // Pothos loads graphql's CommonJS build; the tests must share that one instance.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    // Two workers, for unit and integration files alike: while one file waits on Neo4j, a JVM
    // start or a browser, the other runs. Both projects share the pool, so unit files fill gaps.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Unit files share a worker's module cache: each file no longer imports the server anew
          // (most of the unit run's time). They set no module state; a mock is restored by its test.
          isolate: false,
          // A few unit files read every generated scale or start an HTTP server: on a loaded
          // machine they pass 5 s, which says nothing about them.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // Browser tests (tests/e2e) drive the running server in Chromium against the same Neo4j.
          include: ['tests/integration/**/*.int.test.ts', 'tests/e2e/**/*.e2e.test.ts'],
          // One Neo4j per worker (tests/helpers/worker-neo4j.ts): each file resets the graph it needs.
          globalSetup: ['tests/helpers/global-setup.ts'],
          fileParallelism: !sharedNeo4j,
          testTimeout: 60_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
