// Vitest: unit tests in parallel with no database; integration and browser tests one file at a time against one real Neo4j.

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Starts (or, with NEO4J_URI set, borrows) the one Neo4j the database-backed projects share; see the file. */
const NEO4J_SETUP = './test/setup/neo4j.ts';

/** Settings of the projects that talk to Neo4j: they share its data, so their files must not overlap in time. */
const databaseProject = {
  globalSetup: [NEO4J_SETUP],
  // One file at a time (vitest runs these after the parallel unit tests, in a single worker).
  fileParallelism: false,
  testTimeout: 60_000,
  // beforeAll hooks may ingest articles or launch Chromium.
  hookTimeout: 120_000,
};

export default defineConfig({
  // vite.config.ts is for the client build; tests only need its JSX handling.
  plugins: [react()],
  test: {
    // The default report, then one plain "Tests: N passed, N failed, N skipped" line for CI logs.
    reporters: ['default', './test/setup/summary-reporter.ts'],
    // Stopping Neo4j checkpoints the store; give teardown more than the default 10 s on a busy machine.
    teardownTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'] },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], ...databaseProject },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['test/browser/**/*.test.ts'], ...databaseProject },
      },
    ],
  },
});
