/**
 * axe-core over both themes (issue 13): the first screen, a selected event, each menu, the
 * options panel, the help, the gallery and the embedded view. WCAG 2 A and AA rules; zero violations.
 */
import { expect, test } from '@playwright/test'
import { violations } from './axe.ts'
import { modelValue, openPage, row, RULE_URI, setRule, type MonacoWindow } from './helpers.ts'

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

    test('a selected row that an edit made stop matching (the "lost" mark)', async ({ page }) => {
      await openPage(page)
      const rule = await modelValue(page, RULE_URI)
      await setRule(page, rule.replace("'\\rundll32.exe'", "'\\nothing.exe'"))
      await row(page, 0).click()
      await expect(row(page, 0).locator('.row-mark-lost')).toBeVisible()
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
