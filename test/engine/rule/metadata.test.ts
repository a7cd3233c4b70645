import { describe, expect, test } from 'vitest'
import { parseYaml } from '../../../src/engine/yaml/parse.ts'
import { asMap } from '../../../src/engine/yaml/nodes.ts'
import { isSigmaDate, isUuid, readMetadata } from '../../../src/engine/rule/metadata.ts'

function read(text: string) {
  const map = asMap(parseYaml(text).documents[0]?.contents)
  if (!map) throw new Error('map expected')
  const { meta, diagnostics } = readMetadata(map)
  return {
    meta,
    errors: diagnostics.map((d) => [d.code, d.severity, text.slice(d.range[0], d.range[1])]),
  }
}

describe('metadata (pySigma checks, sigma-reference §1.1)', () => {
  test('a well-formed header reads cleanly', () => {
    const { meta, errors } = read(
      [
        'title: Rundll32 Internet Connection',
        'id: cdc8da7d-c303-42f8-b08c-b4ab47230263',
        'status: test',
        'level: medium',
        'author: Someone',
        'description: Detects things',
        'date: 2017-11-04',
        'modified: 2024/3/13',
        'tags: [attack.execution, attack.t1218.011]',
        'references: [https://example.org]',
        'falsepositives: [Unknown]',
        'logsource: {category: network_connection, product: windows}',
        'related: [{id: 9a4ff3b8-6187-4fd2-8e8b-e0eae1129495, type: derived}]',
      ].join('\n'),
    )
    expect(errors).toEqual([])
    expect(meta).toEqual({
      title: 'Rundll32 Internet Connection',
      id: 'cdc8da7d-c303-42f8-b08c-b4ab47230263',
      status: 'test',
      level: 'medium',
      author: 'Someone',
      description: 'Detects things',
      tags: ['attack.execution', 'attack.t1218.011'],
      logsource: { category: 'network_connection', product: 'windows' },
    })
  })
  test('bad id, level, status, dates', () => {
    expect(read('id: not-a-uuid').errors).toEqual([['BAD_METADATA', 'error', 'not-a-uuid']])
    expect(read('level: severe').errors).toEqual([['BAD_METADATA', 'error', 'severe']])
    expect(read('status: Stable').errors).toEqual([])
    expect(read('status: beta').errors).toEqual([['BAD_METADATA', 'error', 'beta']])
    expect(read('date: 2024-13-45').errors).toEqual([['BAD_METADATA', 'error', '2024-13-45']])
    expect(read('modified: 04.11.2017').errors).toEqual([['BAD_METADATA', 'error', '04.11.2017']])
  })
  test('types: strings, lists, tags with a namespace', () => {
    expect(read('title: [a]').errors).toEqual([['BAD_METADATA', 'error', '[a]']])
    expect(read(`title: ${'x'.repeat(257)}`).errors).toHaveLength(1)
    expect(read('author: 5').errors).toEqual([['BAD_METADATA', 'error', '5']])
    expect(read('references: https://x').errors).toEqual([['BAD_METADATA', 'error', 'https://x']])
    expect(read('tags: attack.t1').errors).toEqual([['BAD_METADATA', 'error', 'attack.t1']])
    expect(read('tags: [attack.t1, t1059]').errors).toEqual([['BAD_METADATA', 'error', 't1059']])
    expect(read('related: [{id: x, type: derived}]').errors).toEqual([
      ['BAD_METADATA', 'error', 'x'],
    ])
  })
  test('logsource: a map naming category, product or service', () => {
    expect(read('logsource: windows').errors).toEqual([['BAD_METADATA', 'error', 'windows']])
    expect(read('logsource: {definition: x}').errors).toEqual([
      ['BAD_METADATA', 'error', '{definition: x}'],
    ])
    expect(read('logsource: {product: [a]}').errors).toContainEqual([
      'BAD_METADATA',
      'error',
      '[a]',
    ])
    expect(read('logsource: {service: sysmon, custom: 1}').errors).toEqual([])
  })
  test('missing attributes are not errors here (lint warns)', () => {
    expect(read('foo: bar').errors).toEqual([])
  })
})

describe('formats', () => {
  test('UUIDs in the forms Python accepts', () => {
    expect(isUuid('cdc8da7d-c303-42f8-b08c-b4ab47230263')).toBe(true)
    expect(isUuid('CDC8DA7DC30342F8B08CB4AB47230263')).toBe(true)
    expect(isUuid('{cdc8da7d-c303-42f8-b08c-b4ab47230263}')).toBe(true)
    expect(isUuid('cdc8da7d-c303-42f8-b08c-b4ab4723026')).toBe(false)
    expect(isUuid('zdc8da7d-c303-42f8-b08c-b4ab47230263')).toBe(false)
  })
  test('dates', () => {
    expect(isSigmaDate('2024-02-29')).toBe(true)
    expect(isSigmaDate('2023-02-29')).toBe(false)
    expect(isSigmaDate('2024/2/9')).toBe(true)
    expect(isSigmaDate('2024-2-9')).toBe(false)
  })
})
