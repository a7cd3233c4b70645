/**
 * Writes small zip archives for the tests, byte by byte as the format says (local headers, data,
 * central directory, end record), deflating with node:zlib. Entries can lie about their sizes or
 * checksum, to build the hostile archives the reader must refuse.
 */
import { deflateRawSync } from 'node:zlib'
import { crc32 } from '../../../src/ui/rulesets/zip.ts'

export interface TestEntry {
  name: string
  content: string | Uint8Array
  /** Stored (0) or deflated (8, the default). */
  method?: 0 | 8
  /** Overrides, to lie about the entry. */
  declaredSize?: number
  crc?: number
  encrypted?: boolean
}

const bytesOf = (content: string | Uint8Array) =>
  typeof content === 'string' ? new TextEncoder().encode(content) : content

export function writeZip(entries: TestEntry[], comment = ''): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const raw = bytesOf(entry.content)
    const method = entry.method ?? 8
    const data = method === 8 ? deflateRawSync(raw) : Buffer.from(raw)
    const name = Buffer.from(entry.name, 'utf8')
    const crc = entry.crc ?? crc32(raw)
    const size = entry.declaredSize ?? raw.length
    const flags = 0x0800 | (entry.encrypted ? 1 : 0)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, data)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += 30 + name.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  const note = Buffer.from(comment, 'utf8')
  end.writeUInt16LE(note.length, 20)
  return new Uint8Array(Buffer.concat([...locals, directory, end, note]))
}
