/**
 * The Pipeline tab (issue 7): a pySigma pipeline edited beside the events changes the verdicts,
 * its errors sit at their line and in the status, completion offers transformation types, the
 * built-ins open as a starting point, and the pipeline travels in the draft and in links.
 */
import { expect, test, type Page } from '@playwright/test'
import {
  decorations,
  EVENTS_URI,
  guard,
  markers,
  openPage,
  row,
  setEvents,
  setRule,
  verdicts,
} from './helpers.ts'
import { copyShareLink, modelValue, storedDraft } from './share-helpers.ts'
import { encodeState, V1_DEFAULTS } from '../src/share/index.ts'
import { DEFAULT_RULE } from '../src/ui/defaults/rule.ts'
import { DEFAULT_EVENT_LIST } from '../src/ui/defaults/events.ts'
import { splunkLine, splunkRawForm } from '../test/engine/events/shape-forms.ts'

const PIPELINE_URI = 'file:///pipeline.yaml'

/** The default rule's fields under other names: only a pipeline makes them match. */
const RENAMED = JSON.stringify([
  {
    'proc.image': 'C:\\Windows\\System32\\rundll32.exe',
    'net.initiated': 'true',
    'dst.ip': '8.8.8.8',
  },
  {
    'proc.image': 'C:\\Windows\\System32\\rundll32.exe',
    'net.initiated': 'true',
    'dst.ip': '10.1.2.3',
  },
])

const MAPPING = `name: Renamed fields
priority: 30
transformations:
  - id: renamed
    type: field_name_mapping
    mapping:
      Image: proc.image
      Initiated: net.initiated
      DestinationIp: dst.ip
`

async function setPipeline(page: Page, text: string) {
  await page.evaluate(
    ([uri, value]) => {
      const monaco = (
        window as unknown as {
          __monaco: {
            Uri: { parse(u: string): unknown }
            editor: { getModel(u: unknown): { setValue(v: string): void } | null }
          }
        }
      ).__monaco
      monaco.editor.getModel(monaco.Uri.parse(uri))?.setValue(value)
    },
    [PIPELINE_URI, text] as const,
  )
}

async function openPipelineTab(page: Page) {
  await page.getByTestId('pipeline-tab').click()
  await expect(page.getByTestId('pipeline-editor').locator('.view-lines')).toBeVisible({
    timeout: 20_000,
  })
}

test('a pipeline typed in the tab maps the rule fields, and its errors sit at their line', async ({
  page,
}) => {
  const guards = guard(page)
  await openPage(page)
  await setEvents(page, RENAMED)
  await expect.poll(() => verdicts(page, 2)).toEqual([false, false])
  await openPipelineTab(page)
  await expect(page.getByTestId('events-editor')).toBeHidden()
  await expect(page.getByTestId('pipeline-note')).toContainText('No pipeline')
  await setPipeline(page, MAPPING)
  await expect.poll(() => verdicts(page, 2)).toEqual([true, false])
  await expect(page.getByTestId('pipeline-note')).toContainText('Applied to the rule')
  await expect(page.getByTestId('pipeline-tab')).toContainText('in use')

  await setPipeline(page, MAPPING.replace('field_name_mapping', 'field_name_mapper'))
  await expect
    .poll(async () => (await markers(page, PIPELINE_URI)).map((m) => m.startLineNumber))
    .toEqual([5])
  const [marker] = await markers(page, PIPELINE_URI)
  expect(marker?.message).toContain("Unsupported transformation type 'field_name_mapper'")
  await expect(page.getByTestId('status')).toContainText(
    "Pipeline line 5: Unsupported transformation type 'field_name_mapper'",
  )
  await expect(page.getByTestId('pipeline-note')).toContainText('not applied until fixed')
  // Not applied: the fields are read as written again.
  await expect.poll(() => verdicts(page, 2)).toEqual([false, false])
  guards.check()
})

test('completion offers the transformation types', async ({ page }) => {
  await openPage(page)
  await openPipelineTab(page)
  await setPipeline(page, 'name: mine\ntransformations:\n  - type: \n')
  const editor = page.getByTestId('pipeline-editor')
  await editor.locator('.view-line').nth(2).click()
  await page.keyboard.press('End')
  await page.keyboard.press('Control+Space')
  const suggest = page.locator('.suggest-widget')
  await expect(suggest).toContainText('field_name_mapping', { timeout: 15_000 })
  await expect(suggest).toContainText('add_condition')
})

test('a built-in pipeline opens as a starting point and can be copied', async ({
  page,
  context,
}) => {
  await openPage(page)
  await openPipelineTab(page)
  await page.getByTestId('pipeline-builtin').selectOption('ecs-windows')
  await page.getByTestId('pipeline-open').click()
  await expect.poll(() => modelValue(page, PIPELINE_URI)).toContain('Image: process.executable')
  await expect(page.getByTestId('status')).toContainText('Opened the built-in')
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(page.url()).origin,
  })
  await page.getByTestId('pipeline-builtin').selectOption('winlogbeat')
  await page.getByTestId('pipeline-copy').click()
  await expect(page.getByTestId('status')).toContainText('Copied the built-in “Winlogbeat”')
})

test("Splunk's EventCode events get the Splunk Windows pipeline with nothing set", async ({
  page,
}) => {
  const guards = guard(page)
  await openPage(page)
  await setRule(
    page,
    'title: RDP logon\nlogsource:\n    product: windows\n    service: security\ndetection:\n    selection:\n        EventID: 4624\n        LogonType: 10\n    condition: selection\n',
  )
  const result = (logonType: string) =>
    JSON.stringify({
      preview: false,
      result: { LogName: 'Security', EventCode: '4624', LogonType: logonType },
    })
  await setEvents(page, `${result('10')}\n${result('3')}\n`)
  await expect(page.getByLabel('Events').locator('.pane-meta')).toContainText(
    'Splunk Windows (EventCode)',
  )
  await expect.poll(() => verdicts(page, 2)).toEqual([true, false])
  await openPipelineTab(page)
  await expect(page.getByTestId('pipeline-note')).toHaveText(
    "No pipeline of yours: the events' shape applies the built-in “Splunk Windows (EventCode)” pipeline.",
  )
  guards.check()
})

test("Splunk's Windows XML in _raw is read as the event: the flat events' verdicts, fields painted", async ({
  page,
}) => {
  const guards = guard(page)
  await openPage(page)
  const flat = DEFAULT_EVENT_LIST as unknown as Record<string, unknown>[]
  const before = await verdicts(page, flat.length)
  await setEvents(page, flat.map((e) => JSON.stringify(splunkLine(splunkRawForm(e)))).join('\n'))
  await expect(page.getByLabel('Events').locator('.pane-meta')).toContainText(
    'Splunk _raw · Windows event log',
  )
  await expect.poll(() => verdicts(page, flat.length)).toEqual(before)
  expect(before.filter(Boolean)).toHaveLength(2)
  // The fields that decided are painted inside the _raw string, as written there.
  await expect
    .poll(async () => {
      const painted = await decorations(page, EVENTS_URI)
      return painted.find((d) => d.text.startsWith("<Data Name='Image'>"))?.inlineClassName
    })
    .toBe('sp-hit')
  guards.check()
})

test('the pipeline is kept in the draft and carried by a share link', async ({
  page,
  context,
  browser,
}) => {
  // Three page loads (first, reload, the link in a fresh context) on a loaded 2-core machine.
  test.setTimeout(150_000)
  await openPage(page)
  await setEvents(page, RENAMED)
  await openPipelineTab(page)
  await setPipeline(page, MAPPING)
  await expect.poll(() => verdicts(page, 2)).toEqual([true, false])
  // The pipeline's name: the events hold its field names too, so they would prove nothing.
  await expect.poll(() => storedDraft(page)).toContain('Renamed fields')
  const link = await copyShareLink(page, context)

  await page.reload()
  await expect(row(page, 0)).toHaveAttribute('data-match', 'true', { timeout: 30_000 })
  await expect(page.getByTestId('pipeline-tab')).toContainText('in use')

  const fresh = await (await browser.newContext()).newPage()
  await fresh.goto(link)
  await expect(row(fresh, 0)).toHaveAttribute('data-match', 'true', { timeout: 30_000 })
  await openPipelineTab(fresh)
  await expect.poll(() => modelValue(fresh, PIPELINE_URI)).toBe(MAPPING)
})

test('the tabs work from the keyboard', async ({ page }) => {
  await openPage(page)
  const eventsTab = page.getByTestId('events-tab')
  await eventsTab.focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('pipeline-tab')).toBeFocused()
  await expect(page.getByTestId('pipeline-tab')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('pipeline-editor').locator('.view-lines')).toBeVisible({
    timeout: 20_000,
  })
  // Past the pane's Generate button, the tab's own controls come next.
  const builtin = page.getByTestId('pipeline-builtin')
  for (let i = 0; i < 3 && !(await builtin.evaluate((e) => e === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(builtin).toBeFocused()
  await page.getByTestId('pipeline-tab').focus()
  await page.keyboard.press('ArrowLeft')
  await expect(eventsTab).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('events-editor')).toBeVisible()
})

test('a link with several pipelines names every one, and all of them apply', async ({ page }) => {
  const first = MAPPING.replace('      DestinationIp: dst.ip\n', '')
  const second = `name: Destinations\npriority: 40\ntransformations:\n  - type: field_name_mapping\n    mapping:\n      DestinationIp: dst.ip\n`
  const state = {
    ...V1_DEFAULTS,
    rule: DEFAULT_RULE,
    events: RENAMED,
    options: { pipelines: [first, second] },
  }
  await openPage(page, `/${await encodeState(state)}`)
  // The second pipeline applies: 10.1.2.3 is in a local range, so only the first event matches.
  await expect.poll(() => verdicts(page, 2)).toEqual([true, false])
  await openPipelineTab(page)
  await expect(page.getByTestId('status')).toContainText('This link carries 2 pipelines')
  await expect.poll(() => modelValue(page, PIPELINE_URI)).toBe(first)
  await expect(page.getByTestId('pipeline-others')).toContainText(
    'the other, “Destinations”, is applied too',
  )
})
