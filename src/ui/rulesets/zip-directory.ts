/**
 * A zip archive's central directory, read from its bytes: the list of entries with their sizes,
 * method and where their data starts. Only the central directory is trusted for sizes (a local
 * header may say 0 and put them in a data descriptor after the data). ZIP64 records are read
 * too. Anything malformed is a ZipError with a message for the status line, never a crash.
 */
import { count } from '../format.ts'

export class ZipError extends Error {}

export interface ZipEntry {
  /** The path inside the archive, `/`-separated. */
  name: string
  method: number
  encrypted: boolean
  crc32: number
  compressedSize: number
  uncompressedSize: number
  /** Offset of the entry's local header. */
  localOffset: number
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const EOCD_SIZE = 22
const MAX_COMMENT = 0xffff

const NOT_A_ZIP = 'is not a zip archive (no end of central directory record).'

function u64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true)
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('has a size beyond any file.')
  return Number(value)
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--)
    if (view.getUint32(at, true) === EOCD) return at
  throw new ZipError(NOT_A_ZIP)
}

interface Directory {
  count: number
  offset: number
  size: number
}

function readDirectoryLocation(view: DataView): Directory {
  const end = findEndRecord(view)
  let count = view.getUint16(end + 10, true)
  let size = view.getUint32(end + 12, true)
  let offset = view.getUint32(end + 16, true)
  const locator = end - 20
  if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
    const record = u64(view, locator + 8)
    if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_EOCD)
      throw new ZipError('has a damaged ZIP64 end record.')
    count = u64(view, record + 32)
    size = u64(view, record + 40)
    offset = u64(view, record + 48)
  }
  if (offset + size > view.byteLength) throw new ZipError('is truncated (its directory is cut).')
  return { count, offset, size }
}

/** Sizes and offset set to 0xFFFFFFFF in the directory are in the ZIP64 extra field (id 1). */
function applyZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  const FULL = 0xffffffff
  for (let at = start; at + 4 <= start + length;) {
    const id = view.getUint16(at, true)
    const size = view.getUint16(at + 2, true)
    if (id === 1) {
      let field = at + 4
      const next = () => {
        const value = u64(view, field)
        field += 8
        return value
      }
      if (entry.uncompressedSize === FULL) entry.uncompressedSize = next()
      if (entry.compressedSize === FULL) entry.compressedSize = next()
      if (entry.localOffset === FULL) entry.localOffset = next()
      return
    }
    at += 4 + size
  }
}

/** Every entry of the archive, directories included; `maxEntries` is checked before any is read. */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.byteLength < EOCD_SIZE) throw new ZipError(NOT_A_ZIP)
  const directory = readDirectoryLocation(view)
  if (directory.count > maxEntries)
    throw new ZipError(
      `has ${count(directory.count)} entries; at most ${count(maxEntries)} are read.`,
    )
  const names = new TextDecoder('utf-8')
  const entries: ZipEntry[] = []
  let at = directory.offset
  const end = directory.offset + directory.size
  for (let i = 0; i < directory.count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL)
      throw new ZipError('has a damaged central directory.')
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    if (at + 46 + nameLength + extraLength + commentLength > end)
      throw new ZipError('has a damaged central directory.')
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replaceAll('\\', '/'),
      encrypted: (view.getUint16(at + 8, true) & 1) === 1,
      method: view.getUint16(at + 10, true),
      crc32: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    }
    applyZip64Extra(view, at + 46 + nameLength, extraLength, entry)
    entries.push(entry)
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** The entry's stored bytes (still compressed), found through its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localOffset
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL)
    throw new ZipError('has a damaged local header.')
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  if (start + entry.compressedSize > bytes.byteLength) throw new ZipError('is truncated.')
  return bytes.subarray(start, start + entry.compressedSize)
}
