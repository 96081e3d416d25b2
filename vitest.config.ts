import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/setup/build-once.ts'],
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two workers on the two cores CI has (vitest's default leaves one idle), and modules loaded
    // once per worker instead of once per file: no test mocks modules or stubs globals, and every
    // test builds its own runtime, so files share nothing but compiled code. Cuts the suite's CPU by a third.
    maxWorkers: 2,
    isolate: false,
    // expect.poll waits on the playground's server, whose scripted runs take seconds on a shared,
    // loaded 2-core machine; the 1 s default failed there while the same runs pass unloaded.
    expect: { poll: { timeout: 15_000 } },
  },
});
