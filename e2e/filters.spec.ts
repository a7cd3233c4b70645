/**
 * Sigma filter documents in the page: a filter after the rule (YAML `---`) excludes an event,
 * and the result row names the filter and its identifier.
 */
import { expect, test } from '@playwright/test'
import {
  TWO_RULES_EVENTS,
  TWO_RULES_FILTER_SECOND,
  WHOAMI_WITH_FILTER,
} from '../test/fixtures/whoami-filter.ts'
import { violations } from './axe.ts'
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

for (const scheme of ['light', 'dark'] as const)
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme })
    test("several rules in one text: each row shows every rule's verdict, with counts per rule", async ({
      page,
    }) => {
      await setRule(page, TWO_RULES_FILTER_SECOND)
      await setEvents(page, TWO_RULES_EVENTS)
      await expect.poll(() => verdicts(page, 4)).toEqual([true, false, false, false])
      const chip = (index: number, rule: string) =>
        row(page, index).locator(`[data-testid="rule-verdict"][data-rule="${rule}"]`)
      const expected: [number, boolean, boolean][] = [
        [0, true, false],
        [1, false, true],
        // The filter applies to hostname_run only: the admin's hostname run is excluded.
        [2, false, false],
        [3, false, false],
      ]
      for (const [index, whoami, hostname] of expected) {
        await expect(chip(index, 'whoami_run')).toHaveAttribute('data-match', String(whoami))
        await expect(chip(index, 'hostname_run')).toHaveAttribute('data-match', String(hostname))
      }
      await expect(chip(1, 'hostname_run')).toContainText('Hostname')
      const counts = page.getByTestId('rule-count')
      await expect(counts).toHaveCount(2)
      await expect(
        page.locator('[data-testid="rule-count"][data-rule="hostname_run"]'),
      ).toHaveAttribute('data-count', '1')
      // No warning that the filter applies to nothing, nor that only the first rule is evaluated.
      await expect(page.getByTestId('status')).not.toContainText('applies to nothing')
      await expect(page.getByTestId('status')).not.toContainText('only the first rule')
      expect(await violations(page)).toEqual([])
    })
  })
