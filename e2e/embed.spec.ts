/**
 * The read-only embedded view (issue 11): a blog on another origin frames `?embed#<link>`, the
 * frame shows the rule and the verdicts, offers the full playground, and writes nothing.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from '@playwright/test'
import { encodeState, V1_DEFAULTS } from '../src/share/index.ts'

const RULE = `title: Whoami run
logsource: {category: process_creation, product: windows}
detection:
    selection:
        Image|endswith: '\\whoami.exe'
    condition: selection
`
const EVENTS = JSON.stringify([
  { Image: 'C:\\Windows\\System32\\whoami.exe' },
  { Image: 'C:\\Windows\\System32\\hostname.exe' },
])

test('a page on another site frames the embed: rule, verdicts, a way in, and nothing stored', async ({
  page,
  baseURL,
}) => {
  const fragment = await encodeState({ ...V1_DEFAULTS, rule: RULE, events: EVENTS, selected: 0 })
  const embed = `${baseURL}?embed#${fragment.replace(/^#/, '')}`
  // The blog: a server of its own on another origin (localhost, another port), so the frame
  // comes from the real preview server with its real headers.
  const blogServer = createServer((_request, response) => {
    response.setHeader('Content-Type', 'text/html')
    response.end(
      `<!doctype html><title>A post</title><h1>A post</h1><iframe title="Sigma" src="${embed}" width="900" height="420"></iframe>`,
    )
  })
  await new Promise<void>((resolve) => blogServer.listen(0, 'localhost', resolve))
  const BLOG = `http://localhost:${(blogServer.address() as AddressInfo).port}/post`
  const foreign: string[] = []
  page.on('request', (request) => {
    const host = new URL(request.url()).hostname
    if (host !== '127.0.0.1' && request.url() !== BLOG) foreign.push(request.url())
  })
  try {
    await page.goto(BLOG)
    const frame = page.frameLocator('iframe')
    await expect(frame.getByTestId('embed')).toBeVisible({ timeout: 30_000 })
    await expect(frame.getByRole('heading', { name: 'Whoami run' })).toBeVisible()
    await expect(frame.getByTestId('embed-rule')).toContainText("Image|endswith: '\\whoami.exe'")
    const rows = frame.getByTestId('event-row')
    await expect(rows).toHaveCount(2)
    await expect(rows.nth(0)).toHaveAttribute('data-match', 'true')
    await expect(rows.nth(1)).toHaveAttribute('data-match', 'false')
    await expect(frame.getByTestId('status')).toHaveText('1 event of 2 match')

    const open = frame.getByTestId('embed-open')
    await expect(open).toHaveAttribute('target', '_blank')
    const href = (await open.getAttribute('href')) ?? ''
    expect(href).not.toContain('embed')
    expect(href.endsWith(fragment.replace(/^#/, ''))).toBe(true)

    // Chromium denies storage to this third-party frame, and the embed works all the same:
    // it reads no draft and keeps none.
    const inner = page.frames().find((f) => f.url().includes('embed'))
    const storage = await inner?.evaluate(() => {
      try {
        return Object.keys(window.localStorage).join(',')
      } catch (error) {
        return (error as Error).name
      }
    })
    expect(storage).toBe('SecurityError')
    expect(foreign).toEqual([])
  } finally {
    blogServer.close()
  }
})

test('the full page still refuses to be framed; a bad embed link says why and shows the example', async ({
  request,
  page,
}) => {
  const embedHeader = (await request.get('/?embed')).headers()['content-security-policy'] ?? ''
  expect(embedHeader).toContain('frame-ancestors *')
  expect((await request.get('/')).headers()['content-security-policy']).toContain(
    "frame-ancestors 'none'",
  )
  await page.goto('/?embed#v1/not-base64!')
  await expect(page.getByTestId('status')).toContainText('Showing the example rule instead')
  await expect(page.getByRole('heading', { name: 'Rundll32 Internet Connection' })).toBeVisible()
})

test('Share › Embed code gives an iframe whose view shows the same rule and verdicts', async ({
  page,
  context,
}) => {
  await page.goto('/')
  await expect(page.getByTestId('event-row').first()).toBeVisible({ timeout: 30_000 })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(page.url()).origin,
  })
  await page.getByTestId('share-menu').locator('summary').click()
  await page.getByTestId('share-embed').click()
  await expect(page.getByTestId('status')).toContainText('Copied the embed code')
  const code = await page.getByTestId('share-link').inputValue()
  const src = /^<iframe src="([^"]+)" title="Sigma Playground"/.exec(code)?.[1] ?? ''
  expect(src).toMatch(/\/\?embed#v1\//)
  const matches = await page.getByTestId('count-matches').textContent()
  await page.goto(src)
  await expect(page.getByTestId('embed')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Rundll32 Internet Connection' })).toBeVisible()
  await expect(page.getByTestId('count-matches')).toHaveText(matches ?? '')
})
