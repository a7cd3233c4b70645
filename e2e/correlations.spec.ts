/**
 * Correlation documents in the page (issue 9): a correlation fires and the timeline shows its
 * window; a chain of two correlations fires; a group that does not fire says why; events
 * without a usable time are counted; the timeline selects rows, works by keyboard, reads the
 * time field from Options, and passes axe in both themes.
 */
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { violations } from './axe.ts'
import { guard, openPage, row, setEvents, setRule, type Guards } from './helpers.ts'

const CHAIN = readFileSync('src/examples/correlation-chain.yml', 'utf8')
const CHAIN_EVENTS = readFileSync('src/examples/correlation-chain.events.json', 'utf8')
const OUTER = 'Correlation - Multiple Failed Logins Followed by Successful Login'
const INNER_ONLY = CHAIN.split('---\n').slice(1).join('---\n')

const alert = (page: Page, correlation: string, group: string) =>
  page.locator(
    `[data-testid="correlation-alert"][data-correlation="${correlation}"][data-group="${group}"]`,
  )
const group = (page: Page, correlation: string, key: string) =>
  page.locator(
    `[data-testid="timeline-group"][data-correlation="${correlation}"][data-group="${key}"]`,
  )

let guards: Guards
test.beforeEach(async ({ page }) => {
  guards = guard(page)
  await openPage(page)
})
test.afterEach(() => guards.check())

test('a correlation fires and the timeline shows the window', async ({ page }) => {
  await setRule(page, INNER_ONLY)
  await setEvents(page, CHAIN_EVENTS)
  const timeline = page.getByTestId('timeline')
  await expect(timeline).toBeVisible()
  await expect(alert(page, 'multiple_failed_login', 'User=bob')).toHaveCount(1)
  await expect(alert(page, 'multiple_failed_login', 'User=bob')).toBeVisible()
  // The window holds bob's ten failures: they are drawn inside it.
  const bob = group(page, 'multiple_failed_login', 'User=bob')
  await expect(bob.locator('[data-testid="timeline-event"].in-window')).toHaveCount(10)
  await expect(page.getByTestId('status')).toContainText('1 correlation alert')
  // Clicking an event in the timeline selects its row.
  await bob.locator('[data-testid="timeline-event"][data-event="3"]').click()
  await expect(row(page, 3)).toHaveAttribute('aria-selected', 'true')
})

test('a chain of two correlations fires', async ({ page }) => {
  await setRule(page, CHAIN)
  await setEvents(page, CHAIN_EVENTS)
  await expect(alert(page, 'multiple_failed_login', 'User=bob')).toHaveCount(1)
  await expect(alert(page, OUTER, 'User=bob')).toHaveCount(1)
  await expect(page.getByTestId('status')).toContainText('2 correlation alerts')
  await expect(page.getByTestId('timeline-summary')).toContainText('2 alerts')
})

test('a group that does not fire says why', async ({ page }) => {
  await setRule(page, CHAIN)
  await setEvents(page, CHAIN_EVENTS)
  const alice = group(page, 'multiple_failed_login', 'User=alice')
  await expect(alice).toHaveAttribute('data-fired', 'false')
  await expect(alice.getByTestId('correlation-why')).toHaveText(
    'Why not: count 7 of 10 within 10m at best; the condition is gte 10',
  )
  await expect(group(page, OUTER, 'User=alice').getByTestId('correlation-why')).toContainText(
    'no event of `multiple_failed_login` in this group',
  )
  await expect(alert(page, 'multiple_failed_login', 'User=alice')).toHaveCount(0)
})

test('events without a usable time are counted, and the time field option reads another', async ({
  page,
}) => {
  const events = (JSON.parse(CHAIN_EVENTS) as Record<string, unknown>[]).map((e, i) => ({
    ...(i === 11 ? {} : { when: e['@timestamp'] }),
    EventID: e.EventID,
    User: e.User,
  }))
  await setRule(page, CHAIN)
  await setEvents(page, JSON.stringify(events, null, 1))
  await expect(page.getByTestId('timeline-untimed')).toContainText('19 events left out')
  await expect(page.getByTestId('status')).toContainText('19 events without a usable time')
  await page.getByTestId('options-button').click()
  await page.getByTestId('option-time-field').fill('when')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('timeline-untimed')).toContainText('1 event left out')
  await expect(page.getByTestId('timeline-untimed')).toContainText('#11: it has no when field')
  await expect(alert(page, OUTER, 'User=bob')).toHaveCount(1)
})

test('the timeline works by keyboard alone', async ({ page }) => {
  await setRule(page, INNER_ONLY)
  await setEvents(page, CHAIN_EVENTS)
  const first = group(page, 'multiple_failed_login', 'User=bob').getByTestId('timeline-event')
  await expect(first.first()).toBeVisible()
  await first.first().focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(first.nth(2)).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(row(page, 2)).toHaveAttribute('aria-selected', 'true')
  // One tab stop per track: Tab leaves the track.
  await page.keyboard.press('Tab')
  await expect(first.nth(3)).not.toBeFocused()
})

test('gallery examples open with their timeline; where pySigma and the spec differ, it says so', async ({
  page,
}) => {
  for (const [id, correlation] of [
    ['correlation-temporal-ordered', 'correlation_temporal_ordered'],
    ['correlation-value-median', 'correlation_value_median'],
  ] as const) {
    await page.getByTestId('gallery-button').click()
    await page.locator(`[data-testid="gallery-item"][data-example="${id}"]`).click()
    await expect(alert(page, correlation, 'User=bob')).toHaveCount(1)
    await expect(
      group(page, correlation, 'User=alice').getByTestId('correlation-why'),
    ).toBeVisible()
  }
  const notes = page.getByTestId('timeline-notes')
  await expect(notes).toContainText('`value_median` is a pySigma extension')
  await expect(page.locator('.timeline-badge', { hasText: 'value_median' })).toHaveAttribute(
    'title',
    /pySigma extension/,
  )
})

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme })
    test('the timeline has no axe violations', async ({ page }) => {
      await setRule(page, CHAIN)
      await setEvents(page, CHAIN_EVENTS)
      await expect(alert(page, OUTER, 'User=bob')).toHaveCount(1)
      expect(await violations(page)).toEqual([])
    })
  })
}
