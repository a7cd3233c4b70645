/**
 * Events generated from the rule in the page: the default rule and a SigmaHQ rule, each row
 * labelled with what it shows, and the verdicts painted by the evaluation worker agree with
 * the labels. Undo brings the user's events back.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { CORPUS_MISSING, hasCorpus, SIGMAHQ_DIR } from '../test/corpus/corpus-files.ts'
import { EVENTS_URI, guard, modelValue, openPage, setRule } from './helpers.ts'

/** What a label promises: excluded and one-step-off events miss, the rest match. */
const promised = (note: string) =>
  !/^(excluded by|one character off|just past|the opposite of|a different|the other)/.test(note)

/**
 * The rows once the worker has painted verdicts for the generated events: the notes arrive
 * with the events at once, the verdicts a moment later, so read only a settled list.
 */
async function settledRowsAgreeingWithLabels(page: Page) {
  const rows = page.getByTestId('event-row')
  await expect(rows.first().getByTestId('event-note')).toBeVisible()
  await expect(page.getByTestId('results')).toHaveAttribute('data-stale', 'false')
  const read = () =>
    rows.evaluateAll((nodes) =>
      nodes.map((n) => ({
        note: n.querySelector('[data-testid="event-note"]')?.textContent ?? '',
        match: n.getAttribute('data-match') === 'true',
      })),
    )
  // A verdict that disagrees with its label for good keeps this poll failing.
  await expect
    .poll(async () => (await read()).filter((row) => row.match !== promised(row.note)))
    .toEqual([])
  return read()
}

test('the default rule: a match, then each edge, labelled; Ctrl+Z restores the events', async ({
  page,
}) => {
  const guards = guard(page)
  await openPage(page)
  const before = await modelValue(page, EVENTS_URI)
  await page.getByTestId('generate-events').click()
  await expect(page.getByTestId('status')).toContainText(/Generated \d+ events from the rule/)
  const rows = await settledRowsAgreeingWithLabels(page)
  expect(rows[0]).toEqual({ note: 'matches: selection', match: true })
  expect(rows).toContainEqual({ note: 'excluded by filter_main_local_ranges', match: false })
  expect(rows).toContainEqual({
    note: "just outside filter_main_local_ranges › DestinationIp|cidr '127.0.0.0/8'",
    match: true,
  })

  await page.getByTestId('events-editor').locator('.view-line').first().click()
  await page.keyboard.press('Control+z')
  await expect.poll(() => modelValue(page, EVENTS_URI)).toBe(before)
  await expect(page.getByTestId('event-note')).toHaveCount(0)
  guards.check()
})

test('a SigmaHQ rule: the worker verdicts agree with every label', async ({ page }) => {
  const path = join(
    SIGMAHQ_DIR,
    'rules/windows/process_creation/proc_creation_win_certutil_download.yml',
  )
  test.skip(!hasCorpus, CORPUS_MISSING)
  await openPage(page)
  await setRule(page, readFileSync(path, 'utf8'))
  await expect(page.getByTestId('rule-title')).toContainText(/certutil/i)
  await page.getByTestId('generate-events').click()
  const rows = await settledRowsAgreeingWithLabels(page)
  expect(rows.length).toBeGreaterThan(3)
})

test('a rule nothing can match says why in the status', async ({ page }) => {
  await openPage(page)
  await setRule(
    page,
    'title: never\nlogsource: {product: windows}\ndetection:\n    a: {X: 1}\n    condition: a and not a\n',
  )
  await expect(page.getByTestId('rule-title')).toHaveText('never')
  await page.getByTestId('generate-events').click()
  await expect(page.getByTestId('status')).toContainText('No events generated: No combination')
})
