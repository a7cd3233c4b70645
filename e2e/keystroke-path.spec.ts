/**
 * A key typed in the rule goes to the worker before React renders the typed text, and only
 * once. Times are compared inside the page, so a slow machine changes no outcome.
 */
import { expect, test } from '@playwright/test'
import { cursorAfter, guard, openPage } from './helpers.ts'

type Recorded = {
  __keys: number[]
  /** Analyze requests posted to a worker: when, and the rule text when they carry one. */
  __requests: { at: number; rule?: string }[]
  /** React commits, from the hook React calls when one is installed (as DevTools do). */
  __commits: number[]
}

const RECORD = `(() => {
  const w = window
  w.__keys = []; w.__requests = []; w.__commits = []
  addEventListener('keydown', () => w.__keys.push(performance.now()), { capture: true })
  const post = Worker.prototype.postMessage
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === 'analyze')
      w.__requests.push({ at: performance.now(), rule: message.rule && message.rule.text })
    return post.call(this, message, ...rest)
  }
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, renderers: new Map(), inject: () => 1,
    onScheduleFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot() { w.__commits.push(performance.now()) },
  }
})()`

test('a key typed in the rule is sent to the worker once, before the page renders it', async ({
  page,
}) => {
  const guards = guard(page)
  await page.addInitScript(RECORD)
  await openPage(page)
  await cursorAfter(page, "Initiated: 'true")
  await page.evaluate(() => {
    const w = window as unknown as Recorded
    w.__keys.length = 0
    w.__requests.length = 0
    w.__commits.length = 0
  })
  await page.keyboard.type('x')
  await expect(page.getByTestId('event-row').first()).toHaveAttribute('data-match', 'false')
  const { keys, requests, commits } = await page.evaluate(() => {
    const w = window as unknown as Recorded
    return { keys: w.__keys, requests: w.__requests, commits: w.__commits }
  })
  const typed = requests.filter((r) => r.rule?.includes("Initiated: 'truex'"))
  expect(typed, 'one request carries the typed rule').toHaveLength(1)
  expect(requests, 'and no other request follows it').toHaveLength(1)
  const key = keys[0] ?? NaN
  const firstRender = commits.find((at) => at >= key) ?? Infinity
  expect(typed[0]?.at).toBeLessThan(firstRender)
  guards.check()
})
