/**
 * axe-core over both themes (issue 13): the first screen, a selected event, each menu, the
 * options panel, the help, the gallery and the embedded view. WCAG 2 A and AA rules; zero violations.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect, test, type Page } from '@playwright/test'
import { openPage, row, type MonacoWindow } from './helpers.ts'

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/** axe's violations, each as "rule: target (why)", so a failure names what to fix. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated through the debugger protocol, so the page's strict CSP does not stop it.
  await page.evaluate(AXE_SOURCE)
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } }
    ).axe
    const result = await axe.run({
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    })
    return result.violations
  })
  return (found as Violation[]).flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id}: ${n.target.join(' ')} (${(n.failureSummary ?? v.help).replace(/\s+/g, ' ').slice(0, 160)})`,
    ),
  )
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme })

    test('the first screen and a selected event', async ({ page }) => {
      await openPage(page)
      expect(await violations(page)).toEqual([])
      await row(page, 1).click()
      expect(await violations(page)).toEqual([])
    })

    test('the Pipeline tab with an error in the pipeline', async ({ page }) => {
      await openPage(page)
      await page.getByTestId('pipeline-tab').click()
      await expect(page.getByTestId('pipeline-editor').locator('.view-lines')).toBeVisible()
      await page.evaluate(() => {
        const monaco = (window as unknown as MonacoWindow).__monaco
        const model = monaco.editor.getModel(monaco.Uri.parse('file:///pipeline.yaml'))
        model?.setValue('name: x\ntransformations:\n  - type: field_name_mapper\n')
      })
      await expect(page.getByTestId('pipeline-note')).toContainText('1 error')
      expect(await violations(page)).toEqual([])
    })

    test('the embedded view', async ({ page }) => {
      await page.goto('/?embed')
      await expect(page.getByTestId('event-row').first()).toBeVisible({ timeout: 30_000 })
      expect(await violations(page)).toEqual([])
    })

    test('each menu, the options panel, the help and the gallery', async ({ page }) => {
      await openPage(page)
      for (const open of [
        () => page.getByTestId('file-menu').locator('summary').click(),
        () => page.getByTestId('share-menu').locator('summary').click(),
        () => page.getByTestId('options-button').click(),
        () => page.getByTestId('help-button').click(),
        () => page.getByTestId('gallery-button').click(),
      ]) {
        await open()
        expect(await violations(page)).toEqual([])
        await page.keyboard.press('Escape')
      }
    })
  })
}
