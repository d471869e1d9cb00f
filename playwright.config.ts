import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/browser.js';

/**
 * The browser journeys: the real system (API serving the built portal, worker, PostgreSQL, queues, SMTP sink)
 * is started ONCE by e2e/global-setup.ts; journeys run one at a time, after the Jest suites (`npm test`).
 * No retries and no fixed waits: a flaky journey is a bug.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.journey.ts',
  globalSetup: './e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 300_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  // Moving the system clock forward lets the worker close the demo data's open call for good (statuses are moved
  // by the clock, not back). So journeys that rely on the demo data run first, then the remedy journey (it moves the
  // clock past the open call's deadline), then the journeys that make their own calls and move the clock far ahead.
  projects: [
    { name: 'demo-data', testIgnore: /(remedy|commission|staff|agreements)\.journey\.ts$/ },
    { name: 'remedy', testMatch: /remedy\.journey\.ts$/, dependencies: ['demo-data'] },
    { name: 'own-calls', testMatch: /(commission|staff|agreements)\.journey\.ts$/, dependencies: ['remedy'] },
  ],
  outputDir: 'artifacts/test-results',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 800 },
    locale: 'cs-CZ',
    timezoneId: 'Europe/Prague',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
});
