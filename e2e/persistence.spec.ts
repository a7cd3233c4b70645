/**
 * Lost work in the page (issue 14) and start-up (issues 10, 12): links in a row, large states,
 * two tabs, a full quota, a reload inside the autosave's pause, and one evaluation at start.
 */
import { expect, test, type Page } from '@playwright/test'
import { decodeFragment, encodeState, V1_DEFAULTS, type SharedState } from '../src/share/index.ts'
import {
  EVENTS_URI,
  modelValue,
  openPage,
  RULE_URI,
  setModelValue,
  storedDraft,
  waitForEditors,
  waitForFragment,
  watch,
} from './share-helpers.ts'
import type { MonacoWindow } from './helpers.ts'

const rule = (title: string) =>
  `title: ${title}\nlogsource:\n    product: windows\ndetection:\n    selection:\n        Image|endswith: '\\whoami.exe'\n    condition: selection\n`
const MINE = rule('my own draft')
const linkTo = async (state: Partial<SharedState>) =>
  `/${await encodeState({ ...V1_DEFAULTS, options: {}, ...state })}`

/** NDJSON events of about `chars` characters, each line marked with `tag`. */
const bigEvents = (tag: string, chars: number) => {
  const line = JSON.stringify({ Image: `C:\\${tag}\\${'p'.repeat(80)}.exe`, Tag: tag })
  return Array.from({ length: Math.ceil(chars / (line.length + 1)) }, () => line).join('\n')
}

/** This tab's record in IndexedDB, as stored; undefined when there is none. */
const indexedDraft = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<
        { rule?: string; events?: string; savedAt?: number; eventsPieces?: number } | undefined
      >((resolve) => {
        const tab = sessionStorage.getItem('sigma-playground:tab')
        const open = indexedDB.open('sigma-playground', 1)
        open.onerror = () => resolve(undefined)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('kv')) return resolve(undefined)
          const get = db.transaction('kv').objectStore('kv').get(`sigma-playground:work:${tab}`)
          get.onsuccess = () => {
            resolve(get.result as { rule?: string; events?: string } | undefined)
            db.close()
          }
          get.onerror = () => resolve(undefined)
        }
      }),
  )

/** The pieces of large events this tab has in IndexedDB, in order. */
const storedPieces = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const tab = sessionStorage.getItem('sigma-playground:tab')
        const prefix = `sigma-playground:work-events:${tab}:`
        const open = indexedDB.open('sigma-playground', 1)
        open.onerror = () => resolve([])
        open.onsuccess = () => {
          const db = open.result
          const all = db
            .transaction('kv')
            .objectStore('kv')
            .getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`))
          all.onsuccess = () => {
            resolve(all.result as string[])
            db.close()
          }
          all.onerror = () => resolve([])
        }
      }),
  )

/** Waits until this tab's whole draft is committed to IndexedDB. */
async function waitForIndexedDraft(page: Page, contains: string) {
  await expect
    .poll(
      async () => {
        const value = await indexedDraft(page)
        const pieces = value?.eventsPieces ? (await storedPieces(page)).join('') : undefined
        const events = value?.events ?? pieces
        return Boolean(events && `${value?.rule}${events}`.includes(contains))
      },
      { timeout: 20_000 },
    )
    .toBe(true)
}

test('two links in a row leave my own draft first in line to restore', async ({
  page,
  context,
}) => {
  const seen = watch(page)
  const linkY = await linkTo({ rule: rule('link Y') })
  const linkZ = await linkTo({ rule: rule('link Z') })
  await openPage(page)
  await setModelValue(page, RULE_URI, MINE)
  await expect.poll(() => storedDraft(page)).toContain('my own draft')
  await page.goto(linkY) // same document: only the fragment changes
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(rule('link Y'))
  await expect(page.getByTestId('previous-draft-banner')).toBeVisible()
  await expect.poll(() => storedDraft(page)).toContain('link Y')
  await page.goto(linkZ)
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(rule('link Z'))
  // And link Y once more, in a second tab.
  const tab = await context.newPage()
  await openPage(tab, linkY)
  await expect(tab.getByTestId('previous-draft-banner')).toBeVisible()
  await tab.getByTestId('restore-draft').click()
  await expect.poll(() => modelValue(tab, RULE_URI)).toBe(MINE)

  await page.getByTestId('restore-draft').click()
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(MINE)
  expect(seen.errors).toEqual([])
})

test('a link with over 2.5M characters of events, then a reload: nothing lost, the draft offered', async ({
  page,
}) => {
  const events = bigEvents('large-link', 2_600_000)
  const link = await linkTo({ rule: rule('large link'), events })
  await openPage(page)
  await setModelValue(page, RULE_URI, MINE)
  await expect.poll(() => storedDraft(page)).toContain('my own draft')
  await page.goto(link)
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(rule('large link'))
  await waitForIndexedDraft(page, 'large-link')
  await page.reload()
  await waitForEditors(page)
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(rule('large link'))
  expect((await modelValue(page, EVENTS_URI)).length).toBe(events.length)
  await expect(page.getByTestId('previous-draft-banner')).toBeVisible()
  await page.getByTestId('restore-draft').click()
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(MINE)
})

test("three tabs with over 1M characters each: reloading tab A shows tab A's work, and reads no older tab's events", async ({
  page,
  context,
}) => {
  const other = await context.newPage()
  await openPage(page)
  await openPage(other)
  await setModelValue(page, RULE_URI, rule('tab A'))
  await setModelValue(page, EVENTS_URI, bigEvents('tab-A', 1_100_000))
  await waitForIndexedDraft(page, 'tab-A')
  await setModelValue(other, RULE_URI, rule('tab B'))
  await setModelValue(other, EVENTS_URI, bigEvents('tab-B', 1_100_000))
  await waitForIndexedDraft(other, 'tab-B')
  // Large events stay out of localStorage, whose ~5 MB all tabs share.
  const localChars = await page.evaluate(() =>
    Object.keys(localStorage).reduce((n, k) => n + (localStorage.getItem(k)?.length ?? 0), 0),
  )
  expect(localChars).toBeLessThan(50_000)
  // A third tab, older than both: tab B's stored draft, copied under another id.
  const copied = await other.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const tab = sessionStorage.getItem('sigma-playground:tab') ?? ''
        const open = indexedDB.open('sigma-playground', 1)
        open.onerror = () => reject(new Error(String(open.error)))
        open.onsuccess = () => {
          const store = open.result.transaction('kv', 'readwrite').objectStore('kv')
          const prefix = `sigma-playground:work-events:${tab}:`
          const pieces = IDBKeyRange.bound(prefix, `${prefix}\uffff`)
          const keys = store.getAllKeys(pieces)
          const values = store.getAll(pieces)
          const record = store.get(`sigma-playground:work:${tab}`)
          store.transaction.oncomplete = () => resolve(keys.result.length)
          record.onsuccess = () => {
            ;(keys.result as string[]).forEach((key, i) =>
              store.put(values.result[i], key.replace(tab, 'older-tab')),
            )
            store.put({ ...record.result, savedAt: 1 }, 'sigma-playground:work:older-tab')
          }
        }
      }),
  )
  expect(copied).toBeGreaterThan(1)

  // Which stored pieces the next page asks for: this tab's, and the newest tab's (B).
  await page.addInitScript(() => {
    const asked: string[] = ((window as unknown as { __ranges: string[] }).__ranges = [])
    const bound = IDBKeyRange.bound.bind(IDBKeyRange)
    IDBKeyRange.bound = (lower, upper, ...rest) => {
      asked.push(String(lower))
      return bound(lower, upper, ...rest)
    }
  })
  await page.reload()
  await waitForEditors(page)
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(rule('tab A'))
  expect((await modelValue(page, EVENTS_URI)).includes('tab-B')).toBe(false)
  expect((await modelValue(page, EVENTS_URI)).length).toBeGreaterThan(1_000_000)
  const asked = await page.evaluate(() => (window as unknown as { __ranges: string[] }).__ranges)
  const pieces = asked.filter((r) => r.includes('work-events:'))
  expect(pieces).toHaveLength(2)
  expect(pieces.some((r) => r.includes('older-tab'))).toBe(false)
})

test('typing in the rule over events of over 1M characters stores the events once, and a reload brings back both', async ({
  page,
}) => {
  await openPage(page)
  await setModelValue(page, RULE_URI, rule('first rule'))
  await setModelValue(page, EVENTS_URI, bigEvents('kept-events', 1_100_000))
  await waitForIndexedDraft(page, 'first rule')
  const whole = await indexedDraft(page)

  await setModelValue(page, RULE_URI, rule('second rule'))
  await expect.poll(() => storedDraft(page)).toContain('second rule')
  // The events did not change, so the megabytes in IndexedDB are not written again: the rule
  // alone went to localStorage, and that save is newer than the whole one.
  await page.waitForTimeout(1000)
  expect((await indexedDraft(page))?.savedAt).toBe(whole?.savedAt)
  expect(await storedDraft(page)).not.toContain('kept-events')

  await page.reload()
  await waitForEditors(page)
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(rule('second rule'))
  expect(await modelValue(page, EVENTS_URI)).toBe(bigEvents('kept-events', 1_100_000))
  await expect(page.getByTestId('status')).not.toContainText('earlier autosave')

  // Typing in the rule after the reload stores nothing large either; new events are stored.
  await setModelValue(page, RULE_URI, rule('third rule'))
  await expect.poll(() => storedDraft(page)).toContain('third rule')
  await page.waitForTimeout(1000)
  expect((await indexedDraft(page))?.savedAt).toBe(whole?.savedAt)
  await setModelValue(page, EVENTS_URI, bigEvents('new-events', 1_100_000))
  await waitForIndexedDraft(page, 'new-events')
  await page.reload()
  await waitForEditors(page)
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(rule('third rule'))
  expect(await modelValue(page, EVENTS_URI)).toBe(bigEvents('new-events', 1_100_000))
})

test('events of over 500,000 characters are stored in pieces, come back whole, and shrinking them drops record and pieces', async ({
  page,
}) => {
  await openPage(page)
  const large = bigEvents('in-pieces', 5_000_000)
  await setModelValue(page, RULE_URI, rule('pieces'))
  await setModelValue(page, EVENTS_URI, large)
  // Put as one value, 50 MB froze the page for over a second: pieces of 500,000 characters.
  await expect.poll(async () => (await indexedDraft(page))?.eventsPieces).toBe(11)
  expect((await storedPieces(page)).join('')).toBe(large)
  expect((await indexedDraft(page))?.events).toBeUndefined()

  await page.reload()
  await waitForEditors(page)
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(rule('pieces'))
  expect(await modelValue(page, EVENTS_URI)).toBe(large)
  await expect(page.getByTestId('status')).not.toContainText('could not')

  // Within localStorage's share: IndexedDB lets go of the record and its pieces together.
  const small = bigEvents('small', 20_000)
  await setModelValue(page, EVENTS_URI, small)
  await expect.poll(() => indexedDraft(page)).toBeUndefined()
  expect(await storedPieces(page)).toEqual([])
  await page.reload()
  await waitForEditors(page)
  await expect.poll(() => modelValue(page, EVENTS_URI)).toBe(small)

  // Over localStorage's share (200,000) but one piece: a single record, and no pieces.
  await setModelValue(page, EVENTS_URI, bigEvents('smaller', 300_000))
  await waitForIndexedDraft(page, 'smaller')
  expect(await storedPieces(page)).toEqual([])
})

test('a tab opened from another starts with a copy of its session storage, yet keeps its own draft', async ({
  page,
  context,
}) => {
  await openPage(page)
  await setModelValue(page, RULE_URI, rule('tab A'))
  await expect.poll(() => storedDraft(page)).toContain('tab A')
  // Chromium copies sessionStorage, tab id included, into a tab opened this way (and into a
  // duplicated tab): the copy must not go on writing over tab A's draft.
  const [other] = await Promise.all([
    context.waitForEvent('page'),
    page.evaluate(() => void window.open('/', '_blank')),
  ])
  await waitForEditors(other)
  const tabOf = (p: Page) => p.evaluate(() => sessionStorage.getItem('sigma-playground:tab'))
  expect(await tabOf(other)).not.toBe(await tabOf(page))
  await setModelValue(other, RULE_URI, rule('tab B'))
  await expect.poll(() => storedDraft(other)).toContain('tab B')
  await page.reload()
  await waitForEditors(page)
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(rule('tab A'))
  await other.reload()
  await waitForEditors(other)
  await expect.poll(() => modelValue(other, RULE_URI)).toBe(rule('tab B'))
})

/** Fills localStorage until it refuses even one more character. */
const fillLocalStorage = (page: Page) =>
  page.evaluate(() => {
    let chunk = 'j'.repeat(1 << 20)
    for (let i = 0; chunk.length > 0; i++) {
      try {
        localStorage.setItem(`junk-${i}`, chunk)
      } catch {
        chunk = chunk.slice(0, Math.floor(chunk.length / 2))
      }
    }
  })

test('a full localStorage: the newest rule is still saved, and nothing false is said', async ({
  page,
}) => {
  await openPage(page)
  await expect.poll(() => storedDraft(page)).not.toBe('')
  await fillLocalStorage(page)
  // Larger than the draft already stored, so it cannot take that draft's place.
  const newest = rule('newest rule') + `description: ${'d'.repeat(10_000)}\n`
  await setModelValue(page, RULE_URI, newest)
  await waitForIndexedDraft(page, 'newest rule')
  await expect(page.getByTestId('storage-warning')).toHaveCount(0)
  await expect(page.getByTestId('status')).not.toContainText('still autosaved')
  await page.reload()
  await waitForEditors(page)
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(newest)
})

test('a full quota and no IndexedDB: the newest rule is kept, and the page says the events were not', async ({
  page,
}) => {
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }))
  await openPage(page)
  await fillLocalStorage(page)
  // Free room for a rule-only draft, never for 50,000 characters of events.
  await page.evaluate(() => {
    localStorage.setItem('junk-0', (localStorage.getItem('junk-0') ?? '').slice(20_000))
  })
  const events = bigEvents('unsaved', 50_000)
  // Both edits in one task, so one autosave reports on both, however slow the machine.
  await page.evaluate(
    (edits) => {
      const monaco = (window as unknown as MonacoWindow).__monaco
      for (const [uri, text] of edits) monaco.editor.getModel(monaco.Uri.parse(uri))?.setValue(text)
    },
    [
      [EVENTS_URI, events],
      [RULE_URI, rule('rule kept')],
    ] as [string, string][],
  )
  await expect(page.getByTestId('storage-warning')).toContainText(
    /Autosaved the rule, but not the events \(\d{2},\d{3} characters\): the browser's storage is full/,
  )
  await expect(page.getByTestId('status')).toContainText('Autosaved the rule, but not the events')
  await expect.poll(() => storedDraft(page)).toContain('rule kept')
  // The address bar mirrors the whole state, so a reload still brings everything back.
  await waitForFragment(page)
  await page.reload()
  await waitForEditors(page)
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(rule('rule kept'))
  expect(await modelValue(page, EVENTS_URI)).toBe(events)
  await expect(page.getByTestId('previous-draft-banner')).toHaveCount(0)
})

test('a reload inside the autosave pause brings back the newest state, with no link banner', async ({
  page,
}) => {
  await openPage(page)
  const ruleInAddress = async (hash: string) => {
    const link = await decodeFragment(hash)
    return link.ok ? link.state.rule : undefined
  }
  await setModelValue(page, RULE_URI, rule('first edit'))
  await expect
    .poll(async () => ruleInAddress(await page.evaluate(() => window.location.hash)))
    .toBe(rule('first edit'))
  // The edit and the reload in one task: the reload's zero-delay timer always fires before
  // the 300 ms autosave pause ends, however slow the machine.
  const reloaded = page.waitForEvent('load')
  const hashAtReload = await page.evaluate(
    ([uri, text]) => {
      const monaco = (window as unknown as MonacoWindow).__monaco
      monaco.editor.getModel(monaco.Uri.parse(uri))?.setValue(text)
      setTimeout(() => window.location.reload(), 0)
      return window.location.hash
    },
    [RULE_URI, rule('second edit')] as const,
  )
  expect(await ruleInAddress(hashAtReload)).toBe(rule('first edit')) // not yet the second
  await reloaded
  await waitForEditors(page)
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(rule('second edit'))
  await expect(page.getByTestId('previous-draft-banner')).toHaveCount(0)
  await expect(page.getByTestId('status')).not.toContainText('Opened the shared link')
})

test('a reload whose page is slow to arrive still brings back the newest state', async ({
  page,
}) => {
  await openPage(page)
  await setModelValue(page, RULE_URI, rule('first edit'))
  await expect
    .poll(async () => {
      const link = await decodeFragment(await page.evaluate(() => window.location.hash))
      return link.ok ? link.state.rule : undefined
    })
    .toBe(rule('first edit'))
  // The reload asks for the page at the first edit's link; the page lives on until the answer
  // comes, long enough for the autosave pause to end and mirror the second edit meanwhile.
  await page.route('**/', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await route.continue()
  })
  const reloaded = page.waitForEvent('load')
  await page.evaluate(
    ([uri, text]) => {
      const monaco = (window as unknown as MonacoWindow).__monaco
      monaco.editor.getModel(monaco.Uri.parse(uri))?.setValue(text)
      setTimeout(() => window.location.reload(), 0)
    },
    [RULE_URI, rule('second edit')] as const,
  )
  await reloaded
  await page.unroute('**/')
  await waitForEditors(page)
  await expect.poll(() => modelValue(page, RULE_URI)).toBe(rule('second edit'))
  await expect(page.getByTestId('previous-draft-banner')).toHaveCount(0)
  await expect(page.getByTestId('status')).not.toContainText('Opened the shared link')
})

test('start-up evaluates once, with the draft already in place', async ({ page }) => {
  await page.addInitScript(() => {
    // Every request that carries rule text makes the worker compile and evaluate.
    const counts = { analyze: 0, rules: [] as string[] }
    ;(window as unknown as { __analyzeCount: typeof counts }).__analyzeCount = counts
    const post = Worker.prototype.postMessage
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: never[]) {
      const request = message as { type?: string; rule?: { text: string } } | null
      if (request?.type === 'analyze') counts.analyze += 1
      if (request?.type === 'analyze' && request.rule) counts.rules.push(request.rule.text)
      return post.call(this, message, ...rest)
    } as typeof post
  })
  await openPage(page)
  await setModelValue(page, RULE_URI, MINE)
  await expect.poll(() => storedDraft(page)).toContain('my own draft')
  await page.reload()
  await waitForEditors(page)
  await expect(page.getByTestId('event-row').first()).toBeVisible()
  await page.waitForTimeout(1500)
  const counts = await page.evaluate(
    () =>
      (window as unknown as { __analyzeCount: { analyze: number; rules: string[] } })
        .__analyzeCount,
  )
  // Later requests only move the window of result rows; the rule is compiled once, the draft's.
  expect(counts.rules).toStrictEqual([MINE])
  expect(await modelValue(page, RULE_URI)).toBe(MINE)
})
