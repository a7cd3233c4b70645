/**
 * Sigma filter documents in the page: a filter after the rule (YAML `---`) excludes an event,
 * and the result row names the filter and its identifier.
 */
import { expect, test } from '@playwright/test'
import { WHOAMI_WITH_FILTER } from '../test/fixtures/whoami-filter.ts'
import { guard, openPage, row, setEvents, setRule, verdicts, type Guards } from './helpers.ts'

const RULE = WHOAMI_WITH_FILTER
const EVENTS = JSON.stringify([
  { Image: 'C:\\Windows\\System32\\whoami.exe', User: 'alice' },
  { Image: 'C:\\Windows\\System32\\whoami.exe', User: 'adm_bob' },
])

let guards: Guards
test.beforeEach(async ({ page }) => {
  guards = guard(page)
  await openPage(page)
})
test.afterEach(() => guards.check())

test('a filter document excludes an event and the row names the filter', async ({ page }) => {
  await setRule(page, RULE)
  await setEvents(page, EVENTS)
  await expect.poll(() => verdicts(page, 2)).toEqual([true, false])
  const chip = row(page, 1).locator(
    '[data-testid="identifier-chip"][data-identifier="mf_admins › selection"]',
  )
  await expect(chip).toHaveAttribute('data-value', 'true')
  await expect(row(page, 1)).toContainText('mf_admins › selection')
})
