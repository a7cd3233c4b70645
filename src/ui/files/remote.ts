// "Open from URL": only raw GitHub content, which is also all the page's CSP lets it fetch.
import { decodeFileText } from '../../engine/index.ts'

export const ALLOWED_HOST = 'raw.githubusercontent.com'
const MAX_REMOTE_BYTES = 2 * 1024 * 1024

export type RawUrl = { ok: true; url: string } | { ok: false; message: string }

/**
 * Accepts raw URLs, and github.com blob or raw links, which it converts:
 * github.com/<owner>/<repo>/blob/<ref>/<path> → raw.githubusercontent.com/<owner>/<repo>/<ref>/<path>
 */
export function toRawUrl(input: string): RawUrl {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    return {
      ok: false,
      message:
        'That is not a URL. Paste a link such as https://github.com/SigmaHQ/sigma/blob/master/rules/….yml',
    }
  }
  if (url.protocol !== 'https:') return { ok: false, message: 'Only https:// links can be opened.' }
  if (url.hostname === 'github.com') {
    const parts = url.pathname.split('/').filter(Boolean)
    const [owner, repo, kind, ...rest] = parts
    if (!owner || !repo || (kind !== 'blob' && kind !== 'raw') || rest.length < 2) {
      return {
        ok: false,
        message: 'That github.com link does not point at a file (expected …/blob/<branch>/<path>).',
      }
    }
    return { ok: true, url: `https://${ALLOWED_HOST}/${owner}/${repo}/${rest.join('/')}` }
  }
  if (url.hostname !== ALLOWED_HOST) {
    return {
      ok: false,
      message: `Only rules on GitHub (github.com or ${ALLOWED_HOST}) can be opened; this page's security policy blocks other sites.`,
    }
  }
  url.hash = ''
  return { ok: true, url: url.toString() }
}

export type Fetched = { ok: true; text: string } | { ok: false; message: string }

export async function fetchRuleText(rawUrl: string, signal?: AbortSignal): Promise<Fetched> {
  let response: Response
  try {
    response = await fetch(rawUrl, { credentials: 'omit', referrerPolicy: 'no-referrer', signal })
  } catch {
    return {
      ok: false,
      message: `Could not reach ${ALLOWED_HOST} (offline, or blocked by the network).`,
    }
  }
  if (!response.ok) {
    const why =
      response.status === 404 ? 'not found: check the branch and path' : `HTTP ${response.status}`
    return { ok: false, message: `Could not open the rule: ${why}.` }
  }
  const declared = Number(response.headers.get('content-length') ?? '0')
  if (declared > MAX_REMOTE_BYTES)
    return { ok: false, message: 'That file is too large to be a rule.' }
  // Bytes, not response.text(): that is UTF-8 whatever the file, and a rule saved by a Windows
  // editor as UTF-16 would come out as noise. Read as a dropped file is (engine/decode-text.ts).
  const bytes = await response.arrayBuffer().catch(() => undefined)
  if (bytes === undefined) return { ok: false, message: 'The download was interrupted.' }
  if (bytes.byteLength > MAX_REMOTE_BYTES)
    return { ok: false, message: 'That file is too large to be a rule.' }
  return { ok: true, text: decodeFileText(new Uint8Array(bytes)) }
}
