import { defineConfig } from '@playwright/test'

// Debian's chromium, started with flags that keep it from reaching for the network.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

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
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
  },
})
