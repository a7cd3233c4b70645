// Screenshots of the built page (`npx vite build` first) at four widths in both themes, for
// looking at the layout; `--readme` also refreshes docs/screenshot.png (1440 px, light).
// Usage: npx tsx scripts/screenshots.mjs OUT_DIR [--readme] (tsx: it reads playwright.config.ts)
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { chromiumArgs, executablePath } from '../playwright.config.ts'

// Common screens of each width: a desktop, a laptop, a tablet in landscape, a phone.
const HEIGHT = { 1920: 1080, 1280: 800, 1024: 768, 390: 844 }
const out = process.argv[2] ?? 'screenshots'
const readme = process.argv.includes('--readme')
const port = Number(process.env.PW_PORT ?? 4199)
mkdirSync(out, { recursive: true })

const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  {
    stdio: 'ignore',
    detached: true,
  },
)
const stop = () => {
  try {
    process.kill(-server.pid)
  } catch {
    // the server had already stopped
  }
}
try {
  await waitFor(`http://127.0.0.1:${port}/`)
  const browser = await chromium.launch({
    executablePath,
    args: chromiumArgs,
  })
  const shots = [1920, 1280, 1024, 390].flatMap((width) =>
    ['light', 'dark'].map((scheme) => ({
      width,
      scheme,
      file: join(out, `${width}-${scheme}.png`),
    })),
  )
  if (readme) shots.push({ width: 1440, scheme: 'light', file: 'docs/screenshot.png' })
  for (const { width, scheme, file } of shots) {
    const page = await browser.newPage({
      viewport: { width, height: HEIGHT[width] ?? 800 },
      colorScheme: scheme,
    })
    await page.goto(`http://127.0.0.1:${port}/`)
    await page.getByTestId('event-row').first().waitFor({ timeout: 30_000 })
    // The second event: a true positive, so the rule and the event are painted.
    await page
      .getByTestId('event-row')
      .nth(1)
      .click({ timeout: 5_000 })
      .catch((e) => console.error(`${file}: ${e.message.split('\n')[0]}`))
    // Selecting scrolls the stacked phone layout; the shot shows the top, as a visitor sees it.
    await page.evaluate('window.scrollTo(0, 0)')
    await page.waitForTimeout(500)
    await page.screenshot({ path: file })
    await page.close()
    console.log(file)
  }
  await browser.close()
} finally {
  stop()
}

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`no server at ${url}`)
}
