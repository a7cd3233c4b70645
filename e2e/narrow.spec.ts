/**
 * A phone-sized screen (390 px): nothing wider than the screen, every header control (Share
 * among them) on screen, the panes stacked so events and results are reachable, and each
 * popover inside the screen.
 */
import { expect, test } from '@playwright/test'
import type { Locator } from '@playwright/test'
import { guard, openPage, row } from './helpers.ts'

const WIDTH = 390

async function onScreen(locator: Locator) {
  const box = await locator.boundingBox()
  expect(box, 'laid out').not.toBeNull()
  if (!box) return
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(WIDTH + 0.5)
}

test('at 390 px the page fits the screen and every control is reachable', async ({ page }) => {
  const guards = guard(page)
  await page.setViewportSize({ width: WIDTH, height: 844 })
  await openPage(page)
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(WIDTH)

  for (const id of ['share-button', 'options-button', 'theme-toggle', 'help-button']) {
    await expect(page.getByTestId(id)).toBeInViewport()
    await onScreen(page.getByTestId(id))
  }
  await onScreen(page.getByTestId('file-menu'))

  // The panes stack: events and results are further down the page, not off to the right.
  for (const id of ['rule-editor', 'events-editor', 'results']) {
    const pane = page.getByTestId(id)
    await pane.scrollIntoViewIfNeeded()
    await expect(pane).toBeInViewport()
    await onScreen(pane)
  }
  // Neither a pane's button nor the status line is cut: a cut status hides what the page says.
  for (const cut of [
    page.getByRole('button', { name: 'Generate from rule' }),
    page.getByTestId('status').locator('.status-message'),
  ])
    expect(
      await cut.evaluate((e) => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight),
      await cut.innerText(),
    ).toBe(true)

  await row(page, 3).click()
  await expect(row(page, 3)).toHaveAttribute('aria-selected', 'true')

  // Share stays in the header, which stays on screen while the page scrolls.
  await expect(page.getByTestId('share-button')).toBeInViewport()

  await page.getByTestId('options-button').click()
  await onScreen(page.getByTestId('options-panel'))
  await page.keyboard.press('Escape')
  await page.getByTestId('file-menu').locator('summary').click()
  await onScreen(page.getByTestId('file-menu').locator('.sp-menu-items'))
  await page.keyboard.press('Escape')
  guards.check()
})
