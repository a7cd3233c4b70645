/**
 * Shared by share, files and safety specs: open the built page, drive the Monaco models
 * (typing multi-line text garbles through auto-indent), and watch what the page does.
 */
import { expect, type BrowserContext, type Page } from '@playwright/test'
import { EVENTS_URI, guard, RULE_URI, type MonacoWindow } from './helpers.ts'

export { EVENTS_URI, modelValue, RULE_URI } from './helpers.ts'

/** guard's console errors and foreign requests, plus every dialog (dismissed). */
export function watch(page: Page) {
  const { errors, foreign } = guard(page)
  const seen = { errors, dialogs: [] as string[], foreign }
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  return seen
}

export async function openPage(page: Page, path = '/') {
  await page.goto(path)
  await waitForEditors(page)
}

export async function waitForEditors(page: Page) {
  await expect(page.getByTestId('rule-editor').locator('.view-line').first()).toBeVisible()
  await expect(page.getByTestId('events-editor').locator('.view-line').first()).toBeVisible()
  await waitForModels(page)
}

/** Both editors' models exist (rows can be painted before Monaco has loaded). */
export async function waitForModels(page: Page, timeout?: number) {
  await page.waitForFunction(
    ([rule, events]) => {
      const monaco = (window as unknown as MonacoWindow).__monaco
      return Boolean(
        monaco?.editor.getModel(monaco.Uri.parse(rule)) &&
        monaco.editor.getModel(monaco.Uri.parse(events)),
      )
    },
    [RULE_URI, EVENTS_URI] as const,
    { timeout },
  )
}

export const setModelValue = (page: Page, uri: string, text: string) =>
  page.evaluate(
    ([u, value]) => {
      const monaco = (window as unknown as MonacoWindow).__monaco
      monaco.editor.getModel(monaco.Uri.parse(u))?.setValue(value)
    },
    [uri, text] as const,
  )

const COPIED: Record<string, string> = {
  'share-button': 'Copied a link to this rule and its events',
  'share-without-events': 'Copied a link to this rule (without events)',
}

/**
 * Clicks a share button and returns the link it copied. The clipboard write is proven by the
 * status ("Copied"); the link is read from the Share menu's box, which holds the same string
 * (headless Chromium refuses clipboard reads even with the permission granted).
 */
export async function copyShareLink(page: Page, context: BrowserContext, button = 'share-button') {
  const origin = new URL(page.url()).origin
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin })
  const menu = page.getByTestId('share-menu')
  if (button !== 'share-button') await menu.locator('summary').click()
  await page.getByTestId(button).click()
  // Each button's own words: an earlier copy's status also says "Copied", and its link is
  // still in the box until this one is built.
  await expect(page.getByTestId('status')).toContainText(COPIED[button] ?? 'Copied')
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open)))
    await menu.locator('summary').click()
  const link = await page.getByTestId('share-link').inputValue()
  await menu.locator('summary').click()
  expect(link.startsWith(`${origin}/#v1/`)).toBe(true)
  expect(link).toMatch(/#v1\/[A-Za-z0-9_-]+$/)
  return link
}

/** Waits until the autosave and the address bar have caught up with an edit. */
export async function waitForFragment(
  page: Page,
  predicate: (hash: string) => boolean = (h) => h.startsWith('#v1/'),
) {
  await expect
    .poll(async () => predicate(await page.evaluate(() => window.location.hash)))
    .toBe(true)
}

/** This tab's autosaved draft record in localStorage (rule always; events when small), as text. */
export const storedDraft = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const tab = sessionStorage.getItem('sigma-playground:tab') ?? ''
    return localStorage.getItem(`sigma-playground:work:${tab}`) ?? ''
  })
