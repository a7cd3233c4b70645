/**
 * Logsource in the page (issue 7): rows of events outside the rule's logsource are marked with
 * the reason, can be hidden (verdicts unchanged), and Options › "Only events of the rule's
 * logsource" makes them not match.
 */
import { expect, test } from '@playwright/test'
import { guard, openPage, row, setEvents, verdicts } from './helpers.ts'
import { violations } from './axe.ts'

const rundll = {
  Image: 'C:\\Windows\\System32\\rundll32.exe',
  Initiated: 'true',
  DestinationIp: '8.8.8.8',
}
const EVENTS = JSON.stringify(
  [{ EventID: 3, ...rundll }, { EventID: 4624, Channel: 'Security', ...rundll }, rundll],
  null,
  2,
)

test('rows outside the logsource are marked, can be hidden, and stop matching when asked', async ({
  page,
}) => {
  const guards = guard(page)
  await openPage(page)
  await setEvents(page, EVENTS)
  await expect.poll(() => verdicts(page, 3)).toEqual([true, true, true])
  await expect(row(page, 1)).toHaveAttribute('data-logsource', 'outside')
  await expect(row(page, 1).getByTestId('event-outside')).toHaveText(
    'outside logsource: EventID 4624 is not network_connection',
  )
  await expect(row(page, 0)).not.toHaveAttribute('data-logsource', /./)
  await expect(row(page, 2)).not.toHaveAttribute('data-logsource', /./)

  const hide = page.getByTestId('hide-outside')
  await expect(hide.locator('xpath=..')).toContainText('Hide 1 event outside the logsource')
  await hide.check()
  await expect(page.getByTestId('event-row')).toHaveCount(2)
  await expect(page.locator('[data-logsource="outside"]')).toHaveCount(0)
  await hide.uncheck()
  await expect(page.getByTestId('event-row')).toHaveCount(3)

  await page.getByTestId('options-button').click()
  await page.getByTestId('option-logsource-only').check()
  await page.keyboard.press('Escape')
  await expect.poll(() => verdicts(page, 3)).toEqual([true, false, true])
  await expect(row(page, 1)).toHaveAttribute('data-logsource', 'outside')
  guards.check()
})

for (const scheme of ['light', 'dark'] as const)
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme })
    test('axe: no violation over the hide checkbox, an outside row and a marked row', async ({
      page,
    }) => {
      await openPage(page)
      await setEvents(page, EVENTS)
      await expect(row(page, 1)).toHaveAttribute('data-logsource', 'outside')
      const expectMark = row(page, 0).getByTestId('expect')
      await expectMark.click()
      await expect(expectMark).toHaveAttribute('data-expect', 'match')
      await row(page, 1).getByTestId('expect').click()
      await row(page, 1).getByTestId('expect').click()
      await expect(row(page, 1).getByTestId('expect')).toHaveAttribute('data-expect', 'nomatch')
      await page.getByTestId('hide-outside').focus()
      expect(await violations(page)).toEqual([])
      await page.getByTestId('hide-outside').check()
      await expect(page.getByTestId('event-row')).toHaveCount(2)
      expect(await violations(page)).toEqual([])
    })
  })
