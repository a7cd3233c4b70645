/** Why a field never matches (issue 7): the row explanation names the missing field and the fix. */
import { expect, test } from '@playwright/test'
import { guard, openPage, row, setEvents } from './helpers.ts'

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
