/**
 * One popover at a time: the File menu, Options, the Share menu and "Open rule from URL" close on
 * Escape and on a click outside, and opening one closes the others.
 */
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { guard, openPage } from './helpers.ts'

const isOpen = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((node) => (node as HTMLDetailsElement).open)

test('Escape and a click outside close the File menu', async ({ page }) => {
  const guards = guard(page)
  await openPage(page)
  const file = page.getByTestId('file-menu')
  await file.locator('summary').click()
  expect(await isOpen(page, 'file-menu')).toBe(true)
  await page.keyboard.press('Escape')
  await expect.poll(() => isOpen(page, 'file-menu')).toBe(false)
  await expect(file.locator('summary')).toBeFocused()

  await file.locator('summary').click()
  expect(await isOpen(page, 'file-menu')).toBe(true)
  await page.getByTestId('results').click({ position: { x: 5, y: 5 } })
  await expect.poll(() => isOpen(page, 'file-menu')).toBe(false)
  guards.check()
})

test('opening one popover closes the others', async ({ page }) => {
  await openPage(page)
  await page.getByTestId('file-menu').locator('summary').click()
  await page.getByTestId('options-button').click()
  await expect(page.getByTestId('options-panel')).toBeVisible()
  await expect.poll(() => isOpen(page, 'file-menu')).toBe(false)

  await page.getByTestId('share-menu').locator('summary').click()
  await expect.poll(() => isOpen(page, 'share-menu')).toBe(true)
  await expect(page.getByTestId('options-panel')).toHaveCount(0)

  await page.keyboard.press('Escape')
  await expect.poll(() => isOpen(page, 'share-menu')).toBe(false)
})

test('Escape and a click outside close "Open rule from URL"', async ({ page }) => {
  await openPage(page)
  await page.getByTestId('file-menu').locator('summary').click()
  await page.getByTestId('open-url').click()
  await expect(page.getByTestId('open-url-dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('open-url-dialog')).toHaveCount(0)

  await page.getByTestId('file-menu').locator('summary').click()
  await page.getByTestId('open-url').click()
  await expect(page.getByTestId('open-url-dialog')).toBeVisible()
  await page.mouse.click(5, 400)
  await expect(page.getByTestId('open-url-dialog')).toHaveCount(0)
})
