/**
 * The two Monaco editors on the built page: schema and modifier completion, the expansion
 * hover, engine diagnostics as markers, and the selected event's trace painted in both.
 */
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { cursorAfter, ruleAction } from './helpers.ts'

const RULE = 'file:///rule.yaml'

type MonacoWindow = Window & {
  __monaco: {
    Uri: { parse(uri: string): unknown }
    editor: {
      getModel(uri: unknown): {
        setValue(text: string): void
        getValue(): string
        getPositionAt(offset: number): { lineNumber: number; column: number }
        uri: { toString(): string }
      } | null
      getEditors(): {
        getModel(): { uri: { toString(): string } } | null
        setPosition(p: { lineNumber: number; column: number }): void
        focus(): void
        trigger(source: string, action: string, payload: unknown): void
      }[]
      getModelMarkers(filter: { owner?: string; resource?: unknown }): {
        code?: string | { value: string }
        startLineNumber: number
        severity: number
      }[]
    }
  }
}

const errors: string[] = []

test.beforeEach(async ({ page }) => {
  errors.length = 0
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto('/')
  await expect(page.getByTestId('rule-editor').locator('.view-line').first()).toBeVisible()
  await expect(page.getByTestId('events-editor').locator('.view-line').first()).toBeVisible()
  await page.waitForFunction(() => Boolean((window as unknown as MonacoWindow).__monaco))
})

test.afterEach(() => {
  expect(errors).toEqual([])
})

async function setRule(page: Page, text: string) {
  await page.evaluate(
    ([uri, value]) => {
      const monaco = (window as unknown as MonacoWindow).__monaco
      monaco.editor.getModel(monaco.Uri.parse(uri))?.setValue(value)
    },
    [RULE, text] as const,
  )
}

/** Texts of the rule lines whose whole-line decoration carries `className`, read from the DOM. */
async function paintedLines(page: Page, testId: string, className: string): Promise<string[]> {
  return page.getByTestId(testId).evaluate((root, cls) => {
    const lineAt = new Map<string, string>()
    for (const line of root.querySelectorAll<HTMLElement>('.view-lines .view-line')) {
      lineAt.set(line.style.top, (line.textContent ?? '').replace(/\u00a0/g, ' ').trim())
    }
    const texts: string[] = []
    for (const mark of root.querySelectorAll<HTMLElement>(`.view-overlays .${cls}`)) {
      const row = mark.parentElement
      const text = row ? lineAt.get(row.style.top) : undefined
      if (text !== undefined) texts.push(text)
    }
    return texts
  }, className)
}

/** Texts of the lines holding a whole-line decoration `className`, from the model (any line,
 * in view or not). */
async function decoratedLines(page: Page, uri: string, className: string): Promise<string[]> {
  return page.evaluate(
    ([modelUri, cls]) => {
      const monaco = (window as unknown as MonacoWindow).__monaco
      const model = monaco.editor.getModel(monaco.Uri.parse(modelUri)) as unknown as {
        getAllDecorations(): {
          range: { startLineNumber: number }
          options: { className?: string | null; isWholeLine?: boolean }
        }[]
        getLineContent(line: number): string
      } | null
      if (!model) return []
      return model
        .getAllDecorations()
        .filter((d) => d.options.isWholeLine && d.options.className === cls)
        .map((d) => model.getLineContent(d.range.startLineNumber).trim())
    },
    [uri, className] as const,
  )
}

/** Texts of inline spans carrying `className`. */
async function paintedSpans(page: Page, testId: string, className: string): Promise<string[]> {
  return page
    .getByTestId(testId)
    .locator(`.view-lines .${className}`)
    .evaluateAll((spans) => spans.map((s) => (s.textContent ?? '').replace(/\u00a0/g, ' ')))
}

test('schema completion offers detection', async ({ page }) => {
  await setRule(page, 'title: Completion\n\n')
  await cursorAfter(page, 'Completion\n')
  await ruleAction(page, 'editor.action.triggerSuggest')
  const suggestions = page.getByTestId('rule-editor').locator('.suggest-widget .monaco-list-row')
  await expect(suggestions.filter({ hasText: 'detection' }).first()).toBeVisible()
})

test('logsource values are hinted from the SigmaHQ names', async ({ page }) => {
  await setRule(page, 'title: L\nlogsource:\n    category: proc\n')
  await cursorAfter(page, 'category: proc')
  await ruleAction(page, 'editor.action.triggerSuggest')
  const rows = page.getByTestId('rule-editor').locator('.suggest-widget .monaco-list-row')
  await expect(rows.filter({ hasText: 'process_creation' }).first()).toBeVisible()
})

test('field names are completed from the logsource', async ({ page }) => {
  await setRule(
    page,
    'title: F\nlogsource:\n    category: network_connection\n    product: windows\ndetection:\n    selection:\n        Destin\n',
  )
  await cursorAfter(page, 'Destin')
  await ruleAction(page, 'editor.action.triggerSuggest')
  const rows = page.getByTestId('rule-editor').locator('.suggest-widget .monaco-list-row')
  await expect(rows.filter({ hasText: 'DestinationIp' }).first()).toBeVisible()
  await expect(rows.filter({ hasText: 'DestinationPort' }).first()).toBeVisible()
})

test('typing | in a detection key offers the modifiers', async ({ page }) => {
  await setRule(page, 'title: M\ndetection:\n    selection:\n        CommandLine\n')
  // The page re-renders once the edited rule is evaluated: let that settle before typing.
  await expect(page.getByTestId('status')).toContainText('condition')
  await cursorAfter(page, 'CommandLine')
  await expect(page.getByTestId('rule-editor').locator('textarea')).toBeFocused()
  await page.keyboard.type('|')
  const rows = page.getByTestId('rule-editor').locator('.suggest-widget .monaco-list-row')
  await expect(rows.filter({ hasText: 'contains' }).first()).toBeVisible()
  await page.keyboard.type('wind')
  await expect(rows.filter({ hasText: 'windash' }).first()).toBeVisible()
  await page.keyboard.press('Enter')
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as MonacoWindow).__monaco.editor.getEditors().length),
    )
    .toBeGreaterThan(0)
  const text = await page.evaluate((uri) => {
    const monaco = (window as unknown as MonacoWindow).__monaco
    return monaco.editor.getModel(monaco.Uri.parse(uri))?.getValue() ?? ''
  }, RULE)
  expect(text).toContain('CommandLine|windash')
})

test('hovering windash shows the actual variants', async ({ page }) => {
  await setRule(
    page,
    "title: W\nlogsource:\n    product: windows\ndetection:\n    selection:\n        CommandLine|windash|contains: ' -exec '\n    condition: selection\n",
  )
  await cursorAfter(page, '|wind')
  await ruleAction(page, 'editor.action.showHover')
  const hover = page.locator('.monaco-hover-content').filter({ hasText: 'windash' })
  await expect(hover).toBeVisible()
  for (const variant of ['-exec', '/exec', '–exec', '—exec', '―exec']) {
    await expect(hover).toContainText(variant)
  }
  await expect(hover).toContainText('5 variants')
})

test('an engine diagnostic becomes a marker on its line', async ({ page }) => {
  await setRule(
    page,
    "title: D\nlogsource:\n    product: windows\ndetection:\n    selection:\n        Image|endswithh: 'x'\n    condition: selection\nlevel: low\n",
  )
  await expect
    .poll(() =>
      page.evaluate((uri) => {
        const monaco = (window as unknown as MonacoWindow).__monaco
        const markers = monaco.editor.getModelMarkers({
          owner: 'sigma',
          resource: monaco.Uri.parse(uri),
        })
        return markers.map(
          (m) => `${typeof m.code === 'string' ? m.code : m.code?.value}@${m.startLineNumber}`,
        )
      }, RULE),
    )
    .toContain('UNKNOWN_MODIFIER@6')
  await expect(page.getByTestId('rule-editor').locator('.squiggly-error').first()).toBeVisible()
  await cursorAfter(page, '|endsw')
  await ruleAction(page, 'editor.action.showHover')
  const hover = page.locator('.monaco-hover-content').filter({ hasText: 'Did you mean' })
  await expect(hover.first()).toContainText('endswith')
  await expect(
    page.locator('.monaco-hover-content').filter({ hasText: 'UNKNOWN_MODIFIER' }).first(),
  ).toBeVisible()
})

test('the default rule is painted for the selected event', async ({ page }) => {
  // Event #0 is a true positive: the selection holds and every filter misses.
  await expect.poll(() => paintedLines(page, 'rule-editor', 'sp-hit')).toContain('selection:')
  const hits = await paintedLines(page, 'rule-editor', 'sp-hit')
  expect(hits).toEqual(
    expect.arrayContaining(["Image|endswith: '\\rundll32.exe'", "Initiated: 'true'"]),
  )
  const misses = await paintedLines(page, 'rule-editor', 'sp-miss')
  expect(misses).toEqual(
    expect.arrayContaining(['filter_main_local_ranges:', 'DestinationIp|cidr:']),
  )
  await expect(page.getByTestId('rule-editor').locator('.sp-glyph-hit').first()).toBeVisible()
  await expect(page.getByTestId('rule-editor').locator('.sp-glyph-miss').first()).toBeVisible()
  const eventHits = await paintedSpans(page, 'events-editor', 'sp-hit')
  expect(eventHits.join(' ')).toContain('"Image"')

  // Event #1 is excluded by the local ranges: that filter and its matching network light up,
  // in the filter-hit colour (sp-excl), not as a selection hit.
  await page.locator('[data-testid="event-row"][data-index="1"]').click()
  await expect
    .poll(() => paintedLines(page, 'rule-editor', 'sp-excl'))
    .toEqual(expect.arrayContaining(['filter_main_local_ranges:', 'DestinationIp|cidr:']))
  expect(await paintedLines(page, 'rule-editor', 'sp-hit')).toContain('selection:')
  const valueHits = await paintedSpans(page, 'rule-editor', 'sp-value-excl')
  expect(valueHits.length).toBeGreaterThan(0)
  expect(valueHits.some((text) => /'\d+\.0\.0\.0\/\d+'|'f[ce]\w*::\/\d+'/.test(text))).toBe(true)
  const eventFieldHits = await paintedSpans(page, 'events-editor', 'sp-excl')
  expect(eventFieldHits.join(' ')).toContain('"DestinationIp"')
})

test('hovering a painted line explains it', async ({ page }) => {
  await expect.poll(() => paintedLines(page, 'rule-editor', 'sp-hit')).toContain('selection:')
  await cursorAfter(page, 'Image|endswith', -3)
  await ruleAction(page, 'editor.action.showHover')
  const hover = page.locator('.monaco-hover-content').filter({ hasText: 'matched' })
  await expect(hover.first()).toContainText('rundll32.exe')
})

test('moving the cursor into an event selects it and repaints the rule', async ({ page }) => {
  await expect.poll(() => paintedLines(page, 'rule-editor', 'sp-hit')).toContain('selection:')
  // Event #3 of the default set is excluded by a Microsoft range.
  await page.evaluate(() => {
    const monaco = (window as unknown as MonacoWindow).__monaco
    const uri = 'file:///events.json'
    const editor = monaco.editor.getEditors().find((e) => e.getModel()?.uri.toString() === uri)
    const model = monaco.editor.getModel(monaco.Uri.parse(uri))
    if (!editor || !model) throw new Error('no events editor')
    const text = model.getValue()
    let offset = -1
    for (let i = 0; i < 4; i++) offset = text.indexOf('"Image"', offset + 1)
    editor.setPosition(model.getPositionAt(offset))
    editor.focus()
  })
  await expect.poll(() => decoratedLines(page, RULE, 'sp-excl')).toContain('filter_main_ms_ranges:')
  await expect(page.locator('[data-testid="event-row"][data-index="3"]')).toHaveAttribute(
    'aria-selected',
    'true',
  )
})

test('a condition-tree click moves the rule cursor to the identifier', async ({ page }) => {
  const node = page
    .getByTestId('condition-tree')
    .locator('.tree-line[data-identifier="filter_main_app_sdb"]')
    .first()
  await node.click()
  await expect
    .poll(() =>
      page.evaluate((uri) => {
        const monaco = (window as unknown as MonacoWindow).__monaco
        const editor = monaco.editor.getEditors().find((e) => e.getModel()?.uri.toString() === uri)
        const model = monaco.editor.getModel(monaco.Uri.parse(uri))
        const position = (
          editor as unknown as { getPosition(): { lineNumber: number } }
        ).getPosition()
        return model?.getValue().split('\n')[position.lineNumber - 1]?.trim()
      }, RULE),
    )
    .toBe('filter_main_app_sdb:')
})

test('an events parse error becomes a marker and the page keeps working', async ({ page }) => {
  await page.evaluate(() => {
    const monaco = (window as unknown as MonacoWindow).__monaco
    monaco.editor
      .getModel(monaco.Uri.parse('file:///events.json'))
      ?.setValue('[\n  {"Image": "a"},\n  {"Image": "b",,}\n]\n')
  })
  await expect
    .poll(() =>
      page.evaluate(() => {
        const monaco = (window as unknown as MonacoWindow).__monaco
        const resource = monaco.Uri.parse('file:///events.json')
        return monaco.editor
          .getModelMarkers({ owner: 'sigma-events', resource })
          .map((m) => m.startLineNumber)
      }),
    )
    .toEqual([3])
  await expect(page.getByTestId('events-editor').locator('.squiggly-error').first()).toBeVisible()
  await expect(page.locator('[data-testid="event-row"]').first()).toBeVisible()
})

test('a list of one-field maps gets a hint that it is OR, with no squiggle', async ({ page }) => {
  await setRule(
    page,
    "title: L\nid: 5b2c4a7e-0f1d-4c36-9a8e-2d7f3e6b1c90\ndescription: d\nlogsource:\n    product: windows\ndetection:\n    selection:\n        - Image|endswith: '\\\\x.exe'\n        - CommandLine|contains: 'y'\n    condition: selection\nlevel: low\n",
  )
  await expect
    .poll(() =>
      page.evaluate((uri) => {
        const monaco = (window as unknown as MonacoWindow).__monaco
        return monaco.editor
          .getModelMarkers({ owner: 'sigma', resource: monaco.Uri.parse(uri) })
          .map(
            (m) =>
              `${typeof m.code === 'string' ? m.code : m.code?.value}@${m.startLineNumber}/${m.severity}`,
          )
      }, RULE),
    )
    .toEqual(['LIST_OF_MAPS@7/1'])
  const editor = page.getByTestId('rule-editor')
  await expect(editor.locator('.squiggly-hint').first()).toBeAttached()
  await expect(editor.locator('.squiggly-warning, .squiggly-info')).toHaveCount(0)
  await cursorAfter(page, '    sel')
  await ruleAction(page, 'editor.action.showHover')
  await expect(
    page.locator('.monaco-hover-content').filter({ hasText: 'drop the dashes' }).first(),
  ).toBeVisible()
})

test('Format Document lays out NDJSON events and keeps every literal as written', async ({
  page,
}) => {
  const EVENTS = 'file:///events.json'
  const eventsText = () =>
    page.evaluate(
      (uri) =>
        (window as unknown as MonacoWindow).__monaco.editor
          .getModel((window as unknown as MonacoWindow).__monaco.Uri.parse(uri))
          ?.getValue(),
      EVENTS,
    )
  await page.evaluate((uri) => {
    const monaco = (window as unknown as MonacoWindow).__monaco
    monaco.editor
      .getModel(monaco.Uri.parse(uri))
      ?.setValue('{"Image":"C:\\\\x.exe","Id":18446744073709551615}\n{"Image":"b"}\n')
  }, EVENTS)
  await ruleAction(page, 'editor.action.formatDocument', EVENTS)
  await expect
    .poll(eventsText)
    .toBe('{\n  "Image": "C:\\\\x.exe",\n  "Id": 18446744073709551615\n}\n{\n  "Image": "b"\n}\n')
  await expect(page.locator('[data-testid="event-row"]')).toHaveCount(2)
})

test('the events editor completes words from the events (the shared editor worker)', async ({
  page,
}) => {
  const EVENTS = 'file:///events.json'
  await page.evaluate((uri) => {
    const monaco = (window as unknown as MonacoWindow).__monaco
    const model = monaco.editor.getModel(monaco.Uri.parse(uri))
    model?.setValue('[{"ParentImage": "C:\\\\Windows\\\\explorer.exe"},\n {"Image": "expl"}]\n')
    const editor = monaco.editor.getEditors().find((e) => e.getModel()?.uri.toString() === uri)
    const end = model?.getValue().indexOf('expl"}') ?? 0
    editor?.setPosition(model!.getPositionAt(end + 4))
    editor?.focus()
  }, EVENTS)
  await ruleAction(page, 'editor.action.triggerSuggest', EVENTS)
  const rows = page.getByTestId('events-editor').locator('.suggest-widget .monaco-list-row')
  await expect(rows.filter({ hasText: 'explorer' }).first()).toBeVisible()
})

test('for every default event, the margin glyphs agree with the result chips', async ({ page }) => {
  const rows = page.getByTestId('event-row')
  await expect(rows.first()).toBeVisible()
  const count = await rows.count()
  expect(count).toBeGreaterThan(5)
  for (let index = 0; index < count; index++) {
    const row = page.locator(`[data-testid="event-row"][data-index="${index}"]`)
    await row.click()
    const chips = await row
      .getByTestId('identifier-chip')
      .evaluateAll((nodes) =>
        Object.fromEntries(
          nodes.map((n) => [n.getAttribute('data-identifier'), n.getAttribute('data-value')]),
        ),
      )
    expect(Object.keys(chips)).toHaveLength(6)
    await expect
      .poll(() =>
        page.evaluate((uri) => {
          const monaco = (window as unknown as MonacoWindow).__monaco
          const model = monaco.editor.getModel(monaco.Uri.parse(uri)) as unknown as {
            getAllDecorations(): {
              range: { startLineNumber: number }
              options: { glyphMarginClassName?: string | null }
            }[]
            getLineContent(line: number): string
          }
          const glyphs: Record<string, string> = {}
          for (const d of model.getAllDecorations()) {
            const cls = d.options.glyphMarginClassName
            if (!cls) continue
            const name = model.getLineContent(d.range.startLineNumber).trim().replace(/:.*$/, '')
            // True is a hit, or a filter hit (sp-glyph-excl); false is a miss.
            glyphs[name] = String(!cls.includes('sp-glyph-miss'))
          }
          return glyphs
        }, RULE),
      )
      .toEqual(chips)
  }
})

test('typing a Windows path in single quotes keeps one closing quote; an unclosed one is marked where it opens', async ({
  page,
}) => {
  await setRule(
    page,
    'title: Q\nlogsource:\n    product: windows\ndetection:\n    selection:\n        TargetObject|contains: \n    condition: selection\n',
  )
  await expect(page.getByTestId('status')).toContainText(/error|empty/i)
  await cursorAfter(page, 'contains: ')
  await expect(page.getByTestId('rule-editor').locator('textarea')).toBeFocused()
  await page.keyboard.type("'\\SOFTWARE\\Policies\\'")
  const text = () =>
    page.evaluate((uri) => {
      const monaco = (window as unknown as MonacoWindow).__monaco
      return monaco.editor.getModel(monaco.Uri.parse(uri))?.getValue() ?? ''
    }, RULE)
  await expect.poll(text).toContain("TargetObject|contains: '\\SOFTWARE\\Policies\\'\n")
  await expect(page.getByTestId('status')).not.toContainText('never closed')

  // One quote too many: the string runs on, and the error sits on the line it opened.
  await page.keyboard.type("'")
  await expect(page.getByTestId('status')).toContainText('never closed')
  // Markers are set in an effect after the status renders, so they may trail it by a frame.
  const errorLines = () =>
    page.evaluate((uri) => {
      const monaco = (window as unknown as MonacoWindow).__monaco
      return monaco.editor
        .getModelMarkers({ resource: monaco.Uri.parse(uri) })
        .filter((m) => Number(m.severity) === 8)
        .map((m) => m.startLineNumber)
    }, RULE)
  await expect.poll(errorLines).toContain(6)
})

test('events fold: by indentation when small, one fold per event over 2 MB', async ({ page }) => {
  const EVENTS = 'file:///events.json'
  const eventsEditor = page.getByTestId('events-editor')
  const shownKeys = () => eventsEditor.locator('.view-line', { hasText: '"EventID"' }).count()
  const setEvents = (text: string) =>
    page.evaluate(
      ([uri, t]) => {
        const monaco = (window as unknown as MonacoWindow).__monaco
        monaco.editor.getModel(monaco.Uri.parse(uri))?.setValue(t)
      },
      [EVENTS, text] as const,
    )
  const fields = Object.fromEntries(
    Array.from({ length: 12 }, (_, f) => [`Field${f}`, 'x'.repeat(20)]),
  )
  const events = (count: number) =>
    JSON.stringify(
      Array.from({ length: count }, (_, i) => ({ EventID: 1, n: i, ...fields })),
      null,
      2,
    )

  await setEvents(events(20))
  await expect(page.getByTestId('count-events')).toHaveText('20')
  expect(await shownKeys()).toBeGreaterThan(0)
  await ruleAction(page, 'editor.foldAll', EVENTS)
  await expect.poll(shownKeys).toBe(0)

  const large = events(6000)
  expect(large.length).toBeGreaterThan(2_000_000)
  await setEvents(large)
  await expect(page.getByTestId('count-events')).toHaveText('6,000', { timeout: 20_000 })
  await expect.poll(shownKeys).toBeGreaterThan(0)
  await ruleAction(page, 'editor.foldAll', EVENTS)
  await expect.poll(shownKeys).toBe(0)
  // The first lines now show one folded event each.
  await expect(eventsEditor.locator('.view-line', { hasText: '{' }).nth(5)).toBeVisible()
})
