import { describe, expect, it } from 'vitest'
import { deflateRawSync } from 'node:zlib'
import { isRuleEntry, readZipRules, ZipError, ZIP_LIMITS } from '../../../src/ui/rulesets/zip.ts'
import { writeZip } from './zip-writer.ts'

const RULE =
  'title: A\nlogsource: {product: windows}\ndetection:\n  s: {Image: x}\n  condition: s\n'

describe('readZipRules', () => {
  it('reads stored and deflated rule entries, in archive order, and ignores the rest', async () => {
    const zip = writeZip([
      { name: 'rules/', content: '', method: 0 },
      { name: 'rules/a.yml', content: RULE, method: 0 },
      { name: 'rules/deep/b.YAML', content: RULE.replace('A', 'B') },
      { name: 'README.md', content: '# not a rule' },
      { name: '__MACOSX/rules/._a.yml', content: new Uint8Array([0, 5, 22, 7, 0, 2]) },
    ])
    const read = await readZipRules(zip)
    expect(read.files).toEqual([
      { path: 'rules/a.yml', text: RULE },
      { path: 'rules/deep/b.YAML', text: RULE.replace('A', 'B') },
    ])
    expect(read.problems).toEqual([])
    expect(read.ignored).toBe(3)
  })

  it('finds the end record behind an archive comment, and reads UTF-16 rules as the page does', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RULE, 'utf16le')])
    const zip = writeZip([{ name: 'w.yml', content: new Uint8Array(utf16) }], 'made by a test')
    expect((await readZipRules(zip)).files[0]?.text).toBe(RULE)
  })

  it('reads a large deflated rule whole (many inflate steps)', async () => {
    const big = RULE + '# ' + 'padding '.repeat(200_000) + '\n'
    const read = await readZipRules(writeZip([{ name: 'big.yml', content: big }]))
    expect(read.files[0]?.text).toBe(big)
  })

  it('lists unreadable entries as problems and still reads the others', async () => {
    const zip = writeZip([
      { name: 'locked.yml', content: RULE, encrypted: true },
      { name: 'crc.yml', content: RULE, crc: 1234 },
      { name: 'ok.yml', content: RULE },
      { name: 'huge.yml', content: 'x', method: 0, declaredSize: ZIP_LIMITS.maxRuleBytes + 1 },
    ])
    const read = await readZipRules(zip)
    expect(read.files.map((f) => f.path)).toEqual(['ok.yml'])
    expect(read.problems.map((p) => p.path)).toEqual(['locked.yml', 'crc.yml', 'huge.yml'])
    expect(read.problems[0]?.message).toMatch(/encrypted/)
    expect(read.problems[1]?.message).toMatch(/checksum/)
    expect(read.problems[2]?.message).toMatch(/rules up to/)
  })

  it('says what is wrong with bytes that are no zip, or a cut one', async () => {
    await expect(readZipRules(new TextEncoder().encode('title: not a zip'))).rejects.toThrow(
      /not a zip archive/,
    )
    const zip = writeZip([{ name: 'a.yml', content: RULE }])
    const cut = new Uint8Array([...zip.subarray(0, 20), ...zip.subarray(zip.length - 22)])
    await expect(readZipRules(cut)).rejects.toBeInstanceOf(ZipError)
  })
})

describe('hostile archives', () => {
  it('refuses too many entries before reading any', async () => {
    const zip = writeZip(
      Array.from({ length: 12 }, (_, i) => ({ name: `r${i}.yml`, content: RULE })),
    )
    await expect(readZipRules(zip, { ...ZIP_LIMITS, maxEntries: 10 })).rejects.toThrow(
      /has 12 entries; at most 10/,
    )
  })

  it('refuses a declared total past the limit', async () => {
    const zip = writeZip(
      Array.from({ length: 5 }, (_, i) => ({ name: `r${i}.yml`, content: RULE })),
    )
    const limits = { ...ZIP_LIMITS, maxTotalBytes: RULE.length * 4 }
    await expect(readZipRules(zip, limits)).rejects.toThrow(/bytes of rules; at most/)
  })

  it('refuses a zip bomb: an entry that inflates past its declared size is cut short', async () => {
    // 100 MB of zeros deflate to about 100 kB; the entry claims to be 100 bytes.
    const zeros = new Uint8Array(100 * 1024 * 1024)
    const zip = writeZip([{ name: 'bomb.yml', content: zeros, declaredSize: 100, crc: 0 }])
    expect(zip.length).toBeLessThan(200_000)
    const before = process.memoryUsage().rss
    await expect(readZipRules(zip)).rejects.toThrow(/inflates past the 100 bytes.*zip bomb/)
    // Inflating all of it would take 100 MB more; the cap stops within a few steps.
    expect(process.memoryUsage().rss - before).toBeLessThan(32 * 1024 * 1024)
  })

  it('lists data that is not deflate as damaged', async () => {
    const garbage = writeZip([
      { name: 'g.yml', content: new Uint8Array([0xff, 0xff, 0xff, 0xff]), method: 0 },
    ])
    // Relabel the stored entry as deflated: the same bytes are not a deflate stream.
    const view = new DataView(garbage.buffer)
    const central = garbage.length - 22 - 46 - 'g.yml'.length
    view.setUint16(central + 10, 8, true)
    view.setUint16(8, 8, true)
    const read = await readZipRules(garbage)
    expect(read.problems).toEqual([{ path: 'g.yml', message: expect.stringMatching(/damaged/) }])
  })

  it('keeps deflateRawSync and the reader in agreement on empty entries', async () => {
    expect(deflateRawSync(Buffer.alloc(0)).length).toBeGreaterThan(0)
    const read = await readZipRules(writeZip([{ name: 'empty.yml', content: '' }]))
    expect(read.files).toEqual([{ path: 'empty.yml', text: '' }])
  })
})

describe('isRuleEntry', () => {
  it('takes .yml and .yaml, never macOS metadata or other files', () => {
    expect(isRuleEntry('rules/windows/x.yml')).toBe(true)
    expect(isRuleEntry('x.YAML')).toBe(true)
    expect(isRuleEntry('__MACOSX/rules/x.yml')).toBe(false)
    expect(isRuleEntry('rules/._x.yml')).toBe(false)
    expect(isRuleEntry('rules/x.json')).toBe(false)
  })
})
