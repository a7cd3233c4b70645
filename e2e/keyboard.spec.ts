/**
 * Keyboard use: Tab leaves the editors by default (a stray Tab used to indent line 1 and break
 * the rule), the status bar says so and switches it, and undo restores an indented rule.
 */
import { expect, test } from '@playwright/test'
import { guard, modelValue, openPage, RULE_URI } from './helpers.ts'

test('Tab moves focus out of the rule editor and leaves the rule alone', async ({ page }) => {
  const guards = guard(page)
  await openPage(page)
  const before = await modelValue(page, RULE_URI)
  await page.getByTestId('rule-editor').locator('.view-line').first().click()
  await page.keyboard.press('Home')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  expect(await modelValue(page, RULE_URI)).toBe(before)
  const focusedInRule = await page.evaluate(() =>
    Boolean(document.activeElement?.closest('[data-testid="rule-editor"]')),
  )
  expect(focusedInRule).toBe(false)
  await expect(page.getByTestId('tab-mode')).toContainText('Tab moves focus')
  await expect(page.getByTestId('event-row').first()).toBeVisible()
  guards.check()
})

test('the switch makes Tab indent, and undo takes the indent back', async ({ page }) => {
  const guards = guard(page)
  await openPage(page)
  const before = await modelValue(page, RULE_URI)
  await page.getByTestId('tab-mode').click()
  await expect(page.getByTestId('tab-mode')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('status')).toContainText('Tab indents')
  // The evaluation's summary shows beside the answer to the click, never over it.
  await expect(page.getByTestId('status')).toContainText(/\d+ of \d+ events? match/)
  await expect(page.getByTestId('status')).toContainText('Tab indents')
  await page.getByTestId('rule-editor').locator('.view-line').first().click()
  await page.keyboard.press('Home')
  await page.keyboard.press('Tab')
  await expect.poll(() => modelValue(page, RULE_URI)).not.toBe(before)
  await page.keyboard.press('Control+z')
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(before)
  // Ctrl+M inside the editor switches back.
  await page.keyboard.press('Control+m')
  await expect(page.getByTestId('tab-mode')).toHaveAttribute('aria-pressed', 'false')
  await expect(page.getByTestId('status')).toContainText('Tab moves focus')
  guards.check()
})
