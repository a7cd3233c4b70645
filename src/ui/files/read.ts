// Reading user files as text, with progress, and telling rule files from events files.
import { utf16Order } from '../../engine/index.ts'

export type FileKind = 'rule' | 'events'

/** Rules are small; anything bigger than this is not a rule someone meant to open. */
export const MAX_RULE_BYTES = 2 * 1024 * 1024
/** Events files up to 50 MB must load; leave headroom, but refuse what would exhaust memory. */
export const MAX_EVENTS_BYTES = 200 * 1024 * 1024

const RULE_EXTENSIONS = /\.ya?ml$/i
/** What an events file may be called: the file picker offers these, and a drop goes by them. */
export const EVENTS_FILE_TYPES = ['.json', '.ndjson', '.jsonl', '.csv', '.xml', '.txt', '.log']

/** By extension; `fallback` (the editor it was dropped on) decides for anything else. */
export function kindOfFile(name: string, fallback: FileKind): FileKind {
  if (RULE_EXTENSIONS.test(name)) return 'rule'
  const lower = name.toLowerCase()
  if (EVENTS_FILE_TYPES.some((type) => lower.endsWith(type))) return 'events'
  return fallback
}

/**
 * FileReader rather than file.text(): it reports progress, and reads off the main thread. It
 * follows a byte-order mark by itself; UTF-16 without one is told from its first two bytes, as
 * the CLI tells it (engine/decode-text.ts).
 */
export async function readFileText(
  file: Blob,
  onProgress?: (fraction: number) => void,
): Promise<string> {
  const order = utf16Order(new Uint8Array(await file.slice(0, 2).arrayBuffer()))
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total)
    }
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '')
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'))
    reader.readAsText(file, order ? `utf-16${order}` : 'utf-8')
  })
}

// evtx_dump's default output puts a "Record <n>" line before each pretty-printed object.
const EVTX_DUMP_HEADER = /^Record \d+\s*$/gm

/**
 * Events text as the engine's parser accepts it (array, object, NDJSON or concatenated
 * objects). Only evtx_dump's record headers need removing; the rest is parsed in the worker.
 */
export function normalizeEventsText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (!/^\s*Record \d+/.test(withoutBom)) return withoutBom
  return withoutBom.replace(EVTX_DUMP_HEADER, '')
}

export const formatBytes = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} kB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`
