import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/electron/**/*.test.ts'],
    environment: 'node',
    // A limit for a hung test, not a timing check: generous, because the 2-core machine is shared and loaded.
    testTimeout: 120_000,
    pool: 'threads',
  },
});
