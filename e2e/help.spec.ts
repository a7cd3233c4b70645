/** The help panel: the `?` button, the `?` key outside text fields and F1 anywhere. */
import { expect, test } from '@playwright/test'
import { guard, modelValue, openPage, RULE_URI } from './helpers.ts'

test('? and F1 open the help with the shortcuts and the marks; Escape closes it', async ({
  page,
}) => {
  const guards = guard(page)
  await openPage(page)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sigma Playground')

  await page.getByTestId('help-button').click()
  const panel = page.getByTestId('help-panel')
  await expect(panel).toContainText('F8 / Shift+F8')
  await expect(panel).toContainText('Colours and marks')
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  await expect(page.getByTestId('help-button')).toBeFocused()

  await page.keyboard.press('?')
  await expect(panel).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)

  // F1 from inside the rule editor opens the help, not Monaco's palette; the rule is untouched.
  const before = await modelValue(page, RULE_URI)
  await page.getByTestId('rule-editor').locator('.view-line').first().click()
  await page.keyboard.press('F1')
  await expect(panel).toBeVisible()
  await expect(page.locator('.quick-input-widget:visible')).toHaveCount(0)
  expect(await modelValue(page, RULE_URI)).toBe(before)
  guards.check()
})
