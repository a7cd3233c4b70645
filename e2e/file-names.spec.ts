/**
 * Saving keeps the name of the file the user opened (issue 13): the rule and the events each
 * download under their own opened name, from the File menu and with Ctrl+S, after edits and
 * after a reload of the tab.
 */
import { expect, test, type Page } from '@playwright/test'
import { guard, modelValue, openPage, RULE_URI, EVENTS_URI } from './helpers.ts'

const RULE = `title: Something else entirely
logsource:
    product: windows
detection:
    selection:
        Image|endswith: '\\whoami.exe'
    condition: selection
`
const EVENTS = `{"Image":"C:\\\\Windows\\\\System32\\\\whoami.exe"}\n{"Image":"C:\\\\x.exe"}\n`
const file = (name: string, text: string) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(text),
})

async function downloadFromMenu(page: Page, testId: string) {
  await page.getByTestId('file-menu').locator('summary').click()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ])
  return download.suggestedFilename()
}

async function openBothFiles(page: Page) {
  await page.getByTestId('rule-file-input').setInputFiles(file('whoami_tuned.yaml', RULE))
  await page.getByTestId('events-file-input').setInputFiles(file('day-2024-05-01.ndjson', EVENTS))
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(RULE)
  await expect.poll(() => modelValue(page, EVENTS_URI)).toContain('x.exe')
}

test('downloads keep the names of the files that were opened', async ({ page }) => {
  const guards = guard(page)
  await openPage(page)
  await openBothFiles(page)
  expect(await downloadFromMenu(page, 'download-rule')).toBe('whoami_tuned.yaml')
  expect(await downloadFromMenu(page, 'download-events')).toBe('day-2024-05-01.ndjson')

  await page.getByTestId('rule-editor').locator('.view-line').first().click()
  await page.keyboard.press('End')
  await page.keyboard.type(' (edited)')
  const [saved] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Control+s'),
  ])
  expect(saved.suggestedFilename()).toBe('whoami_tuned.yaml')
  await expect(page.getByTestId('status')).toContainText('whoami_tuned.yaml')

  await page.reload()
  await openPage(page, page.url())
  expect(await downloadFromMenu(page, 'download-rule')).toBe('whoami_tuned.yaml')
  guards.check()
})

test('an example opened over an opened file is not saved under that file’s name', async ({
  page,
}) => {
  const guards = guard(page)
  await openPage(page)
  await openBothFiles(page)

  await page.getByTestId('gallery-button').click()
  await page.locator('[data-testid="gallery-item"][data-example="cidr"]').click()
  await expect.poll(() => modelValue(page, RULE_URI)).not.toBe(RULE)
  const rule = await downloadFromMenu(page, 'download-rule')
  expect(rule).not.toBe('whoami_tuned.yaml')
  expect(rule).toMatch(/\.yml$/)
  expect(await downloadFromMenu(page, 'download-events')).not.toBe('day-2024-05-01.ndjson')
  guards.check()
})
