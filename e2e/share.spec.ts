/**
 * Share links end to end: copy a link, open it in a fresh browser, get the same state; the
 * address bar follows edits so reload keeps them; a link opened over a draft keeps the draft.
 */
import { expect, test } from '@playwright/test'
import {
  copyShareLink,
  EVENTS_URI,
  modelValue,
  openPage,
  RULE_URI,
  setModelValue,
  storedDraft,
  waitForEditors,
  waitForFragment,
  watch,
} from './share-helpers.ts'
import type { MonacoWindow } from './helpers.ts'
import { encodeState, V1_DEFAULTS } from '../src/share/index.ts'

const RULE = `title: Größe – Сеть — 東京 test
status: test
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        Image|endswith: '\\whoami.exe'
    condition: selection
level: low
`
const EVENTS = `[
  {"Image": "C:\\\\Windows\\\\System32\\\\cmd.exe", "Note": "première"},
  {"Image": "C:\\\\Windows\\\\System32\\\\whoami.exe", "Note": "二番目"},
  {"Image": "C:\\\\Tools\\\\whoami.exe", "Note": "третий"}
]`

test('a copied link opens the same rule, events and selection in a fresh browser', async ({
  page,
  context,
  browser,
}) => {
  const seen = watch(page)
  await openPage(page)
  await setModelValue(page, RULE_URI, RULE)
  await setModelValue(page, EVENTS_URI, EVENTS)
  await expect(page.getByTestId('event-row')).toHaveCount(3)
  await page.locator('[data-testid="event-row"][data-index="2"]').click()
  await expect(page.locator('[data-testid="event-row"][data-index="2"]')).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await expect(page.getByTestId('share-length')).toContainText('chars')
  const link = await copyShareLink(page, context)

  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  const otherSeen = watch(other)
  await openPage(other, link)
  await expect.poll(() => modelValue(other, RULE_URI)).toBe(RULE)
  expect(await modelValue(other, EVENTS_URI)).toBe(EVENTS)
  await expect(other.locator('[data-testid="event-row"][data-index="2"]')).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await expect(other.locator('[data-testid="event-row"][data-match="true"]')).toHaveCount(2)
  await expect(other.getByTestId('previous-draft-banner')).toHaveCount(0)
  await fresh.close()

  for (const s of [seen, otherSeen]) expect([s.errors, s.foreign, s.dialogs]).toEqual([[], [], []])
})

test('the link without events carries the rule alone', async ({ page, context, browser }) => {
  await openPage(page)
  await setModelValue(page, RULE_URI, RULE)
  await setModelValue(page, EVENTS_URI, EVENTS)
  const link = await copyShareLink(page, context, 'share-without-events')
  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  await openPage(other, link)
  await expect.poll(() => modelValue(other, RULE_URI)).toBe(RULE)
  expect(await modelValue(other, EVENTS_URI)).toBe('')
  await fresh.close()
})

test('edits update the address with replaceState, and reload keeps them', async ({ page }) => {
  const seen = watch(page)
  await openPage(page)
  const historyLength = await page.evaluate(() => history.length)
  await setModelValue(page, RULE_URI, RULE)
  await waitForFragment(page)
  await setModelValue(page, EVENTS_URI, EVENTS)
  await page.locator('[data-testid="event-row"][data-index="1"]').click()
  await expect
    .poll(
      async () => (JSON.parse((await storedDraft(page)) || '{}') as { selected?: number }).selected,
    )
    .toBe(1)
  expect(await page.evaluate(() => history.length)).toBe(historyLength)

  await page.reload()
  await waitForEditors(page)
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(RULE)
  expect(await modelValue(page, EVENTS_URI)).toBe(EVENTS)
  await expect(page.locator('[data-testid="event-row"][data-index="1"]')).toHaveAttribute(
    'aria-selected',
    'true',
  )
  expect(seen.errors).toEqual([])
})

test('reopening the bare page restores the autosaved draft', async ({ page }) => {
  await openPage(page)
  await setModelValue(page, RULE_URI, RULE)
  await waitForFragment(page)
  await page.goto('about:blank')
  await openPage(page, '/')
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(RULE)
})

test('a link opened over a different draft keeps the draft recoverable', async ({
  page,
  context,
  browser,
}) => {
  // Someone else's link.
  const sender = await browser.newContext()
  const senderPage = await sender.newPage()
  await openPage(senderPage)
  await setModelValue(senderPage, RULE_URI, RULE)
  const link = await copyShareLink(senderPage, sender)
  await sender.close()

  // My own draft; then the link opens in a new tab of the same browser.
  await openPage(page)
  const draft = RULE.replace('whoami', 'my_own_work')
  await setModelValue(page, RULE_URI, draft)
  await expect.poll(() => storedDraft(page)).toContain('my_own_work')
  const tab = await context.newPage()
  await openPage(tab, link)
  await expect.poll(() => modelValue(tab, RULE_URI)).toBe(RULE)
  await expect(tab.getByTestId('previous-draft-banner')).toBeVisible()

  // Still offered after a reload, and one click brings the draft back.
  await tab.reload()
  await waitForEditors(tab)
  await expect(tab.getByTestId('previous-draft-banner')).toBeVisible()
  await tab.getByTestId('restore-draft').click()
  await expect.poll(() => modelValue(tab, RULE_URI)).toBe(draft)
  // And the shared state is one click away in turn.
  await tab.getByTestId('restore-draft').click()
  await expect.poll(() => modelValue(tab, RULE_URI)).toBe(RULE)
})

test('a link pasted into the address bar of an open tab keeps the draft too', async ({
  page,
  context,
}) => {
  await openPage(page)
  await setModelValue(page, RULE_URI, RULE)
  const link = await copyShareLink(page, context)
  // The address bar shows the shared state first, so the next change of it is the draft's.
  await waitForFragment(page, (hash) => hash === new URL(link).hash)
  const draft = RULE.replace('whoami', 'typed_after_sharing')
  await setModelValue(page, RULE_URI, draft)
  // The address bar follows the edit first (pasting the very link already shown does nothing).
  await waitForFragment(page, (hash) => hash.startsWith('#v1/') && hash !== new URL(link).hash)
  await page.goto(link) // same document: only the fragment changes
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(RULE)
  await page.getByTestId('restore-draft').click()
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(draft)
})

test('a link over 8,000 characters is flagged, and the rule-only link stays short', async ({
  page,
  context,
}) => {
  await openPage(page)
  // Random hex does not compress: about 20,000 characters of link.
  const noise = Array.from(
    { length: 600 },
    (_, i) =>
      `{"n": ${i}, "h": "${Math.random().toString(16).slice(2)}${Math.random().toString(16).slice(2)}"}`,
  ).join('\n')
  await setModelValue(page, EVENTS_URI, noise)
  await expect(page.getByTestId('share-length')).toContainText('⚠')
  await page.getByTestId('share-button').click()
  await expect(page.getByTestId('status')).toContainText('over 8,000 characters')
  const ruleOnly = await copyShareLink(page, context, 'share-without-events')
  expect(ruleOnly.length).toBeLessThan(2000)
})

test('a link opens with the network off: nothing is fetched to decode it', async ({
  page,
  context,
}) => {
  await openPage(page)
  await setModelValue(page, RULE_URI, RULE)
  await setModelValue(page, EVENTS_URI, EVENTS)
  const link = await copyShareLink(page, context)
  await waitForFragment(page, (hash) => hash === new URL(link).hash)
  await setModelValue(page, RULE_URI, 'title: something else\n')
  await waitForFragment(page, (hash) => hash !== new URL(link).hash)
  await context.setOffline(true)
  await page.goto(link) // same document: decoded in the page, offline
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(RULE)
  expect(await modelValue(page, EVENTS_URI)).toBe(EVENTS)
  await context.setOffline(false)
})

test('closing the tab right after an edit loses nothing', async ({ page, context }) => {
  await openPage(page)
  // The first autosave holds the example: an older draft that would win if the close lost the edit.
  await expect.poll(() => storedDraft(page)).not.toBe('')
  // An edit and the close at once, inside the autosave's pause: the page-hide flush saves it.
  await setModelValue(page, EVENTS_URI, EVENTS)
  // And the worst case of a keystroke then Ctrl+W: this edit lands in the very task that hides
  // the page, before React renders it, so only a flush of the store's newest state keeps it.
  await page.evaluate(
    ([uri, text]) =>
      window.addEventListener(
        'pagehide',
        () => {
          const monaco = (window as unknown as MonacoWindow).__monaco
          monaco.editor.getModel(monaco.Uri.parse(uri))?.setValue(text)
        },
        { capture: true, once: true },
      ),
    [RULE_URI, RULE] as const,
  )
  // With runBeforeUnload, close() does not wait for the page to go: a user's next tab comes later.
  const closed = page.waitForEvent('close')
  await page.close({ runBeforeUnload: true })
  await closed
  const again = await context.newPage()
  await openPage(again, '/')
  await expect.poll(() => modelValue(again, RULE_URI)).toBe(RULE)
  expect(await modelValue(again, EVENTS_URI)).toBe(EVENTS)
})

test('a link opens even when autosave rewrites the address before the page reads it', async ({
  page,
}) => {
  await openPage(page)
  const shared = RULE.replace('whoami', 'opened_from_the_link')
  const fragment = await encodeState({ ...V1_DEFAULTS, rule: shared })
  // What a gallery example or a pasted link does, with the autosave of the state before it
  // landing in between: the address is set back before the hashchange event is handled.
  await page.evaluate((next) => {
    const before = window.location.pathname + window.location.search + window.location.hash
    window.location.hash = next
    history.replaceState(history.state, '', before)
  }, fragment)
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(shared)
})
