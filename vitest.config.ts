import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Generous: browser tests share two cores with the server under test (and CI machines are noisy).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: run files two at a time; each test server listens on its own free port.
    maxWorkers: 2,
    pool: 'forks',
  },
});
