import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser at a time: the machine has 2 cores.
    fileParallelism: false,
    // The UI settles asynchronously (workers, IndexedDB, tfjs): assertions on the page poll
    // with expect.poll, and a loaded 2-core CI machine needs more than the 1 s default.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
