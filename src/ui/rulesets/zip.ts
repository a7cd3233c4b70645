/**
 * The rule files in a zip archive, read in the browser with no library: the central directory
 * (zip-directory.ts), then each .yml/.yaml entry stored or inflated with the platform's
 * DecompressionStream. A hostile archive is refused with a message, before anything large is
 * allocated: too many entries, too much declared content, or an entry that inflates past the
 * size it declared (a zip bomb) — the inflated bytes are counted as they come, and input is
 * fed in small pieces so no single step can produce much.
 */
import { decodeFileText } from '../../engine/index.ts'
import { MAX_RULE_BYTES } from '../files/read.ts'
import { entryData, readZipDirectory, ZipError, type ZipEntry } from './zip-directory.ts'
import { count } from '../format.ts'

export { ZipError } from './zip-directory.ts'

export interface ZipLimits {
  maxEntries: number
  /** The declared size of all rule entries together. */
  maxTotalBytes: number
  /** One rule; a bigger entry is listed as a problem and not inflated. */
  maxRuleBytes: number
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxTotalBytes: 64 * 1024 * 1024,
  maxRuleBytes: MAX_RULE_BYTES,
}

export interface RuleFile {
  path: string
  text: string
}

export interface RuleFileProblem {
  path: string
  message: string
}

export interface ZipRules {
  files: RuleFile[]
  /** Rule entries that could not be read (encrypted, too big, damaged): listed, never fatal. */
  problems: RuleFileProblem[]
  /** Entries that are not rules (other files, folders, macOS metadata). */
  ignored: number
}

const RULE_ENTRY = /\.ya?ml$/i
/** macOS archives carry `__MACOSX/…/._name.yml` resource forks: binary, never rules. */
const METADATA_ENTRY = /(^|\/)(__MACOSX\/|\._)/

export const isRuleEntry = (name: string) => RULE_ENTRY.test(name) && !METADATA_ENTRY.test(name)

/** Compressed bytes fed per step: deflate expands at most ~1,032×, so a step yields ≤ 4 MB. */
const INPUT_STEP = 4096

async function inflate(data: Uint8Array, cap: number, name: string): Promise<Uint8Array> {
  let offset = 0
  const source = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= data.length) controller.close()
        else controller.enqueue(data.slice(offset, (offset += INPUT_STEP)))
      },
    },
    { highWaterMark: 0 },
  )
  const reader = source
    .pipeThrough(
      new DecompressionStream('deflate-raw') as unknown as ReadableWritablePair<
        Uint8Array,
        Uint8Array
      >,
    )
    .getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > cap) {
      await reader.cancel()
      throw new ZipError(
        `has an entry (${name}) that inflates past the ${count(cap)} bytes it declares: refused as a zip bomb.`,
      )
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** The entry's text, or why it cannot be a rule; a ZipError when the archive is hostile. */
async function readEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  limits: ZipLimits,
): Promise<{ text: string } | { problem: string }> {
  if (entry.encrypted) return { problem: 'is encrypted; encrypted entries cannot be read.' }
  if (entry.uncompressedSize > limits.maxRuleBytes)
    return {
      problem: `is ${count(entry.uncompressedSize)} bytes; rules up to ${count(limits.maxRuleBytes)} are read.`,
    }
  if (entry.method !== 0 && entry.method !== 8)
    return {
      problem: `uses compression method ${entry.method}; only stored and deflated are read.`,
    }
  const data = entryData(bytes, entry)
  let content: Uint8Array
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) return { problem: 'is damaged (sizes disagree).' }
    content = data
  } else {
    try {
      content = await inflate(data, entry.uncompressedSize, entry.name)
    } catch (error) {
      if (error instanceof ZipError) throw error
      return { problem: 'is damaged (not valid deflate data).' }
    }
  }
  if (content.length !== entry.uncompressedSize || crc32(content) !== entry.crc32)
    return { problem: 'is damaged (its checksum does not match).' }
  return { text: decodeFileText(content) }
}

/** Throws ZipError, whose message follows the archive's name ("rules.zip is not a zip archive"). */
export async function readZipRules(
  bytes: Uint8Array,
  limits: ZipLimits = ZIP_LIMITS,
): Promise<ZipRules> {
  const entries = readZipDirectory(bytes, limits.maxEntries)
  const rules = entries.filter((e) => isRuleEntry(e.name))
  const declared = rules
    .filter((e) => e.uncompressedSize <= limits.maxRuleBytes)
    .reduce((sum, e) => sum + e.uncompressedSize, 0)
  if (declared > limits.maxTotalBytes)
    throw new ZipError(
      `holds ${count(declared)} bytes of rules; at most ${count(limits.maxTotalBytes)} are read.`,
    )
  const result: ZipRules = { files: [], problems: [], ignored: entries.length - rules.length }
  for (const entry of rules) {
    const read = await readEntry(bytes, entry, limits)
    if ('text' in read) result.files.push({ path: entry.name, text: read.text })
    else result.problems.push({ path: entry.name, message: read.problem })
  }
  return result
}
