/**
 * The status line is where every message to the user shows: on a desktop window as narrow as
 * 1024 px, a notice and the evaluation summary beside it are shown whole, and the keys hint at
 * the line's end is what gives way.
 */
import { expect, test } from '@playwright/test'
import { guard, openPage } from './helpers.ts'

for (const width of [1024, 1920]) {
  test(`at ${width} px a notice and the summary beside it are not cut`, async ({ page }) => {
    const guards = guard(page)
    await page.setViewportSize({ width, height: 800 })
    await openPage(page)
    await page.getByTestId('share-button').click()
    const status = page.getByTestId('status')
    await expect(status).toContainText('Copied a link to this rule and its events')
    await expect(page.getByTestId('status-detail')).toContainText('events match')
    for (const part of [status.locator('.status-message'), page.getByTestId('status-detail')])
      expect(
        await part.evaluate((e) => e.scrollWidth <= e.clientWidth),
        await part.innerText(),
      ).toBe(true)
    guards.check()
  })
}
