import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Generous: browser tests share two cores with the server under test (and CI machines are noisy).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Files run side by side, one per core (two at least, four at most: each browser test runs a
    // server and Chromium); each test server listens on its own free port.
    maxWorkers: Math.max(2, Math.min(4, availableParallelism())),
    pool: 'forks',
  },
});
