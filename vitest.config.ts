import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', '*.test.ts'],
    environment: 'node',
    // Real SQLite files and real HTTP servers: allow for a slow CI disk.
    testTimeout: 20_000,
  },
});
