/**
 * Where the editors scroll when something is revealed (issue 13): an evtx event selected in the
 * results shows the first field the rule read (not `Event.#attributes`), a condition-tree click
 * leaves the line clear of Monaco's sticky scroll header, and a link's selected event is
 * scrolled into view in the results list and the events editor.
 */
import { expect, test, type Page } from '@playwright/test'
import { encodeState, V1_DEFAULTS } from '../src/share/index.ts'
import {
  EVENTS_URI,
  guard,
  openPage,
  row,
  RULE_URI,
  setEvents,
  setRule,
  verdicts,
  waitForSavedWork,
  type Guards,
} from './helpers.ts'

interface EditorView {
  /** Lines in the viewport, first and last. */
  visible: [number, number]
  /** 1-based line of the first line containing `needle` at or after line `from`. */
  line: number
  /** Pixels from the viewport's top to that line's top. */
  lineTop: number
  /** Height of the sticky scroll header (0 when none is shown). */
  sticky: number
}

/** The editor holding `uri`: what it shows, and where `needle` sits in it. */
function editorView(page: Page, uri: string, needle: string, from = 1): Promise<EditorView> {
  return page.evaluate(
    ([u, n, f]) => {
      type Editor = {
        getModel(): {
          uri: { toString(): string }
          getLineCount(): number
          getLineContent(l: number): string
        } | null
        getVisibleRanges(): { startLineNumber: number; endLineNumber: number }[]
        getTopForLineNumber(l: number): number
        getScrollTop(): number
        getContainerDomNode(): HTMLElement
      }
      const editors = (
        window as unknown as { __monaco: { editor: { getEditors(): Editor[] } } }
      ).__monaco.editor.getEditors()
      const editor = editors.find((e) => e.getModel()?.uri.toString() === u)
      const model = editor?.getModel()
      if (!editor || !model) throw new Error(`no editor for ${u}`)
      let line = -1
      for (let l = f; l <= model.getLineCount(); l++) {
        if (model.getLineContent(l).includes(n)) {
          line = l
          break
        }
      }
      const ranges = editor.getVisibleRanges()
      const sticky = editor.getContainerDomNode().querySelector<HTMLElement>('.sticky-widget')
      return {
        visible: [ranges[0]?.startLineNumber ?? 0, ranges.at(-1)?.endLineNumber ?? 0],
        line,
        lineTop: editor.getTopForLineNumber(line) - editor.getScrollTop(),
        sticky: sticky && sticky.offsetParent ? sticky.offsetHeight : 0,
      }
    },
    [uri, needle, from] as const,
  )
}

const shows = (view: EditorView) => view.line >= view.visible[0] && view.line <= view.visible[1]

/** A Sysmon process creation as evtx_dump writes it: System first, EventData after it. */
function evtxEvent(index: number, image: string) {
  return {
    Event: {
      '#attributes': { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' },
      System: {
        Provider: {
          '#attributes': {
            Name: 'Microsoft-Windows-Sysmon',
            Guid: '5770385F-C22A-43E0-BF4C-06F5698FFBD9',
          },
        },
        EventID: 1,
        Version: 5,
        Level: 4,
        Task: 1,
        Opcode: 0,
        Keywords: '0x8000000000000000',
        TimeCreated: { '#attributes': { SystemTime: `2024-05-01T10:00:0${index}.000Z` } },
        EventRecordID: 1000 + index,
        Correlation: null,
        Execution: { '#attributes': { ProcessID: 3140, ThreadID: 4512 } },
        Channel: 'Microsoft-Windows-Sysmon/Operational',
        Computer: 'ws-017.corp.example',
        Security: { '#attributes': { UserID: 'S-1-5-18' } },
      },
      EventData: {
        RuleName: '-',
        UtcTime: `2024-05-01 10:00:0${index}.000`,
        ProcessGuid: '{a3b1c2d4-0000-0000-0000-000000000001}',
        ProcessId: 4000 + index,
        CurrentDirectory: 'C:\\Users\\alice\\',
        User: 'CORP\\alice',
        LogonId: '0x3e7',
        IntegrityLevel: 'Medium',
        Hashes: 'SHA256=0000000000000000000000000000000000000000000000000000000000000000',
        ParentImage: 'C:\\Windows\\System32\\cmd.exe',
        Image: image,
        CommandLine: image,
      },
    },
  }
}

const EVTX_RULE = `title: Whoami from cmd
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        Image|endswith: '\\whoami.exe'
    condition: selection
`

let guards: Guards
test.beforeEach(({ page }) => {
  guards = guard(page)
})
test.afterEach(() => guards.check())

test('selecting an evtx event scrolls the events editor to the first field the rule read', async ({
  page,
}) => {
  await openPage(page)
  const events = [0, 1, 2].map((i) =>
    evtxEvent(i, i === 2 ? 'C:\\Windows\\System32\\whoami.exe' : 'C:\\Windows\\notepad.exe'),
  )
  await setRule(page, EVTX_RULE)
  await setEvents(page, JSON.stringify(events, null, 2))
  await expect.poll(() => verdicts(page, 3)).toEqual([false, false, true])
  await row(page, 2).click()
  // Event 2's own Image line, not the first one in the file.
  const start = (await editorView(page, EVENTS_URI, 'whoami.exe')).line
  expect(start).toBeGreaterThan(0)
  await expect
    .poll(async () => shows(await editorView(page, EVENTS_URI, '"Image"', start - 2)))
    .toBe(true)
  // The event starts far above its EventData: its `#attributes` are out of view.
  const view = await editorView(page, EVENTS_URI, 'whoami.exe')
  expect(view.line - view.visible[0]).toBeGreaterThan(0)
})

test('the rule opens with `detection:` clear of the sticky scroll header', async ({ page }) => {
  // Metadata long enough to scroll, ending in a nested block: scrolled to the detection, the
  // header pins `related:` and its `- id:` over the two lines at the top.
  const description = Array.from({ length: 30 }, (_, i) => `    Line ${i} of a long description.`)
  const values = Array.from({ length: 40 }, (_, i) => `            - '\\tool${i}.exe'`)
  const rule = `title: Sticky
description: |
${description.join('\n')}
logsource:
    category: process_creation
    product: windows
related:
    - id: 0e95725d-7320-415d-80f7-004da920fc11
      type: derived
detection:
    filter_main_signed:
        Signed: 'true'
    selection:
        Image|endswith:
${values.join('\n')}
    condition: selection and not filter_main_signed
`
  const events = JSON.stringify([{ Image: 'C:\\tool3.exe', Signed: 'false' }])
  await openPage(page, `/${await encodeState({ ...V1_DEFAULTS, options: {}, rule, events })}`)
  await expect.poll(() => verdicts(page, 1)).toEqual([true])
  const clear = async (needle: string) => {
    const view = await editorView(page, RULE_URI, needle)
    return view.lineTop >= view.sticky && shows(view)
  }
  await expect.poll(() => clear('detection:')).toBe(true)
  await page.screenshot({ path: 'test-results/sticky-detection.png' })
  // A condition-tree click leaves the identifier clear of the header too.
  await page
    .getByTestId('condition-tree')
    .locator('.tree-line[data-identifier="filter_main_signed"]')
    .click()
  await expect.poll(() => clear('filter_main_signed:')).toBe(true)
})

test("a link's selected event is scrolled into view in the results and the events editor", async ({
  page: first,
}) => {
  let page = first
  const events = Array.from({ length: 3000 }, (_, i) =>
    JSON.stringify({ Image: `C:\\Tools\\tool${i}.exe`, Index: i }),
  ).join('\n')
  const rule = `title: Tool 2500\nlogsource:\n    product: windows\ndetection:\n    selection:\n        Index: 2500\n    condition: selection\n`
  const link = `/${await encodeState({ ...V1_DEFAULTS, options: {}, rule, events, selected: 2500 })}`
  // Opened in a new tab over saved work: the work is set aside and a banner says so.
  await openPage(page)
  await setRule(page, `${rule}# my own work\n`)
  await waitForSavedWork(page, '# my own work')
  page = await page.context().newPage()
  await openPage(page, link)
  await expect(page.getByTestId('previous-draft-banner')).toBeVisible()
  const list = page.locator('.results-rows')
  const selectedRow = row(page, 2500)
  await expect(selectedRow).toHaveAttribute('aria-selected', 'true')
  await expect
    .poll(async () => {
      const [box, rowBox] = [await list.boundingBox(), await selectedRow.boundingBox()]
      if (!box || !rowBox) return false
      return rowBox.y >= box.y - 1 && rowBox.y + rowBox.height <= box.y + box.height + 1
    })
    .toBe(true)
  await expect
    .poll(async () => shows(await editorView(page, EVENTS_URI, 'tool2500.exe')))
    .toBe(true)
  // In view and not covered by anything (the banner above all).
  const uncovered = (selector: string, text: string) =>
    page.evaluate(
      ([sel, t]) => {
        const node = [...document.querySelectorAll<HTMLElement>(sel)].find((n) =>
          n.textContent?.includes(t),
        )
        if (!node) return false
        const box = node.getBoundingClientRect()
        const hit = document.elementFromPoint(box.left + 40, box.top + box.height / 2)
        return Boolean(hit && node.contains(hit))
      },
      [selector, text] as const,
    )
  await expect
    .poll(() => uncovered('[data-testid="events-editor"] .view-line', 'tool2500.exe'))
    .toBe(true)
  await expect.poll(() => uncovered('[data-testid="event-row"]', '#2500')).toBe(true)
})
