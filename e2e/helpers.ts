/**
 * Helpers for end-to-end specs against the built page: open it and wait for both editors, set
 * editor text through the Monaco models (typing multi-line YAML garbles through auto-indent),
 * and guard against console errors and requests leaving 127.0.0.1.
 */
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

export const RULE_URI = 'file:///rule.yaml'
export const EVENTS_URI = 'file:///events.json'

interface Model {
  setValue(text: string): void
  getValue(): string
  getValueLength(): number
  getLineContent(line: number): string
  getLineCount(): number
}

/** The page exposes its Monaco instance as `window.__monaco`; this much of it is used here. */
export type MonacoWindow = Window & {
  __monaco: {
    Uri: { parse(uri: string): unknown }
    editor: {
      getModel(uri: unknown): Model | null
      getModelMarkers(filter: {
        resource?: unknown
      }): { message: string; severity: number; startLineNumber: number }[]
    }
  }
}

export interface Guards {
  errors: string[]
  foreign: string[]
  /** Asserts nothing went wrong; call at the end of a test. */
  check(): void
}

/** Records console errors, page errors and every request to anything but 127.0.0.1. */
export function guard(page: Page): Guards {
  const guards: Guards = {
    errors: [],
    foreign: [],
    check() {
      expect(guards.errors, 'console errors').toEqual([])
      expect(guards.foreign, 'requests leaving 127.0.0.1').toEqual([])
    },
  }
  page.on('console', (message) => {
    if (message.type() === 'error') guards.errors.push(message.text())
  })
  page.on('pageerror', (error) => guards.errors.push(error.message))
  page.on('request', (request) => {
    const url = new URL(request.url())
    const local = url.hostname === '127.0.0.1' || ['data:', 'blob:'].includes(url.protocol)
    if (!local) guards.foreign.push(request.url())
  })
  return guards
}

/** Opens the page and waits until both editors show text and the first results are painted. */
export async function openPage(page: Page, path = '/'): Promise<void> {
  await page.goto(path)
  // Monaco's chunk takes over 10 s to start on a loaded 2-core machine; later steps are quick.
  const loading = { timeout: 30_000 }
  await expect(page.getByTestId('rule-editor').locator('.view-line').first()).toBeVisible(loading)
  await expect(page.getByTestId('events-editor').locator('.view-line').first()).toBeVisible(loading)
  await page.waitForFunction(() => Boolean((window as unknown as MonacoWindow).__monaco))
  await expect(page.getByTestId('event-row').first()).toBeVisible(loading)
}

async function setModel(page: Page, uri: string, text: string): Promise<void> {
  await page.evaluate(
    ([u, t]) => {
      const monaco = (window as unknown as MonacoWindow).__monaco
      const model = monaco.editor.getModel(monaco.Uri.parse(u as string))
      if (!model) throw new Error(`no model ${u}`)
      model.setValue(t as string)
    },
    [uri, text],
  )
}

export const setRule = (page: Page, text: string) => setModel(page, RULE_URI, text)
export const setEvents = (page: Page, text: string) => setModel(page, EVENTS_URI, text)

export async function modelValue(page: Page, uri: string): Promise<string> {
  return page.evaluate((u) => {
    const monaco = (window as unknown as MonacoWindow).__monaco
    return monaco.editor.getModel(monaco.Uri.parse(u))?.getValue() ?? ''
  }, uri)
}

/** The markers Monaco holds for a model (engine diagnostics and schema warnings alike). */
export async function markers(page: Page, uri: string) {
  return page.evaluate((u) => {
    const monaco = (window as unknown as MonacoWindow).__monaco
    return monaco.editor.getModelMarkers({ resource: monaco.Uri.parse(u) })
  }, uri)
}

/** Each row's verdict, in order, once the results pane shows `count` rows. */
export async function verdicts(page: Page, count: number): Promise<boolean[]> {
  const rows = page.getByTestId('event-row')
  await expect(rows).toHaveCount(count)
  const values = await rows.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-match')))
  return values.map((v) => v === 'true')
}

export const row = (page: Page, index: number): Locator =>
  page.locator(`[data-testid="event-row"][data-index="${index}"]`)

export interface Painted {
  line: number
  /** The decorated text (whole line for line decorations). */
  text: string
  className?: string
  inlineClassName?: string
}

/** Every decoration on an editor's model with its line and text, read through Monaco's API. */
export async function decorations(page: Page, uri: string): Promise<Painted[]> {
  return page.evaluate((u) => {
    type Deco = {
      range: {
        startLineNumber: number
        startColumn: number
        endLineNumber: number
        endColumn: number
      }
      options: { className?: string | null; inlineClassName?: string | null; isWholeLine?: boolean }
    }
    type Editor = {
      getModel():
        | (Model & {
            uri: { toString(): string }
            getAllDecorations(): Deco[]
            getValueInRange(r: unknown): string
          })
        | null
    }
    const monaco = (window as unknown as { __monaco: { editor: { getEditors(): Editor[] } } })
      .__monaco
    const model = monaco.editor
      .getEditors()
      .map((e) => e.getModel())
      .find((m) => m?.uri.toString() === u)
    if (!model) return []
    return model.getAllDecorations().map((d) => ({
      line: d.range.startLineNumber,
      text: d.options.isWholeLine
        ? model.getLineContent(d.range.startLineNumber)
        : model.getValueInRange(d.range),
      className: d.options.className ?? undefined,
      inlineClassName: d.options.inlineClassName ?? undefined,
    }))
  }, uri)
}

/** Puts the rule editor's cursor just after `needle` (plus `shift` characters), focused. */
export async function cursorAfter(page: Page, needle: string, shift = 0) {
  await page.evaluate(
    ([uri, text, extra]) => {
      const monaco = (window as unknown as MonacoWindow).__monaco
      const editor = monaco.editor.getEditors().find((e) => e.getModel()?.uri.toString() === uri)
      const model = monaco.editor.getModel(monaco.Uri.parse(uri))
      if (!editor || !model) throw new Error('no rule editor')
      const offset = model.getValue().indexOf(text) + text.length + extra
      editor.setPosition(model.getPositionAt(offset))
      editor.focus()
    },
    [RULE_URI, needle, shift] as const,
  )
}

export async function ruleAction(page: Page, action: string, uri = RULE_URI) {
  await page.evaluate(
    ([target, id]) => {
      const monaco = (window as unknown as MonacoWindow).__monaco
      const editor = monaco.editor.getEditors().find((e) => e.getModel()?.uri.toString() === target)
      editor?.trigger('e2e', id, {})
    },
    [uri, action] as const,
  )
}

/**
 * Waits until the page's autosave holds `text`. Any saved draft is not enough: the one saved
 * before the edit (the defaults) is no work a link would set aside.
 */
export async function waitForSavedWork(page: Page, text: string) {
  await expect
    .poll(() =>
      page.evaluate(
        (wanted) =>
          Object.keys(localStorage).some(
            (key) => key.includes(':work:') && (localStorage.getItem(key) ?? '').includes(wanted),
          ),
        text,
      ),
    )
    .toBe(true)
}

/**
 * Right-clicks the events editor on `needle` in event `index` (the index-th object at the start
 * of a line) and picks a menu entry.
 */
export async function contextAction(page: Page, index: number, needle: string, label: string) {
  // The field's place on screen, asked until two answers agree: a panel closing just before
  // (the filter proposal) moves the events editor, and a click on the old place hits no field.
  let point = await fieldPoint(page, index, needle)
  for (let tries = 0; tries < 10; tries++) {
    await page.waitForTimeout(100)
    const again = await fieldPoint(page, index, needle)
    if (again.x === point.x && again.y === point.y) break
    point = again
  }
  await page.mouse.click(point.x, point.y, { button: 'right' })
  const item = page.locator('.monaco-menu .action-label', { hasText: label })
  await item.click()
  // Under load a menu just opened can miss the click and stay open (CI saw it): click again.
  for (let tries = 0; tries < 3; tries++) {
    await page.waitForTimeout(500)
    if (!(await item.isVisible())) break
    await item.click()
  }
}

async function fieldPoint(page: Page, index: number, needle: string) {
  return page.evaluate(
    ([uri, i, n]) => {
      type Editor = {
        getModel(): {
          uri: { toString(): string }
          getValue(): string
          getPositionAt(o: number): unknown
        } | null
        revealPositionInCenter(p: unknown): void
        getScrolledVisiblePosition(p: unknown): { left: number; top: number; height: number }
        getDomNode(): HTMLElement
      }
      const editors = (
        window as unknown as { __monaco: { editor: { getEditors(): Editor[] } } }
      ).__monaco.editor.getEditors()
      const editor = editors.find((e) => e.getModel()?.uri.toString() === uri)!
      const model = editor.getModel()!
      const text = model.getValue()
      // Event `i`: the i-th object at the start of a line (evtx_dump output, NDJSON).
      let start = 0
      for (let k = 0; k < i; k++) start = text.indexOf('\n{', start + 1)
      const position = model.getPositionAt(text.indexOf(n, start) + 4)
      editor.revealPositionInCenter(position)
      const at = editor.getScrolledVisiblePosition(position)
      const box = editor.getDomNode().getBoundingClientRect()
      return { x: box.left + at.left, y: box.top + at.top + at.height / 2 }
    },
    [EVENTS_URI, index, needle] as const,
  )
}
