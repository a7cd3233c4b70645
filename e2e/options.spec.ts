/**
 * The Options panel end to end: placeholder values resolve `|expand`, a field mapping renames a
 * rule field, and the options travel in a share link to a fresh browser.
 */
import { expect, test, type Page } from '@playwright/test'
import { guard, markers, openPage, RULE_URI, setEvents, setRule, verdicts } from './helpers.ts'
import { copyShareLink } from './share-helpers.ts'

const EXPAND_RULE = `title: Admin group added
logsource:
    product: windows
    category: process_creation
detection:
    selection:
        CommandLine|expand: '*%Admins%*'
    condition: selection
level: high
`
const EXPAND_EVENTS = `[
  {"CommandLine": "net localgroup administrators alice /add"},
  {"CommandLine": "Domain Admins"},
  {"CommandLine": "notepad.exe"}
]`

const MAPPED_RULE = `title: Whoami run
logsource:
    product: windows
    category: process_creation
detection:
    selection:
        Image|endswith: '\\whoami.exe'
    condition: selection
level: low
`
const MAPPED_EVENTS = `[
  {"NewProcessName": "C:\\\\Windows\\\\System32\\\\whoami.exe"},
  {"NewProcessName": "C:\\\\Windows\\\\System32\\\\cmd.exe"}
]`

async function openOptions(page: Page) {
  await page.getByTestId('options-button').click()
  await expect(page.getByTestId('options-panel')).toBeVisible()
}

const placeholderValues = (page: Page, name: string) =>
  page.locator(
    `[data-testid="placeholder-row"][data-name="${name}"] [data-testid="placeholder-values"]`,
  )

test('a missing placeholder points at Options; its values make the event match', async ({
  page,
}) => {
  const guards = guard(page)
  await openPage(page)
  await setRule(page, EXPAND_RULE)
  await setEvents(page, EXPAND_EVENTS)

  const status = page.getByTestId('status')
  await expect(status).toContainText('No values given for placeholder %Admins%')
  await expect(status).toContainText('set its values under Options')
  await expect(page.getByTestId('options-attention')).toBeVisible()
  await expect(page.getByTestId('options-button')).toHaveAttribute(
    'title',
    /Set placeholder values: %Admins%/,
  )

  await expect
    .poll(async () => (await markers(page, RULE_URI)).map((m) => m.message).join('\n'))
    .toContain('No values given for placeholder %Admins%. Set its values under Options.')

  await openOptions(page)
  // The rule's placeholder is listed, and the cursor waits in it.
  const values = placeholderValues(page, 'Admins')
  await expect(values).toBeFocused()
  await values.fill('Domain Admins, Enterprise Admins')

  await expect(status).not.toContainText('placeholder')
  await expect.poll(() => verdicts(page, 3)).toEqual([false, true, false])
  await expect(page.getByTestId('options-attention')).toHaveCount(0)
  await expect(page.getByTestId('options-count')).toHaveText('1')
  await expect
    .poll(async () => (await markers(page, RULE_URI)).filter((m) => m.message.includes('%Admins%')))
    .toEqual([])

  // One value a line works too, and values with commas survive.
  await values.fill('administrators alice\nfoo, bar')
  await expect.poll(() => verdicts(page, 3)).toEqual([true, false, false])

  // Escape closes and gives the focus back to the button.
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('options-panel')).toHaveCount(0)
  await expect(page.getByTestId('options-button')).toBeFocused()
  // Reopening shows what was set.
  await page.keyboard.press('Enter')
  await expect(placeholderValues(page, 'Admins')).toHaveValue('administrators alice\nfoo, bar')
  guards.check()
})

test('a field mapping lets an Image rule match NewProcessName events', async ({ page }) => {
  const guards = guard(page)
  await openPage(page)
  await setRule(page, MAPPED_RULE)
  await setEvents(page, MAPPED_EVENTS)
  await expect.poll(() => verdicts(page, 2)).toEqual([false, false])

  await openOptions(page)
  await page.getByTestId('add-mapping').click()
  // The new row takes the cursor.
  await expect(page.getByTestId('mapping-rule-field')).toBeFocused()
  await page.keyboard.type('Image')
  await page.getByTestId('mapping-event-field').fill('NewProcessName')
  await expect.poll(() => verdicts(page, 2)).toEqual([true, false])

  // Removing the mapping undoes it.
  await page.getByRole('button', { name: 'Remove mapping Image' }).click()
  await expect.poll(() => verdicts(page, 2)).toEqual([false, false])
  guards.check()
})

test('evtx flattening can be turned off', async ({ page }) => {
  const guards = guard(page)
  await openPage(page)
  await setRule(page, MAPPED_RULE.replace('Image|endswith', 'NewProcessName|endswith'))
  await setEvents(
    page,
    '[{"Event": {"EventData": {"NewProcessName": "C:\\\\Windows\\\\System32\\\\whoami.exe"}}}]',
  )
  await expect.poll(() => verdicts(page, 1)).toEqual([true])
  await openOptions(page)
  const flatten = page.getByTestId('option-flatten-evtx')
  await expect(flatten).toBeChecked()
  await flatten.uncheck()
  await expect.poll(() => verdicts(page, 1)).toEqual([false])
  await flatten.check()
  await expect.poll(() => verdicts(page, 1)).toEqual([true])
  guards.check()
})

test('options travel in a share link to a fresh browser', async ({ page, context, browser }) => {
  const guards = guard(page)
  await openPage(page)
  await setRule(page, EXPAND_RULE)
  await setEvents(page, EXPAND_EVENTS)
  await openOptions(page)
  await placeholderValues(page, 'Admins').fill('Domain Admins')
  await page.getByTestId('add-placeholder').click()
  await page.getByTestId('placeholder-name').fill('%Unused%')
  await page
    .locator(
      '[data-testid="placeholder-row"][data-name="%Unused%"] [data-testid="placeholder-values"]',
    )
    .fill('<img src=x onerror=alert(1)>')
  await page.getByTestId('add-mapping').click()
  await page.getByTestId('mapping-rule-field').fill('Image')
  await page.getByTestId('mapping-event-field').fill('NewProcessName')
  await page.getByTestId('option-flatten-evtx').uncheck()
  await page.keyboard.press('Escape')
  await expect.poll(() => verdicts(page, 3)).toEqual([false, true, false])
  await expect(page.getByTestId('options-count')).toHaveText('4')
  const link = await copyShareLink(page, context)

  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  const otherGuards = guard(other)
  const dialogs: string[] = []
  other.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await openPage(other, link)
  await expect.poll(() => verdicts(other, 3)).toEqual([false, true, false])
  await openOptions(other)
  await expect(placeholderValues(other, 'Admins')).toHaveValue('Domain Admins')
  // The hostile value is text in a field, not markup.
  await expect(placeholderValues(other, 'Unused')).toHaveValue('<img src=x onerror=alert(1)>')
  await expect(other.locator('[data-testid="options-panel"] img')).toHaveCount(0)
  await expect(other.getByTestId('mapping-rule-field')).toHaveValue('Image')
  await expect(other.getByTestId('mapping-event-field')).toHaveValue('NewProcessName')
  await expect(other.getByTestId('option-flatten-evtx')).not.toBeChecked()
  expect(dialogs).toEqual([])
  await fresh.close()
  guards.check()
  otherGuards.check()
})

test('the panel works from the keyboard and closes on a click outside', async ({ page }) => {
  const guards = guard(page)
  await openPage(page)
  const button = page.getByTestId('options-button')
  await button.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('options-panel')).toBeVisible()
  await expect(button).toHaveAttribute('aria-expanded', 'true')
  // The default rule has no placeholders: the cursor starts on "Add placeholder".
  await expect(page.getByTestId('options-no-placeholders')).toBeVisible()
  await expect(page.getByTestId('add-placeholder')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('placeholder-name')).toBeFocused()
  await page.keyboard.type('Servers')
  await page.keyboard.press('Tab')
  await page.keyboard.type('srv1, srv2')
  await expect(page.getByTestId('options-count')).toHaveText('1')
  await page.getByTestId('status').click()
  await expect(page.getByTestId('options-panel')).toHaveCount(0)
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  await button.click()
  await expect(
    page.locator('[data-name="Servers"] [data-testid="placeholder-values"]'),
  ).toHaveValue('srv1, srv2')
  guards.check()
})
