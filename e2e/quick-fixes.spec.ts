/** Quick fixes for "did you mean": `selectoin` in the condition becomes `selection`. */
import { expect, test } from '@playwright/test'
import { DEFAULT_RULE } from '../src/ui/defaults/rule.ts'
import { guard, markers, modelValue, openPage, RULE_URI, setRule } from './helpers.ts'

test('Ctrl+. on a misspelt condition identifier offers and applies the fix', async ({ page }) => {
  const guards = guard(page)
  await openPage(page)
  const broken = DEFAULT_RULE.replace('condition: selection and', 'condition: selectoin and')
  expect(broken).not.toBe(DEFAULT_RULE)
  await setRule(page, broken)
  await expect
    .poll(async () => (await markers(page, RULE_URI)).map((m) => m.message).join('\n'))
    .toContain('Did you mean `selection`?')
  const line = broken.split('\n').findIndex((l) => l.includes('selectoin')) + 1
  const column = (broken.split('\n')[line - 1] ?? '').indexOf('selectoin') + 3
  await page.evaluate(
    ([lineNumber, col]) => {
      type E = {
        getModel(): { uri: { toString(): string } } | null
        setPosition(p: { lineNumber: number; column: number }): void
        focus(): void
      }
      const m = (window as unknown as { __monaco: { editor: { getEditors(): E[] } } }).__monaco
      const editor = m.editor
        .getEditors()
        .find((e) => e.getModel()?.uri.toString() === 'file:///rule.yaml')
      editor?.setPosition({ lineNumber: lineNumber ?? 1, column: col ?? 1 })
      editor?.focus()
    },
    [line, column],
  )
  const fix = page.locator('.action-widget').getByText("Change to 'selection'")
  // The code actions are computed after the markers arrive; ask again until they are there.
  await expect(async () => {
    await page.keyboard.press('Control+.')
    await expect(fix).toBeVisible({ timeout: 3000 })
  }).toPass({ timeout: 20_000 })
  await page.keyboard.press('Enter')
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(DEFAULT_RULE)
  await expect(page.getByTestId('status')).toContainText('2 of 9 events match')
  guards.check()
})

test('Monaco’s harmless cancellations are not reported as errors; other failures still are', async ({
  page,
}) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await openPage(page)
  // Made as Monaco makes its own: an Error whose name is its message.
  await page.evaluate(() => {
    const canceled = new Error('Canceled')
    canceled.name = canceled.message
    void Promise.reject(canceled)
    setTimeout(() => {
      throw canceled
    })
  })
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)))
  expect(errors).toEqual([])
  await page.evaluate(() => void Promise.reject(new Error('a real failure')))
  await expect.poll(() => errors).toEqual([expect.stringContaining('a real failure')])
})
