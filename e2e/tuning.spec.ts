/**
 * The tuning loop end to end: the scripted run (a rule, 2,000 events of which 300 are false
 * positives of two kinds; mark three, suggest, insert; the false positives are gone and every
 * true positive still matches), plus the view, search, top values and what-if on the way.
 */
import { expect, test } from '@playwright/test'
import { scenario, scenarioJson, TUNING_RULE } from '../test/fixtures/tuning-scenario.ts'
import type { Page } from '@playwright/test'
import { contextAction, guard, modelValue, row, RULE_URI, setEvents, setRule } from './helpers.ts'
import { storedDraft, waitForModels } from './share-helpers.ts'

const EVENTS = scenario(2000)

// Two cores shared by many test runs: the editors can take far longer than usual to appear.
test.setTimeout(240_000)

async function openPage(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page.getByTestId('event-row').first()).toBeVisible({ timeout: 120_000 })
  await waitForModels(page, 120_000)
}

test('scripted tuning run: mark three false positives, suggest, insert', async ({ page }) => {
  const guards = guard(page)
  await openPage(page)
  await setRule(page, TUNING_RULE)
  await setEvents(page, scenarioJson(2000))
  await expect(page.getByTestId('count-events')).toHaveText('2,000')
  await expect(page.getByTestId('count-matches')).toHaveText('700')

  // Find: the matches, and what they have in common.
  await page.locator('[data-testid="view-mode"][data-mode="matches"]').click()
  await expect(page.getByTestId('view-count')).toHaveAttribute('data-count', '700')
  await page.getByTestId('top-values').locator('summary').click()
  const agent = page.locator(
    '[data-testid="top-value"][data-field="ParentImage"][data-value="C:\\\\Program Files\\\\Contoso\\\\Agent\\\\contoso-agent.exe"]',
  )
  await expect(agent).toHaveAttribute('data-count', '200')

  // Mark three false positives: two of the agent's, one of the backup tool's.
  await page.getByTestId('results-search').fill('contoso-agent')
  await expect(page.getByTestId('view-count')).toHaveAttribute('data-count', '200')
  for (const index of [3, 13]) {
    const mark = row(page, index).getByTestId('expect')
    await mark.click()
    await mark.click()
    await expect(mark).toHaveAttribute('data-expect', 'nomatch')
  }
  await page.getByTestId('results-search').fill('fbk-scheduler')
  await row(page, 7).click()
  await page.getByRole('listbox', { name: 'Events and verdicts' }).press('n')
  await expect(row(page, 7).getByTestId('expect')).toHaveAttribute('data-expect', 'nomatch')
  await expect(page.getByTestId('confusion')).toHaveAttribute('data-fp', '3')

  await page.getByTestId('suggest-filter').click()
  const proposal = page.getByTestId('filter-proposal')
  await expect(proposal).toHaveAttribute('data-removed', '300')
  await expect(proposal).toContainText(
    "ParentImage|endswith: '\\Program Files\\Contoso\\Agent\\contoso-agent.exe'",
  )
  await page.getByTestId('apply-filter').click()

  await expect(page.getByTestId('count-matches')).toHaveText('400')
  const rule = await modelValue(page, RULE_URI)
  expect(rule).toContain(
    'condition: selection and not 1 of filter_main_* and not 1 of filter_optional_*',
  )
  expect(rule).toContain('    # Explorer starts shells all day long.\n')
  await expect(page.getByTestId('confusion')).toHaveAttribute('data-tn', '3')
  // Every true positive still matches, and only they do.
  await page.getByTestId('results-search').fill('')
  await page.locator('[data-testid="view-mode"][data-mode="matches"]').click()
  await expect(page.getByTestId('view-count')).toHaveAttribute('data-count', '400')
  const shown = await page
    .getByTestId('event-row')
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-index'))))
  for (const index of shown) expect(EVENTS[index]?.kind).toBe('tp')
  // The baseline (the rule when the events were loaded) counts the change as 300 lost.
  await expect(page.getByTestId('baseline-summary')).toHaveAttribute('data-lost', '300')
  await page.screenshot({ path: 'test-results/tuning-run.png' })
  guards.check()
})

test('marks survive a reload and travel in a share link, and a reload is no exercise', async ({
  page,
  browser,
}) => {
  const guards = guard(page)
  await openPage(page)
  await row(page, 1).getByTestId('expect').click() // should match
  await row(page, 2).getByTestId('expect').click()
  await row(page, 2).getByTestId('expect').click() // should not match
  await expect(row(page, 2).getByTestId('expect')).toHaveAttribute('data-expect', 'nomatch')
  // After the autosave pause the draft holds both marks; the address bar is written with it.
  await expect.poll(() => storedDraft(page)).toContain('nomatch')
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#v1\//)
  const link = page.url()
  await page.reload()
  await expect(row(page, 1).getByTestId('expect')).toHaveAttribute('data-expect', 'match', {
    timeout: 60_000,
  })
  await expect(row(page, 2).getByTestId('expect')).toHaveAttribute('data-expect', 'nomatch')
  await expect(page.getByTestId('exercise')).toHaveCount(0)

  // A fresh browser opening the link gets the marks, as a goal to meet (an exercise).
  const other = await browser.newPage()
  await other.goto(link)
  await expect(other.getByTestId('event-row').first()).toBeVisible({ timeout: 60_000 })
  await expect(row(other, 1).getByTestId('expect')).toHaveAttribute('data-expect', 'match')
  await expect(row(other, 2).getByTestId('expect')).toHaveAttribute('data-expect', 'nomatch')
  await expect(other.getByTestId('exercise')).toBeVisible()
  await other.close()
  guards.check()
})

test("an empty value in the top values reads as '' and filters out as one", async ({ page }) => {
  const guards = guard(page)
  await openPage(page)
  await page.getByTestId('top-values').locator('summary').click()
  const empty = page.locator(
    '[data-testid="top-value"][data-field="DestinationHostname"][data-value=""]',
  )
  await expect(empty.locator('.top-value-text')).toHaveText("''")
  await empty.getByTestId('filter-out-value').click()
  await expect(page.getByTestId('status')).toContainText('filter_optional_destinationhostname')
  expect(await modelValue(page, RULE_URI)).toContain("DestinationHostname: ''")
  await expect(page.getByTestId('count-matches')).toHaveText('0')
  guards.check()
})

test("the events editor's Filter out works on the first screen's JSON array", async ({ page }) => {
  const guards = guard(page)
  await openPage(page)
  await expect(row(page, 0)).toHaveAttribute('data-match', 'true')
  // Event 0's SourceHostname; the array's next character is a comma, not part of the event.
  await contextAction(page, 0, 'WS-FIN-0142', 'Filter out events with this value')
  await expect
    .poll(() => modelValue(page, RULE_URI))
    .toContain("SourceHostname: 'WS-FIN-0142.corp.example.com'")
  await expect(row(page, 0)).toHaveAttribute('data-match', 'false')
  guards.check()
})

test("the events editor's Filter out names a Splunk export's field as rules do", async ({
  page,
}) => {
  const guards = guard(page)
  await openPage(page)
  await setRule(
    page,
    [
      'title: Network logon',
      'logsource: { product: windows, service: security }',
      'detection:',
      '  selection:',
      '    EventID: 4624',
      '    LogonType: 3',
      '  condition: selection',
    ].join('\n'),
  )
  const line = (user: string) =>
    JSON.stringify({
      preview: false,
      result: { EventCode: '4624', LogonType: '3', TargetUserName: user, host: 'dc01' },
    })
  await setEvents(page, ['alice', 'svc_backup', 'bob'].map(line).join('\n'))
  await expect(page.getByTestId('count-matches')).toHaveText('3')
  await contextAction(page, 1, 'svc_backup', 'Filter out events with this value')
  // `result.TargetUserName` would be no field of the event, and exclude nothing.
  await expect.poll(() => modelValue(page, RULE_URI)).toContain("TargetUserName: 'svc_backup'")
  expect(await modelValue(page, RULE_URI)).not.toContain('result.')
  await expect(row(page, 1)).toHaveAttribute('data-match', 'false')
  await expect(page.getByTestId('count-matches')).toHaveText('2')
  guards.check()
})

test("the events editor's Filter out names a field as the options read the events", async ({
  page,
}) => {
  const guards = guard(page)
  await openPage(page)
  await setRule(
    page,
    [
      'title: Rundll32, read unflattened',
      'logsource: { product: windows }',
      'detection:',
      '  selection:',
      "    Event.EventData.Image|endswith: '\\rundll32.exe'",
      '  condition: selection',
    ].join('\n'),
  )
  const event = (host: string) =>
    JSON.stringify({
      Event: {
        System: { EventID: 3 },
        EventData: { Image: 'C:\\Windows\\System32\\rundll32.exe', SourceHostname: host },
      },
    })
  await setEvents(page, ['ws-1', 'ws-2'].map(event).join('\n'))
  await page.getByTestId('options-button').click()
  await page.getByTestId('option-flatten-evtx').uncheck()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('count-matches')).toHaveText('2')
  await contextAction(page, 1, 'ws-2', 'Filter out events with this value')
  // The flattened name (SourceHostname) is no field of an event read as it is: it would
  // exclude nothing.
  await expect
    .poll(() => modelValue(page, RULE_URI))
    .toContain("Event.EventData.SourceHostname: 'ws-2'")
  await expect(row(page, 1)).toHaveAttribute('data-match', 'false')
  await expect(page.getByTestId('count-matches')).toHaveText('1')
  guards.check()
})

test('open top values fill the tools above the list: no blank band, and in view when opened', async ({
  page,
}) => {
  const guards = guard(page)
  for (const [width, height] of [
    [1920, 1080],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height })
    await openPage(page)
    await page.getByTestId('top-values').locator('summary').click()
    await expect(page.locator('.top-value').nth(2)).toBeVisible()
    const layout = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect()
      const head = box('.results-head')
      const values = [...document.querySelectorAll('.top-value')].slice(0, 3)
      return {
        // Where the tools' own content ends against where their box ends.
        band: head.bottom - box('.results-head > :last-child').bottom,
        scrolled: document.querySelector('.results-head')!.scrollTop,
        valuesInView: values.every((v) => {
          const r = v.getBoundingClientRect()
          return r.top >= head.top && r.bottom <= head.bottom + 1
        }),
      }
    })
    // The tools scroll in a short window, so their end may be below the box, never above it.
    if (layout.scrolled === 0) expect(layout.band, `${width}`).toBeLessThanOrEqual(1)
    expect(layout.valuesInView, `${width}`).toBe(true)
    await page.getByTestId('top-values').locator('summary').click()
  }
  guards.check()
})

for (const [width, height] of [
  [1024, 768],
  [390, 844],
] as const)
  test(`a proposed filter shows whole, its buttons unclipped, at ${width}x${height}`, async ({
    page,
  }) => {
    const guards = guard(page)
    await page.setViewportSize({ width, height })
    await openPage(page)
    await setRule(page, TUNING_RULE)
    await setEvents(page, scenarioJson(200))
    await expect(page.getByTestId('count-matches')).toHaveText('70')
    await page.getByTestId('results-search').fill('contoso-agent')
    for (const index of [3, 13]) {
      const mark = row(page, index).getByTestId('expect')
      await mark.click()
      await mark.click()
      await expect(mark).toHaveAttribute('data-expect', 'nomatch')
    }
    await page.getByTestId('suggest-filter').click()
    await expect(page.getByTestId('filter-proposal')).toHaveAttribute('data-removed', '20')
    const layout = await page.evaluate(() => {
      const head = document.querySelector('.results-head')!.getBoundingClientRect()
      const proposal = document.querySelector('[data-testid="filter-proposal"]')!
      const box = proposal.getBoundingClientRect()
      const buttons = [...proposal.querySelectorAll('button:not(.link-button)')]
      return {
        inView: box.top >= head.top - 1 && box.bottom <= head.bottom + 1,
        scrolledInside: proposal.scrollHeight > proposal.clientHeight + 1,
        clipped: buttons
          .filter((b) => b.scrollHeight > b.clientHeight + 1)
          .map((b) => b.textContent),
      }
    })
    expect(layout, `${width}`).toEqual({ inView: true, scrolledInside: false, clipped: [] })
    await page.getByTestId('apply-filter').click()
    await expect(page.getByTestId('status')).toContainText('Inserted filter_optional_')
    guards.check()
  })
