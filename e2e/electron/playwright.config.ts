import { defineConfig } from '@playwright/test'

/**
 * The Electron shell suite: it drives the built app (out/main/index.js), so
 * `npm run build` comes first. Where no Electron binary is installed every
 * test is skipped with a plain reason and the run still passes.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Each test starts its own app with its own profile; one at a time keeps windows from fighting for focus.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalSetup: './announceSkip.ts',
  outputDir: '../../test-results/electron',
  use: { trace: 'retain-on-failure' },
})
