import { spawn } from 'node:child_process'
import { chromium } from '@playwright/test'
import { chromiumArgs } from './playwright.config.ts'
import { RULESET_EVENTS, RULESET_FILES } from './test/fixtures/ruleset-rules.ts'
import { writeZip } from './test/ui/rulesets/zip-writer.ts'

const port = 5212
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true })
await new Promise((r) => setTimeout(r, 3000))
const zip = Buffer.from(writeZip(Object.entries(RULESET_FILES).map(([p, t]) => ({ name: `rules/${p}`, content: t }))))
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs })
const HEIGHT: Record<number, number> = { 1920: 1080, 1024: 768, 390: 844 }
try {
  for (const width of [1920, 1024, 390])
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height: HEIGHT[width] ?? 800 }, colorScheme: scheme })
      await page.goto(`http://127.0.0.1:${port}/`)
      await page.getByTestId('event-row').first().waitFor({ timeout: 30_000 })
      await page.getByTestId('events-editor').locator('.view-line').first().waitFor({ timeout: 30_000 })
      await page.waitForFunction(() => Boolean((window as any).__monaco?.editor.getModel((window as any).__monaco.Uri.parse('file:///events.json'))))
      await page.evaluate((t) => {
        const m = (window as any).__monaco
        m.editor.getModel(m.Uri.parse('file:///events.json')).setValue(t)
      }, RULESET_EVENTS)
      await page.getByTestId('file-menu').locator('summary').click()
      if (width === 1920) await page.screenshot({ path: `/tmp/rs-shots/${width}-${scheme}-menu.png` })
      await page.getByTestId('open-ruleset').click()
      await page.screenshot({ path: `/tmp/rs-shots/${width}-${scheme}-choose.png` })
      await page.getByTestId('ruleset-file-input').setInputFiles({ name: 'rules.zip', mimeType: 'application/zip', buffer: zip })
      await page.getByTestId('ruleset-rule').first().waitFor()
      await page.getByTestId('ruleset-errors').locator('summary').click()
      await page.screenshot({ path: `/tmp/rs-shots/${width}-${scheme}-results.png` })
      await page.getByTestId('ruleset-rule').nth(1).click()
      await page.waitForTimeout(800)
      await page.screenshot({ path: `/tmp/rs-shots/${width}-${scheme}-opened.png` })
      await page.close()
    }
} finally {
  await browser.close()
  process.kill(-server.pid!)
}
