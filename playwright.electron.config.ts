import { defineConfig } from '@playwright/test';

/**
 * The Electron smoke test (test/electron): launches the real desktop app with Playwright's
 * _electron. Where the Electron binary is absent (no download possible), it skips, loudly.
 */
export default defineConfig({
  testDir: 'test/electron',
  testMatch: '*.spec.ts',
  outputDir: 'test-results/electron',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
});
