/**
 * The gallery: opened from the header or from `#gallery`, an example opens over the user's
 * work with the real engine's verdicts, and the set-aside work comes back from the banner.
 */
import { expect, test } from '@playwright/test'
import { EVENTS_URI, guard, modelValue, openPage, RULE_URI, setRule, verdicts } from './helpers.ts'

test('an example opens over a draft, shows its verdicts, and the draft comes back', async ({
  page,
}) => {
  const guards = guard(page)
  await openPage(page)
  const draft =
    'title: my own draft\nlogsource: {product: windows}\ndetection:\n    sel:\n        A: b\n    condition: sel\n'
  await setRule(page, draft)
  await expect(page.getByTestId('rule-title')).toHaveText('my own draft')

  await page.getByTestId('gallery-button').click()
  const gallery = page.getByTestId('gallery')
  await expect(gallery).toBeVisible()
  await expect(page.getByTestId('gallery-item')).not.toHaveCount(0)
  // Each card shows its title and what it teaches, uncut (header button styles once hid it).
  const card = gallery.locator('[data-testid="gallery-item"][data-example="cidr"]')
  const explain = card.locator('.sp-gallery-explain')
  await expect(explain).toContainText('network')
  expect(await explain.evaluate((e) => e.getBoundingClientRect().height)).toBeGreaterThan(12)
  expect(await card.evaluate((e) => e.scrollHeight <= e.clientHeight)).toBe(true)
  await card.click()
  await expect(gallery).toBeHidden()

  await expect(page.getByTestId('rule-title')).toHaveText('Address ranges')
  expect(await modelValue(page, RULE_URI)).toMatch(
    /^# cidr: address ranges\n# A \|cidr value is a network/,
  )
  expect(await modelValue(page, EVENTS_URI)).toContain('10.255.255.255')
  expect(await verdicts(page, 3)).toEqual([true, false, false])

  await page
    .getByRole('button', { name: /restore/i })
    .first()
    .click()
  await expect(page.getByTestId('rule-title')).toHaveText('my own draft')
  expect(await modelValue(page, RULE_URI)).toBe(draft)
  guards.check()
})

test('#gallery in the address opens the gallery; Escape closes it and leaves the work alone', async ({
  page,
}) => {
  const guards = guard(page)
  await openPage(page, '/#gallery')
  const gallery = page.getByTestId('gallery')
  await expect(gallery).toBeVisible()
  await expect(page.getByTestId('status')).not.toContainText(/not a .*share link/i)
  await expect(gallery.locator('[data-example="wide-base64offset"]')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(gallery).toBeHidden()
  await expect(page.getByTestId('rule-title')).toHaveText('Rundll32 Internet Connection')
  expect(new URL(page.url()).hash).not.toBe('#gallery')
  guards.check()
})

test('each example in one topic opens with the verdicts the engine gives in the page', async ({
  page,
}) => {
  await openPage(page)
  for (const [id, expected] of [
    ['list-is-or', [true, true, false]],
    ['not-one-of-filters', [true, false, false]],
    ['filter-document', [true, false]],
  ] as const) {
    await page.getByTestId('gallery-button').click()
    await page.locator(`[data-testid="gallery-item"][data-example="${id}"]`).click()
    await expect.poll(() => verdicts(page, expected.length)).toEqual(expected)
  }
})
