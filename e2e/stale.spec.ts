/**
 * Results never blank out: while a half-typed edit breaks the rule, the last good rows, chips,
 * tree and paint stay on screen, dimmed and marked stale; a run heading for the time budget marks
 * the shown verdicts stale within a moment, and a keystroke's run that answers within it never
 * does.
 */
import { expect, test, type Page } from '@playwright/test'
import { DEFAULT_RULE } from '../src/ui/defaults/rule.ts'
import {
  cursorAfter,
  decorations,
  guard,
  openPage,
  RULE_URI,
  setEvents,
  setRule,
  verdicts,
} from './helpers.ts'
import { DEFAULT_EXPECTATIONS } from '../src/ui/defaults/events.ts'
import { PENDING_AFTER_MS } from '../src/ui/state/shownAnalysis.ts'

type Mark = { at: number; value: string | null; busy: string | null }
type Marks = { __keys: number[]; __marks: Mark[] }

/**
 * Records, inside the page, when each key goes down and each change of the results' stale mark,
 * with whether they said they were busy then: the moment the attribute changes, not the next
 * frame (frames come slowly on a busy machine, and a run may be stopped before the next check).
 */
async function recordStaleMarks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as Marks
    w.__keys = []
    w.__marks = []
    addEventListener('keydown', () => w.__keys.push(performance.now()), { capture: true })
    const pane = document.querySelector('[data-testid="results"]') as Element
    new MutationObserver(() =>
      w.__marks.push({
        at: performance.now(),
        value: pane.getAttribute('data-stale'),
        busy: pane.getAttribute('aria-busy'),
      }),
    ).observe(pane, { attributes: true, attributeFilter: ['data-stale'] })
  })
  return () =>
    page.evaluate(() => {
      const w = window as unknown as Marks
      return { keys: w.__keys, marks: w.__marks }
    })
}

test('a broken rule keeps the last good results, dimmed and marked stale', async ({ page }) => {
  const guards = guard(page)
  await openPage(page)
  await expect(page.getByTestId('results')).toHaveAttribute('data-stale', 'false')
  const paint = async () =>
    (await decorations(page, RULE_URI)).filter((d) =>
      /sp-(hit|miss)/.test(`${d.className ?? ''} ${d.inlineClassName ?? ''}`),
    ).length
  const painted = await paint()
  expect(painted).toBeGreaterThan(0)

  // A half-typed line, typed (Monaco moves decorations with typed edits): the YAML breaks.
  const line = DEFAULT_RULE.split('\n').indexOf('    selection:') + 1
  await page.evaluate((lineNumber) => {
    type E = {
      getModel(): { uri: { toString(): string }; getLineMaxColumn(l: number): number } | null
      setPosition(p: { lineNumber: number; column: number }): void
      focus(): void
    }
    const monaco = (window as unknown as { __monaco: { editor: { getEditors(): E[] } } }).__monaco
    const editor = monaco.editor
      .getEditors()
      .find((e) => e.getModel()?.uri.toString() === 'file:///rule.yaml')
    const column = editor?.getModel()?.getLineMaxColumn(lineNumber) ?? 1
    editor?.setPosition({ lineNumber, column })
    editor?.focus()
  }, line)
  await page.keyboard.type(' [')
  await expect(page.getByTestId('status')).toContainText(/Rule error, line \d+/)
  const results = page.getByTestId('results')
  await expect(results).toHaveAttribute('data-stale', 'rule-errors')
  await expect(page.getByTestId('results-stale')).toContainText('last good results')
  expect(await verdicts(page, 9)).toEqual(DEFAULT_EXPECTATIONS.map((e) => e.match))
  await expect(page.getByTestId('identifier-chip').first()).toBeVisible()
  await expect(page.getByTestId('condition-tree').locator('li').first()).toBeVisible()
  expect(await paint()).toBe(painted)
  await expect(page.getByTestId('rule-editor')).toHaveClass(/is-stale/)

  await setRule(page, DEFAULT_RULE)
  await expect(results).toHaveAttribute('data-stale', 'false')
  await expect(page.getByTestId('results-stale')).toHaveCount(0)
  await expect(page.getByTestId('rule-editor')).not.toHaveClass(/is-stale/)
  guards.check()
})

test('a run heading for the time budget marks the verdicts stale within a moment', async ({
  page,
}) => {
  await openPage(page)
  await setEvents(
    page,
    JSON.stringify([
      { Image: 'C:\\rundll32.exe', Initiated: 'true', CommandLine: 'a'.repeat(48) + '!' },
    ]),
  )
  await expect(page.getByTestId('status')).toContainText('1 of 1 event match')
  const slow = DEFAULT_RULE.replace(
    "        Initiated: 'true'\n",
    () => "        Initiated: 'true'\n        CommandLine|re: '(a+)+$'\n",
  )
  // Set the rule and time, inside the page, how long until the results say they are stale.
  const recorded = await recordStaleMarks(page)
  const started = await page.evaluate((text) => {
    type W = {
      __monaco: {
        Uri: { parse(u: string): unknown }
        editor: { getModel(u: unknown): { setValue(t: string): void } }
      }
    }
    const monaco = (window as unknown as W).__monaco
    const now = performance.now()
    monaco.editor.getModel(monaco.Uri.parse('file:///rule.yaml')).setValue(text)
    return now
  }, slow)
  await expect(page.getByTestId('status')).toContainText('Stopped after 1 s', { timeout: 5000 })
  await expect(page.getByTestId('results')).toHaveAttribute('data-stale', 'stopped')
  // Marked pending (and busy) while the run was still out, before the worker's budget stopped
  // it. The order is the claim, not a wall-clock bound: on a busy machine the mark's timer fires
  // late, yet still before the stop.
  const marks = (await recorded()).marks.filter((m) => m.value !== 'false')
  expect(marks.map((m) => m.value)).toEqual(['pending', 'stopped'])
  const [pending, stopped] = marks as [Mark, Mark]
  expect(pending.busy).toBe('true')
  expect(pending.at - started).toBeGreaterThanOrEqual(PENDING_AFTER_MS - 5)
  expect(stopped.at).toBeGreaterThan(pending.at)
  await expect(page.getByTestId('event-row')).toHaveCount(1)
})

test('a keystroke whose run answers within a moment never marks the verdicts stale', async ({
  page,
}) => {
  const guards = guard(page)
  await openPage(page)
  const results = page.getByTestId('results')
  await expect(results).toHaveAttribute('data-stale', 'false')
  const recorded = await recordStaleMarks(page)
  // Inside the detection: each key flips the verdicts ('true' ⇄ 'truex').
  await cursorAfter(page, "Initiated: 'true")
  const expected = DEFAULT_EXPECTATIONS.map((e) => e.match)
  for (let i = 0; i < 3; i++) {
    await page.keyboard.type('x')
    await expect.poll(() => verdicts(page, 9)).toEqual(expected.map(() => false))
    await page.keyboard.press('Backspace')
    await expect.poll(() => verdicts(page, 9)).toEqual(expected)
  }
  const { keys, marks } = await recorded()
  expect(keys).toHaveLength(6)
  // A mark may come only from a run out for the whole moment (a very busy machine).
  for (const mark of marks.filter((m) => m.value !== 'false')) {
    const key = Math.max(...keys.filter((k) => k <= mark.at))
    expect(mark.at - key).toBeGreaterThanOrEqual(PENDING_AFTER_MS - 5)
  }
  await expect(page.getByTestId('rule-editor')).not.toHaveClass(/is-stale/)
  guards.check()
})
