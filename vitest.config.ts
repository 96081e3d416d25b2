import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/setup/build-once.ts'],
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // expect.poll waits on the playground's server, whose scripted runs take seconds on a shared,
    // loaded 2-core machine; the 1 s default failed there while the same runs pass unloaded.
    expect: { poll: { timeout: 15_000 } },
  },
});
