// Three test layers: pure unit tests, integration tests on one real Neo4j for the whole run, browser tests in Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Unit tests first (fast feedback), then the tests that need Neo4j.
          sequence: { groupOrder: 0 },
          // A timeout is there to stop a test that hangs, not to time one: the property tests over whole calendars
          // and generated networks take a few seconds, and more on a loaded CI machine (one took 11 s there).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          // Integration tests on a real Neo4j and browser tests in Chromium share one database for the run.
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['test/integration/**/*.test.ts', 'test/browser/**/*.test.ts'],
          globalSetup: ['test/support/neo4jGlobalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // expect.poll waits for what a page or the server does next: Vitest's default of 1 s is two or three
          // tries at our intervals, too few on a loaded CI machine (a settled-address poll failed there). A poll
          // that succeeds returns at once, so a longer limit only slows a failing test.
          expect: { poll: { timeout: 15_000 } },
          // 2 cores: one Neo4j plus two test workers is what the machine holds comfortably.
          maxWorkers: 2,
        },
      },
    ],
  },
});
