import { defineConfig } from 'vitest/config';

/**
 * Two groups. Unit tests run first, files in parallel. End-to-end tests (`*-e2e.test.ts`: real
 * services under load, real profilers attached by pid, the bundled Action) run after them, one
 * file at a time: a capture measures the machine it runs on, and another test file's load on the
 * same two cores made perf captures of one service differ by tens of points from one capture to
 * the next.
 */
const E2E = ['test/**/*-e2e.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: E2E },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
