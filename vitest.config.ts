import { defineConfig } from 'vitest/config';

// Property tests and store suites do real work; on a loaded 2-core CI machine the 5 s default is
// too tight. Browser tests live under test/browser/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
