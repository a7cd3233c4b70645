import { defineConfig } from '@playwright/test'

/**
 * Chromium obeys only the last --disable-features it is given, and Playwright gives its own list
 * first, so ours repeats Playwright 1.65's and adds the omnibox popup: Chromium 156 loads that
 * popup's page in a renderer of its own for every new window, that is, for every browser
 * context. On two cores it took CPU from the page under test (first load 2.4 s with it, 1.4 s
 * without); a user's browser loads it once, not with each page.
 */
const disabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
]

// Debian's chromium, started with flags that keep it from reaching for the network.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${disabledFeatures.join(',')}`,
]

export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// Another port lets a second checkout run its tests beside this one.
const port = Number(process.env.PW_PORT ?? 4173)

export default defineConfig({
  testDir: 'e2e',
  // A bound for a hung test, not a speed check: the tests storing megabytes take ~10 s here and
  // took up to 37 s on a loaded CI machine running two at once.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  // The corpus reporter says once, at the end, what skipped for want of the SigmaHQ corpus.
  reporter: [
    ['list'],
    ['./e2e/corpus-skip-reporter.ts'],
    ...(process.env.PW_JSON_OUTPUT
      ? [['json', { outputFile: process.env.PW_JSON_OUTPUT }] as const]
      : []),
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath,
      args: chromiumArgs,
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
  },
})
