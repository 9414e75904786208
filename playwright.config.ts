import { defineConfig } from '@playwright/test';

// Each test launches its own Chromium with the built extension (see test/e2e/fixtures.ts).
export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  timeout: 45_000,
  expect: { timeout: 7_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
  use: {
    // Tracing records every action and DOM snapshot of every test, a large share of the suite's CPU
    // on a 2-core machine; turn it on to investigate a failure: ADMIN_LENS_TRACE=1 npx playwright test
    trace: process.env.ADMIN_LENS_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
  },
});
