/**
 * The editors' chunk failing to load (a flaky network, a deploy that replaced the files) shows a
 * message, in the pane and the status line, and keeps the user's text editable and evaluated.
 */
import { expect, test } from '@playwright/test'
import { openPage, RULE_URI, setModelValue, storedDraft } from './share-helpers.ts'

const RULE = `title: Kept through a failed load
logsource:
    product: windows
detection:
    selection:
        DestinationIp|startswith: '10.'
    condition: selection
`

test('a Monaco chunk that fails to load: a message, and the text survives, still evaluated', async ({
  page,
}) => {
  await page.addInitScript(() => {
    // The status line moves on after each evaluation: record every message it showed.
    const seen: string[] = []
    ;(window as unknown as { __statuses: string[] }).__statuses = seen
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="status"]')?.textContent
      if (text && seen.at(-1) !== text) seen.push(text)
    }).observe(document, { subtree: true, childList: true, characterData: true })
  })
  await openPage(page)
  await setModelValue(page, RULE_URI, RULE)
  await expect.poll(() => storedDraft(page)).toContain('Kept through a failed load')

  await page.route(/\/assets\/(RuleEditor|EventsEditor)-[^/]*\.js$/, (route) => route.abort())
  await page.reload()
  await expect(page.getByTestId('editor-failed').first()).toContainText('could not load')
  const fallback = page.getByTestId('rule-editor-fallback')
  await expect(fallback).toHaveValue(RULE)
  await expect(page.getByTestId('events-editor-fallback')).not.toHaveValue('')
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses))
    .toContainEqual(expect.stringContaining('editor could not load'))

  // Still the real engine behind it: an edit in the plain box changes the verdicts. The first
  // verdicts are awaited, or a slow machine counts them before they are painted (as none).
  const matching = page.locator('[data-testid="event-row"][data-match="true"]')
  await expect(matching).toHaveCount(1) // 10.2.3.4
  await fallback.fill(RULE.replace("'10.'", "'0.'"))
  await expect(matching).toHaveCount(0)
  await expect(page.getByTestId('count-events')).toHaveText('9')
})
