/**
 * A filter hit is not a selection hit (issue 13): a filter that excluded the event is painted in
 * its own colour in the rule, the events editor and the chips, and the row says which filter
 * excluded it ("Excluded by filter_main_signed", "Excluded by filter mf_admins › selection")
 * instead of a plain "No match".
 */
import { expect, test, type Page } from '@playwright/test'
import {
  decorations,
  EVENTS_URI,
  guard,
  openPage,
  row,
  RULE_URI,
  setEvents,
  setRule,
  verdicts,
  type Guards,
} from './helpers.ts'
import { WHOAMI_WITH_FILTER } from '../test/fixtures/whoami-filter.ts'

// The rule gains a filter of its own, so that both kinds of exclusion are on screen.
const RULE = WHOAMI_WITH_FILTER.replace(
  '    condition: selection\n',
  "    filter_main_signed:\n        Signed: 'true'\n    condition: selection and not filter_main_signed\n",
)
const EVENTS = JSON.stringify([
  { Image: 'C:\\Windows\\System32\\whoami.exe', User: 'alice', Signed: 'false' },
  { Image: 'C:\\Windows\\System32\\whoami.exe', User: 'alice', Signed: 'true' },
  { Image: 'C:\\Windows\\System32\\whoami.exe', User: 'adm_bob', Signed: 'false' },
  { Image: 'C:\\Windows\\System32\\notepad.exe', User: 'alice', Signed: 'false' },
])

const chipColour = (page: Page, index: number, identifier: string) =>
  row(page, index)
    .locator(`[data-testid="identifier-chip"][data-identifier="${identifier}"]`)
    .evaluate((chip) => getComputedStyle(chip).color)

/** The class Monaco paints the line holding `text` with (whole-line decorations only). */
async function lineClass(page: Page, uri: string, text: string) {
  const painted = await decorations(page, uri)
  return painted.find((d) => d.text.includes(text) && d.className)?.className
}

let guards: Guards
test.beforeEach(({ page }) => {
  guards = guard(page)
})
test.afterEach(() => guards.check())

for (const scheme of ['light', 'dark'] as const) {
  test(`a filter hit has its own colour and verdict (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await openPage(page)
    await setRule(page, RULE)
    await setEvents(page, EVENTS)
    await expect.poll(() => verdicts(page, 4)).toEqual([true, false, false, false])
    const verdict = (i: number) => row(page, i).getByTestId('verdict')
    await expect(verdict(0)).toHaveText('Match')
    await expect(verdict(1)).toHaveText('Excluded by filter_main_signed')
    await expect(verdict(2)).toHaveText('Excluded by filter mf_admins › selection')
    await expect(verdict(3)).toHaveText('No match')

    // Chips: the filter that excluded is not painted like the selection that matched.
    const selectionHit = await chipColour(page, 0, 'selection')
    expect(await chipColour(page, 1, 'filter_main_signed')).not.toBe(selectionHit)
    expect(await chipColour(page, 2, 'mf_admins › selection')).not.toBe(selectionHit)

    // The rule: the selection that held stays a hit, the filter that excluded gets sp-excl.
    await row(page, 1).click()
    await expect.poll(() => lineClass(page, RULE_URI, 'filter_main_signed:')).toBe('sp-excl')
    expect(await lineClass(page, RULE_URI, '    selection:')).toBe('sp-hit')
    const fields = await decorations(page, EVENTS_URI)
    expect(fields.find((d) => d.text.startsWith('"Signed"'))?.inlineClassName).toBe('sp-excl')
    expect(fields.find((d) => d.text.startsWith('"Image"'))?.inlineClassName).toBe('sp-hit')
    await page.screenshot({ path: `test-results/filter-hit-${scheme}.png` })

    await row(page, 2).click()
    await expect.poll(() => lineClass(page, RULE_URI, "User|startswith: 'adm_'")).toBe('sp-excl')
  })
}
