/**
 * Windows event XML pasted into the events editor (Event Viewer's XML view, wevtutil): read as
 * event-log events, evaluated, the deciding fields painted in the XML, and broken XML marked
 * at its line.
 */
import { expect, test } from '@playwright/test'
import {
  EVENTS_URI,
  decorations,
  guard,
  markers,
  openPage,
  row,
  setEvents,
  verdicts,
} from './helpers.ts'
import { violations } from './axe.ts'

const NS = 'http://schemas.microsoft.com/win/2004/08/events/event'
const event = (image: string, ip: string) => `<Event xmlns="${NS}">
  <System>
    <Provider Name="Microsoft-Windows-Sysmon" Guid="{5770385f-c22a-43e0-bf4c-06f5698ffbd9}" />
    <EventID>3</EventID>
    <Channel>Microsoft-Windows-Sysmon/Operational</Channel>
    <Computer>WS-FIN-0142.corp.example.com</Computer>
  </System>
  <EventData>
    <Data Name="Image">${image}</Data>
    <Data Name="Initiated">true</Data>
    <Data Name="DestinationIp">${ip}</Data>
  </EventData>
</Event>`
const XML = `<?xml version="1.0" encoding="utf-8"?>
<Events>
${event('C:\\Windows\\System32\\rundll32.exe', '8.8.8.8')}
${event('C:\\Windows\\System32\\rundll32.exe', '10.2.3.4')}
${event('C:\\Program Files\\App\\app.exe', '8.8.8.8')}
</Events>
`

test('pasted Windows event XML is evaluated, and its deciding fields are painted', async ({
  page,
}) => {
  const guards = guard(page)
  await openPage(page)
  await setEvents(page, XML)
  await expect.poll(() => verdicts(page, 3)).toEqual([true, false, false])
  await expect(page.getByLabel('Events').locator('.pane-meta')).toHaveText(
    '3 events · Windows event XML',
  )
  await expect(row(page, 0)).toContainText(
    'matched: selection (Image C:\\Windows\\System32\\rundll32.exe ends with \\rundll32.exe',
  )
  await expect(row(page, 1)).toContainText('excluded by filter_main_local_ranges')
  // The first event is selected: its Image element is painted inside the XML text.
  await expect
    .poll(async () => (await decorations(page, EVENTS_URI)).map((d) => d.text))
    .toContain('<Data Name="Image">C:\\Windows\\System32\\rundll32.exe')
  await expect(page.getByTestId('status')).toContainText('1 of 3 events match')
  // Tags are coloured; digits inside words are not numbers, an element's number is.
  const tokens = await page.evaluate(() => {
    type Tokenize = (text: string, language: string) => { offset: number; type: string }[][]
    const monaco = (window as unknown as { __monaco: { editor: { tokenize: Tokenize } } }).__monaco
    const line =
      '<Computer>WS-0142</Computer><Image>C:\\System32\\a.exe</Image><EventID>3</EventID>'
    return monaco.editor
      .tokenize(line, 'json')[0]
      ?.map((t) => line.slice(t.offset, t.offset + 6) + ' ' + t.type)
  })
  expect(tokens?.filter((t) => t.endsWith(' number.json'))).toEqual(['3</Eve number.json'])
  expect(tokens?.[0]).toBe('<Compu type.tag.json')
  guards.check()
})

test('broken XML is marked at its line and said in the status; the other events still run', async ({
  page,
}) => {
  await openPage(page)
  const broken = XML.replace(
    '<Data Name="Initiated">true</Data>',
    '<Data Name="Initiated">true</Dat>',
  )
  await setEvents(page, broken)
  await expect(page.getByTestId('status')).toContainText(/Events: .*line 12/)
  await expect
    .poll(async () => (await markers(page, EVENTS_URI)).map((m) => [m.startLineNumber, m.message]))
    .toEqual([[12, 'Invalid XML: </Dat> closes <Data>']])
  await expect.poll(() => verdicts(page, 2)).toEqual([false, false])
  expect(await violations(page)).toEqual([])
})
