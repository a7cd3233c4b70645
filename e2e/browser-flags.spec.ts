/**
 * The browser under test: Chromium keeps only the last --disable-features, so the list in
 * playwright.config.ts must still hold every feature Playwright disables (an upgrade may add
 * some), and a new browser context must start no renderer besides its page's.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { type Browser, chromium, expect, test } from '@playwright/test'
import { chromiumArgs, executablePath } from '../playwright.config.ts'

/** Renderer processes under the browser process `pid`, read from /proc (no `ps` needed). */
function renderersOf(pid: number): number {
  const processes = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        // The parent's pid is the second field after the command's closing parenthesis.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
        const args = readFileSync(`/proc/${name}/cmdline`, 'utf8')
        return [{ pid: Number(name), parent, renderer: args.includes('--type=renderer') }]
      } catch {
        return [] // the process ended meanwhile
      }
    })
  const parentOf = new Map(processes.map((p) => [p.pid, p.parent]))
  const under = (p: number | undefined): boolean =>
    p !== undefined && p > 1 && (p === pid || under(parentOf.get(p)))
  return processes.filter((p) => p.renderer && under(p.pid)).length
}

/** A page in a new context, and time for anything the context preloads to start. */
async function openContext(browser: Browser): Promise<void> {
  const context = await browser.newContext()
  await (await context.newPage()).goto('about:blank')
  // Without the flag, the omnibox popup's renderer started within a second.
  await new Promise((resolve) => setTimeout(resolve, 1500))
}

// A browser of its own: the other worker's browser and pages must not be counted.
test('chromium runs with every feature Playwright disables, and adds one renderer a page', async () => {
  const server = await chromium.launchServer({ executablePath, args: chromiumArgs })
  try {
    const pid = server.process().pid ?? -1
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
    const lists = commandLine
      .filter((arg) => arg.startsWith('--disable-features='))
      .map((arg) => arg.slice('--disable-features='.length).split(','))
    const last = lists.at(-1) ?? []
    expect(last).toContain('WebUIOmniboxPopup')
    for (const earlier of lists.slice(0, -1)) expect(last).toEqual(expect.arrayContaining(earlier))

    const browser = await chromium.connect(server.wsEndpoint())
    // The first context also opens the browser's first window.
    await openContext(browser)
    const before = renderersOf(pid)
    await openContext(browser)
    expect(renderersOf(pid)).toBe(before + 1)
    await browser.close()
  } finally {
    await server.close()
  }
})
