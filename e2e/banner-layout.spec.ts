/**
 * The banner shown when a link opens over saved work (issue 13) takes its own room under the
 * header and pushes the panes down: it never covers the header or a pane's header, at 1920, 1024
 * and 390 px, in both themes.
 */
import { expect, test } from '@playwright/test'
import { encodeState, V1_DEFAULTS } from '../src/share/index.ts'
import { guard, openPage, setRule, waitForSavedWork } from './helpers.ts'

const rule = (title: string) =>
  `title: ${title}\nlogsource:\n    product: windows\ndetection:\n    selection:\n        Image|endswith: '\\whoami.exe'\n    condition: selection\n`

for (const scheme of ['light', 'dark'] as const) {
  test(`the link banner pushes the panes down (${scheme})`, async ({ page, context }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await openPage(page)
    await setRule(page, rule('my own work'))
    await waitForSavedWork(page, 'my own work')
    const tab = await context.newPage()
    const guards = guard(tab)
    await tab.emulateMedia({ colorScheme: scheme })
    const link = `/${await encodeState({ ...V1_DEFAULTS, options: {}, rule: rule('shared') })}`
    await openPage(tab, link)
    const banner = tab.getByTestId('previous-draft-banner')
    await expect(banner).toBeVisible()
    for (const width of [1920, 1024, 390]) {
      await tab.setViewportSize({ width, height: width === 390 ? 844 : 900 })
      await tab.evaluate(() => window.scrollTo(0, 0))
      const box = await banner.boundingBox()
      expect(box).not.toBeNull()
      // Every header above or below the banner, none overlapping it.
      const overlaps = await tab.evaluate((b) => {
        const headers = [...document.querySelectorAll<HTMLElement>('.app-header, .pane-header')]
        return headers
          .map((h) => ({ text: h.textContent?.slice(0, 30) ?? '', r: h.getBoundingClientRect() }))
          .filter(({ r }) => r.height > 0 && r.bottom > b.y + 1 && r.top < b.y + b.height - 1)
          .map(({ text }) => text)
      }, box!)
      expect(overlaps, `headers under the banner at ${width} px`).toEqual([])
      const wide = await tab.evaluate(() => document.documentElement.scrollWidth)
      expect(wide, `page width at ${width} px`).toBeLessThanOrEqual(width)
      await tab.screenshot({ path: `test-results/banner-${scheme}-${width}.png` })
    }
    guards.check()
  })
}
