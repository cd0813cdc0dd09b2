import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Pothos loads graphql's CommonJS build; the tests must share that one instance.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // Browser tests (tests/e2e) drive the running server in Chromium against the same Neo4j.
          include: ['tests/integration/**/*.int.test.ts', 'tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
          // One Neo4j for the whole run: files take turns, each resets the graph it needs.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
