import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fieldNamePrefix, fieldsFor, readLogsource } from '../../../src/ui/language/field-names.ts'
import { SIGMAHQ_DIR } from '../../corpus/corpus-files.ts'
import { readsCorpus } from '../../corpus/corpus-test.ts'
import { rule } from '../rule-fixtures.ts'

const readLogsourceList = () =>
  JSON.parse(readFileSync(join(SIGMAHQ_DIR, 'tests/logsource.json'), 'utf8')) as {
    legit: Record<string, { common: string[]; category: Record<string, string[]> }>
  }

describe('readLogsource', () => {
  it('reads product, category and service from the logsource block only', () => {
    expect(readLogsource(rule.split('\n'))).toEqual({
      product: 'windows',
      category: 'network_connection',
    })
    expect(readLogsource(['title: x', 'product: nope', 'logsource:', "  service: 'sshd'"])).toEqual(
      {
        service: 'sshd',
      },
    )
  })
})

describe('fieldsFor', () => {
  it('offers every field SigmaHQ lists for the logsource, and the common ones', readsCorpus, () => {
    const windows = readLogsourceList().legit.windows
    if (!windows) throw new Error('no windows logsource in the corpus')
    const fields = fieldsFor({ product: 'windows', category: 'network_connection' })
    for (const name of [...(windows.category.network_connection ?? []), ...windows.common]) {
      expect(fields).toContain(name)
    }
    expect(fields).not.toContain('CallTrace')
  })

  it('uses the product-less categories, and offers nothing for an unknown logsource', () => {
    expect(fieldsFor({ category: 'proxy' }).length).toBeGreaterThan(3)
    expect(fieldsFor({ product: 'no-such-product' })).toEqual([])
    expect(fieldsFor({})).toEqual([])
  })
})

describe('fieldNamePrefix', () => {
  const lines = rule.split('\n')
  const lineAt = (n: number) => lines[n - 1] ?? ''
  const at = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1

  it('completes inside a search identifier', () => {
    const line = at('Initiated')
    expect(fieldNamePrefix(lineAt, line, '        Init')).toEqual({ start: 8, typed: 'Init' })
    expect(fieldNamePrefix(lineAt, line, '        ')).toEqual({ start: 8, typed: '' })
  })

  it('does not complete identifier names, values or metadata', () => {
    expect(fieldNamePrefix(lineAt, at('selection:'), '    sel')).toBeNull()
    expect(fieldNamePrefix(lineAt, at('Initiated'), "        Initiated: 'tr")).toBeNull()
    expect(fieldNamePrefix(lineAt, at('product:'), '    prod')).toBeNull()
  })
})
