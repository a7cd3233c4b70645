/** Why a field never matches (issue 7): the row explanation names the missing field and the fix. */
import { expect, test, type Page } from '@playwright/test'
import { cursorAfter, guard, openPage, row, ruleAction, setEvents } from './helpers.ts'
import { violations } from './axe.ts'

test('a row that does not match says which field is missing and what the event has', async ({
  page,
}) => {
  const guards = guard(page)
  await openPage(page)
  await setEvents(
    page,
    JSON.stringify([
      { process: { executable: 'C:\\Windows\\System32\\rundll32.exe' }, Initiated: 'true' },
      { Image: 'C:/Windows/System32/rundll32.exe', Initiated: 'true' },
    ]),
  )
  await expect(row(page, 0)).toContainText(
    '`Image` is missing; this event has `process.executable` — use the Elastic Common Schema for Windows pipeline?',
  )
  await expect(row(page, 1)).toContainText(
    "Image 'C:/Windows/System32/rundll32.exe' writes the path with / where the rule has \\",
  )
  guards.check()
})

const ECS_RUNDLL = {
  process: { executable: 'C:\\Windows\\System32\\rundll32.exe' },
  Initiated: 'true',
}
/** Two ECS events and a flat one: no shape wins, so no pipeline applies by itself. */
const NO_IMAGE = JSON.stringify([
  ECS_RUNDLL,
  { process: { executable: 'C:\\Windows\\System32\\cmd.exe' }, Initiated: 'true' },
  { image: 'x.exe' },
])

const hoverOn = async (page: Page, needle: string) => {
  await cursorAfter(page, needle, -2)
  await ruleAction(page, 'editor.action.showHover')
}

for (const scheme of ['light', 'dark'] as const)
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme })
    test('a rule field no event has: listed, on hover with its look-alikes, fixed in one click', async ({
      page,
    }) => {
      const guards = guard(page)
      await openPage(page)
      await setEvents(page, NO_IMAGE)
      const note = page.getByTestId('field-coverage')
      const image = note.locator('[data-testid="missing-field"][data-field="Image"]')
      // Field names are set as code, not written with backticks.
      await expect(image).toContainText(
        'Image is missing from all 3 events; they have process.executable',
      )
      await expect(image.locator('code')).toHaveText(['Image', 'process.executable'])
      // Initiated is in two of the three events: not listed.
      await expect(note.locator('[data-field="Initiated"]')).toHaveCount(0)
      await expect(page.getByTestId('status')).toContainText(
        '6 rule fields in no event: Image, DestinationIp',
      )
      expect(await violations(page)).toEqual([])

      await hoverOn(page, '    Image|')
      const missing = page.locator('.monaco-hover-content').filter({ hasText: 'is in none of' })
      await expect(missing).toContainText('Image is in none of the 3 events')
      await expect(missing).toContainText('process.executable')
      await expect(missing).toContainText('Use the Elastic Common Schema for Windows pipeline')
      await page.keyboard.press('Escape')
      await hoverOn(page, '    Initiated:')
      await expect(
        page.locator('.monaco-hover-content').filter({ hasText: 'is present in' }),
      ).toContainText('Initiated is present in 2 of 3 events')
      await page.keyboard.press('Escape')

      await expect(row(page, 0)).toHaveAttribute('data-match', 'false')
      await image.getByTestId('coverage-fix').click()
      await expect(row(page, 0)).toHaveAttribute('data-match', 'true')
      await expect(note.locator('[data-field="Image"]')).toHaveCount(0)
      guards.check()
    })
  })
