/**
 * Opening and saving files: the hidden inputs, dropping onto either editor, the picker for
 * several rule files, evtx_dump output, a large events file, downloads and Open from URL.
 * Rules and events come from the SigmaHQ corpus beside the repository, read at test time;
 * without the corpus the file is skipped.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import {
  CORPUS_MISSING,
  hasCorpus,
  readRegressionIndex,
  SIGMAHQ_DIR,
} from '../test/corpus/corpus-files.ts'
import type { MonacoWindow } from './helpers.ts'
import {
  EVENTS_URI,
  modelValue,
  openPage,
  RULE_URI,
  setModelValue,
  watch,
} from './share-helpers.ts'

type IndexEntry = {
  rule: string
  events: string
  event_count: number
  reference_match_count: number
}
test.skip(!hasCorpus, CORPUS_MISSING)
const index = readRegressionIndex<IndexEntry>()
const sigmahq = (path: string) => (hasCorpus ? readFileSync(join(SIGMAHQ_DIR, path), 'utf8') : '')
// A regression test with several evtx_dump records (pretty-printed objects one after another).
const sample = index.find((t) => t.event_count >= 5 && t.reference_match_count >= 1) ??
  index[0] ?? { rule: '', events: '', event_count: 0, reference_match_count: 0 }
const sampleRule = sigmahq(sample.rule)
const sampleEvents = sigmahq(sample.events)
const records = hasCorpus ? sampleEvents.split(/\n(?=\{)/).map((r) => JSON.parse(r) as unknown) : []

const file = (name: string, text: string) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(text),
})

async function drop(page: Page, target: string, files: { name: string; text: string }[]) {
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer()
    for (const { name, text } of list) data.items.add(new File([text], name))
    return data
  }, files)
  // Dispatched on Monaco's own surface: the zone must catch it before Monaco does.
  const surface = page.getByTestId(target).locator('.view-lines')
  await surface.dispatchEvent('dragenter', { dataTransfer: transfer })
  await surface.dispatchEvent('dragover', { dataTransfer: transfer })
  await surface.dispatchEvent('drop', { dataTransfer: transfer })
}

test('open a rule and events through the file inputs', async ({ page }) => {
  const seen = watch(page)
  await openPage(page)
  await page.getByTestId('rule-file-input').setInputFiles(file('rule.yml', sampleRule))
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(sampleRule)
  await expect(page.getByTestId('status')).toContainText(/Opened rule rule\.yml|match|event/)
  await page.getByTestId('events-file-input').setInputFiles(file('events.json', sampleEvents))
  await expect.poll(() => modelValue(page, EVENTS_URI)).toBe(sampleEvents)
  await expect(page.getByTestId('event-row')).toHaveCount(sample.event_count)
  await expect(page.locator('[data-testid="event-row"][data-match="true"]')).toHaveCount(
    sample.reference_match_count,
  )
  expect([seen.errors, seen.foreign]).toEqual([[], []])
})

test('events saved as UTF-16, with a mark or without, open as the same events', async ({
  page,
}) => {
  await openPage(page)
  const ndjson = records.map((r) => JSON.stringify(r)).join('\n')
  const little = Buffer.from(ndjson, 'utf16le')
  for (const [name, buffer] of [
    ['marked.json', Buffer.concat([Buffer.from([0xff, 0xfe]), little])],
    ['unmarked.json', little],
    ['big-endian.json', Buffer.from(little).swap16()],
  ] as const) {
    await page.getByTestId('events-file-input').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer,
    })
    await expect.poll(() => modelValue(page, EVENTS_URI)).toBe(ndjson)
    await expect(page.getByTestId('event-row')).toHaveCount(records.length)
    // The next file's text is the same: clear the editor so that each is seen to arrive.
    await setModelValue(page, EVENTS_URI, '')
  }
})

test('evtx_dump output and NDJSON files open as events', async ({ page }) => {
  await openPage(page)
  const dump = records.map((r, i) => `Record ${i + 1}\n${JSON.stringify(r, null, 2)}`).join('\n')
  await page.getByTestId('events-file-input').setInputFiles(file('dump.txt', dump))
  await expect(page.getByTestId('event-row')).toHaveCount(records.length)
  expect(await modelValue(page, EVENTS_URI)).not.toContain('Record 1')
  const ndjson = records.map((r) => JSON.stringify(r)).join('\n')
  await page.getByTestId('events-file-input').setInputFiles(file('events.ndjson', ndjson))
  await expect.poll(() => modelValue(page, EVENTS_URI)).toBe(ndjson)
  await expect(page.getByTestId('event-row')).toHaveCount(records.length)
})

test('several rule files: the user picks one', async ({ page }) => {
  await openPage(page)
  const other =
    'title: Other rule\nlogsource:\n    product: windows\ndetection:\n    s:\n        a: b\n    condition: s\n'
  await page
    .getByTestId('rule-file-input')
    .setInputFiles([file('first.yml', sampleRule), file('second.yaml', other)])
  await expect(page.getByTestId('file-picker')).toBeVisible()
  await page.getByTestId('file-picker-option').filter({ hasText: 'second.yaml' }).click()
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(other)
  await expect(page.getByTestId('file-picker')).toHaveCount(0)
})

test('files dropped on either editor open, by extension', async ({ page }) => {
  const seen = watch(page)
  await openPage(page)
  await drop(page, 'events-editor', [{ name: 'events.json', text: sampleEvents }])
  await expect.poll(() => modelValue(page, EVENTS_URI)).toBe(sampleEvents)
  // A rule dropped on the events editor still opens as the rule.
  await drop(page, 'events-editor', [{ name: 'dropped.yml', text: sampleRule }])
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(sampleRule)
  await expect(page.getByTestId('event-row')).toHaveCount(sample.event_count)
  // An unknown extension takes the kind of the editor it lands on.
  await drop(page, 'rule-editor', [{ name: 'rule.txt-no-ext', text: 'title: dropped\n' }])
  await expect.poll(() => modelValue(page, RULE_URI)).toBe('title: dropped\n')
  expect(seen.errors).toEqual([])
})

test('download the rule and the events', async ({ page }) => {
  await openPage(page)
  await page.getByTestId('file-menu').locator('summary').click()
  const [ruleDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-rule').click(),
  ])
  expect(ruleDownload.suggestedFilename()).toBe('rundll32_internet_connection.yml')
  expect(readFileSync(await ruleDownload.path(), 'utf8')).toBe(await modelValue(page, RULE_URI))
  await page.getByTestId('file-menu').locator('summary').click()
  const [eventsDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-events').click(),
  ])
  expect(readFileSync(await eventsDownload.path(), 'utf8')).toBe(await modelValue(page, EVENTS_URI))
})

test('Open from URL converts GitHub blob links and explains failures', async ({ page }) => {
  const seen = watch(page)
  const fetched: string[] = []
  // Stand-in for GitHub: the request is answered here and never reaches the network.
  await page.route('https://raw.githubusercontent.com/**', async (route) => {
    fetched.push(route.request().url())
    if (route.request().url().endsWith('/missing.yml'))
      return route.fulfill({ status: 404, body: 'Not Found' })
    // Saved by a Windows editor: UTF-16 with a byte-order mark, served as GitHub serves it.
    if (route.request().url().endsWith('/utf16.yml'))
      return route.fulfill({
        status: 200,
        contentType: 'text/plain; charset=utf-8',
        body: Buffer.from(`\ufeff${sampleRule}`, 'utf16le'),
      })
    return route.fulfill({ status: 200, contentType: 'text/plain', body: sampleRule })
  })
  await openPage(page)
  const open = async (url: string) => {
    await page.getByTestId('file-menu').locator('summary').click()
    await page.getByTestId('open-url').click()
    await page.getByTestId('open-url-input').fill(url)
    await page.getByTestId('open-url-submit').click()
  }
  await open('https://example.com/rule.yml')
  await expect(page.getByTestId('open-url-error')).toContainText('Only rules on GitHub')
  await expect(page.getByTestId('status')).toContainText('Only rules on GitHub')
  await page.getByTestId('open-url-dialog').getByText('Cancel').click()

  await open('https://github.com/SigmaHQ/sigma/blob/master/rules/missing.yml')
  await expect(page.getByTestId('open-url-error')).toContainText('not found')
  await page.getByTestId('open-url-dialog').getByText('Cancel').click()

  await open(`https://github.com/SigmaHQ/sigma/blob/master/${sample.rule}`)
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(sampleRule)
  await setModelValue(page, RULE_URI, 'title: placeholder\n')
  await open('https://github.com/SigmaHQ/sigma/blob/master/rules/utf16.yml')
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(sampleRule)
  expect(fetched).toEqual([
    'https://raw.githubusercontent.com/SigmaHQ/sigma/master/rules/missing.yml',
    `https://raw.githubusercontent.com/SigmaHQ/sigma/master/${sample.rule}`,
    'https://raw.githubusercontent.com/SigmaHQ/sigma/master/rules/utf16.yml',
  ])
  // Only the user-requested GitHub fetches left the page, and they were answered locally.
  expect(seen.foreign.every((url) => url.startsWith('https://raw.githubusercontent.com/'))).toBe(
    true,
  )
  // The 404 answered for missing.yml is logged by the browser itself.
  expect(seen.errors.filter((e) => !e.includes('status of 404'))).toEqual([])
})

function writeEventsFile(megabytes: number) {
  const chunk = `${records.map((r) => JSON.stringify(r)).join('\n')}\n`
  const copies = Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(chunk))
  const path = join(mkdtempSync(join(tmpdir(), 'sp-events-')), `events-${megabytes}mb.ndjson`)
  const text = chunk.repeat(copies)
  writeFileSync(path, text)
  return {
    path,
    size: Buffer.byteLength(text),
    length: text.length,
    events: copies * records.length,
  }
}

/** Loads a file through the input while pinging the main thread; returns the slowest ping. */
async function loadWhilePinging(
  page: Page,
  path: string,
  done: () => Promise<boolean>,
  budgetMs: number,
) {
  const started = Date.now()
  await page.getByTestId('events-file-input').setInputFiles(path)
  let slowest = 0
  while (Date.now() - started < budgetMs) {
    const t = Date.now()
    await page.evaluate(() => 1)
    slowest = Math.max(slowest, Date.now() - t)
    if (await done()) break
    await page.waitForTimeout(50)
  }
  return { elapsed: Date.now() - started, slowest }
}

// The two large files run one after the other: on a 2-core machine, two tabs parsing tens of
// megabytes at once measure CPU contention rather than the page.
test.describe('large events files', () => {
  test.describe.configure({ mode: 'serial' })

  /** Opens a generated events file while pinging the page; the figures go on the test. */
  async function openLargeFile(page: Page, megabytes: number, budgetMs: number) {
    const big = writeEventsFile(megabytes)
    await openPage(page)
    const shown = big.events.toLocaleString('en-US')
    const count = page.getByTestId('count-events')
    const { elapsed, slowest } = await loadWhilePinging(
      page,
      big.path,
      async () => (await count.textContent()) === shown,
      budgetMs,
    )
    // What the page said, so a run that never finished says why in the report.
    const said = await page.getByTestId('status').textContent()
    test.info().annotations.push({
      type: 'figures',
      description: `${big.size} bytes, ${big.events} events, evaluated in ${elapsed} ms, slowest ping ${slowest} ms; status: ${said}`,
    })
    return { big, count: expect(count, `the status said: ${said}`), shown, slowest }
  }

  test('a 10 MB events file loads and is evaluated in full', async ({ page }) => {
    test.setTimeout(120_000)
    const { count, shown, slowest } = await openLargeFile(page, 10, 60_000)
    await count.toHaveText(shown)
    await expect(page.getByTestId('event-row').first()).toBeVisible()
    expect(slowest).toBeLessThan(4000)
  })

  const eventsLength = (page: Page) =>
    page.evaluate((uri) => {
      const monaco = (window as unknown as MonacoWindow).__monaco
      return monaco.editor.getModel(monaco.Uri.parse(uri))?.getValueLength() ?? 0
    }, EVENTS_URI)

  test('a 50 MB events file loads, is evaluated in full, and never freezes the page', async ({
    page,
  }) => {
    test.setTimeout(180_000)
    const { big, count, shown, slowest } = await openLargeFile(page, 50, 120_000)
    // The whole file is in the events editor, and every event was evaluated.
    expect(await eventsLength(page)).toBe(big.length)
    await count.toHaveText(shown)
    // Uncontended this stays under 300 ms; the bound leaves room for a busy CI machine.
    expect(slowest).toBeLessThan(4000)
  })
})
