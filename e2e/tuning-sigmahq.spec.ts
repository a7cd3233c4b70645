/**
 * The tuning loop step by step on real SigmaHQ data (issue 8): a SigmaHQ rule and its regression
 * test (info.yml + the events .json), opened through the File menu. Find (view, search, top
 * values), Try (what-if), Filter (the events editor's context menu, a suggested filter added as
 * a Sigma filter document) and Keep (the regression verdict, export round-trip). Skipped, with
 * one line, without the corpus.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { parseRegressionInfo } from '../src/engine/index.ts'
import {
  CORPUS_MISSING,
  hasCorpus,
  readRegressionIndex,
  SIGMAHQ_DIR,
} from '../test/corpus/corpus-files.ts'
import {
  contextAction,
  EVENTS_URI,
  guard,
  modelValue,
  openPage,
  row,
  RULE_URI,
  type Guards,
} from './helpers.ts'

test.skip(!hasCorpus, CORPUS_MISSING)

type Entry = { rule: string; events: string; info: string; reference_matching_events: number[] }
const RULE = 'rules/windows/file/file_event/file_event_win_anydesk_artefact.yml'
const entry = readRegressionIndex<Entry>().find((e) => e.rule === RULE)
const read = (path: string | undefined) =>
  hasCorpus && path ? readFileSync(join(SIGMAHQ_DIR, path), 'utf8') : ''
const ruleText = read(entry?.rule)
const infoText = read(entry?.info)
const eventsText = read(entry?.events)
const file = (name: string, text: string) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(text),
})

/** The SigmaHQ rule and its regression test, opened as a user would, through File. */
async function openRegressionTest(page: Page) {
  await openPage(page)
  await page.getByTestId('rule-file-input').setInputFiles(file(RULE.split('/').pop()!, ruleText))
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(ruleText)
  const eventsName = entry!.events.split('/').pop()!
  await page
    .getByTestId('regression-file-input')
    .setInputFiles([file('info.yml', infoText), file(eventsName, eventsText)])
  await expect(page.getByTestId('status')).toContainText(
    'Regression test “Positive Detection Test”: 3 matches, at least 1 wanted: passes',
  )
}

let guards: Guards
test.beforeEach(({ page }) => {
  guards = guard(page)
})
test.afterEach(() => guards.check())

test('Find: the matches, a search and the top values of a SigmaHQ regression test', async ({
  page,
}) => {
  await openRegressionTest(page)
  await expect(page.getByTestId('count-matches')).toHaveText('3')
  await page.locator('[data-testid="view-mode"][data-mode="matches"]').click()
  await expect(page.getByTestId('view-count')).toHaveAttribute('data-count', '3')
  await page.getByTestId('results-search').fill('user.conf~')
  await expect(page.getByTestId('view-count')).toHaveAttribute('data-count', '1')
  await page.getByTestId('results-search').fill('')
  await page.getByTestId('top-values').locator('summary').click()
  await expect(
    page.locator('[data-testid="top-value"][data-field="TargetFilename"]').first(),
  ).toBeVisible()
})

test('Try: forcing the selection false loses every match', async ({ page }) => {
  await openRegressionTest(page)
  const toggle = page.locator('[data-testid="whatif"][data-identifier="selection"]')
  await toggle.click()
  await toggle.click()
  await expect(toggle).toHaveAttribute('data-state', 'false')
  await expect(page.getByTestId('whatif-summary')).toHaveAttribute('data-lost', '3')
})

test('Filter: the events context menu marks and filters; a suggestion becomes a filter document', async ({
  page,
}) => {
  await openRegressionTest(page)
  // Event 3 (AnyDesk's temporary copy) should not match: marked from the context menu.
  await contextAction(page, 3, '"TargetFilename"', 'Mark this event: should not match')
  await expect(row(page, 3).getByTestId('expect')).toHaveAttribute('data-expect', 'nomatch')
  await contextAction(page, 2, '"TargetFilename"', 'Mark this event: should match')
  await expect(row(page, 2).getByTestId('expect')).toHaveAttribute('data-expect', 'match')

  await page.getByTestId('suggest-filter').click()
  await expect(page.getByTestId('filter-proposal')).toBeVisible()
  await page.getByTestId('apply-filter-document').click()
  await expect.poll(() => modelValue(page, RULE_URI)).toContain('\n---\n')
  const tuned = await modelValue(page, RULE_URI)
  expect(tuned.startsWith(ruleText)).toBe(true)
  expect(tuned).toContain("rules:\n        - '0b9ad457-2554-44c1-82c2-d56a99c42377'")
  await expect(row(page, 3)).toHaveAttribute('data-match', 'false')
  await expect(row(page, 2)).toHaveAttribute('data-match', 'true')
  await expect(row(page, 4)).toHaveAttribute('data-match', 'true')
  await expect(row(page, 3).getByTestId('verdict')).toContainText('Excluded by filter mf_')

  // "Filter out events with this value" on event 4's file name: a filter_optional_ block.
  await contextAction(page, 4, '"TargetFilename"', 'Filter out events with this value')
  await expect.poll(() => modelValue(page, RULE_URI)).toContain('filter_optional_targetfilename:')
  await expect(row(page, 4)).toHaveAttribute('data-match', 'false')
})

test('Keep: the imported regression test exports back to the same files', async ({ page }) => {
  await openRegressionTest(page)
  await page.getByTestId('file-menu').locator('summary').click()
  const downloads: { name: string; path: string }[] = []
  page.on('download', (d) => {
    void d.path().then((path) => downloads.push({ name: d.suggestedFilename(), path }))
  })
  await page.getByTestId('export-regression').click()
  await expect.poll(() => downloads.length).toBe(2)
  const byName = Object.fromEntries(downloads.map((d) => [d.name, readFileSync(d.path, 'utf8')]))
  expect(Object.keys(byName).sort()).toEqual([entry!.events.split('/').pop(), 'info.yml'].sort())
  expect(parseRegressionInfo(byName['info.yml'] ?? '')).toEqual(parseRegressionInfo(infoText))
  expect(byName[entry!.events.split('/').pop()!]).toBe(eventsText)
  expect(await modelValue(page, EVENTS_URI)).toBe(eventsText)
})
