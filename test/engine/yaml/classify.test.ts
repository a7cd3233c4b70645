import { describe, expect, test } from 'vitest'
import { parseYaml } from '../../../src/engine/yaml/parse.ts'
import { classifyDocuments } from '../../../src/engine/yaml/classify.ts'
import { dedent } from '../../helpers/dedent.ts'
import { documentCodes } from './document-codes.ts'

const codes = documentCodes

describe('documents', () => {
  test('empty text and non-map documents are not rules', () => {
    expect(codes('')).toMatchObject([{ code: 'NOT_A_RULE' }])
    expect(codes('# only a comment\n')).toMatchObject([{ code: 'NOT_A_RULE' }])
    expect(codes('- a\n- b\n')).toMatchObject([{ code: 'NOT_A_RULE', text: '- a\n- b\n' }])
    expect(codes('just text')).toMatchObject([{ code: 'NOT_A_RULE' }])
  })
  test('v1 collections are refused at the action key', () => {
    const text = dedent`
      action: global
      title: t
      ---
      detection:
          sel: {a: 1}
          condition: sel
    `
    expect(codes(text)).toEqual([
      { code: 'V1_COLLECTION', severity: 'error', text: 'action: global' },
    ])
    expect(codes('title: a\n---\naction: repeat\n')).toMatchObject([
      { code: 'V1_COLLECTION', text: 'action: repeat' },
    ])
  })
  test('several rules: only the first is evaluated, and that is said', () => {
    const text = 'title: one\n---\ntitle: two\n'
    const parsed = parseYaml(text)
    const c = classifyDocuments(parsed.documents, text)
    expect(c.kind).toBe('detection')
    expect(c.map?.toJSON()).toEqual({ title: 'one' })
    expect(c.diagnostics).toMatchObject([{ code: 'MULTIPLE_DOCUMENTS', severity: 'warning' }])
    expect(text.slice(...c.diagnostics[0]!.range)).toBe('title: two')
  })
  test('a trailing document separator is not a second rule', () => {
    expect(codes('title: one\n---\n')).toEqual([])
  })
  test('correlation and filter documents are recognised', () => {
    const correlation = dedent`
      title: Brute force
      correlation:
          type: event_count
          rules: [failed_logon]
          timespan: 5m
          condition: {gte: 10}
    `
    const c = classifyDocuments(parseYaml(correlation).documents, correlation)
    expect(c.kind).toBe('correlation')
    expect(c.diagnostics.map((d) => d.code)).toEqual(['CORRELATION_RULE'])
    const filter = dedent`
      title: Ignore DCs
      logsource: {product: windows}
      filter:
          rules: any
          selection: {Workstation|startswith: DC-}
          condition: not selection
    `
    const f = classifyDocuments(parseYaml(filter).documents, filter)
    expect(f.kind).toBe('filter')
    expect(f.diagnostics.map((d) => d.code)).toEqual(['FILTER_RULE'])
    expect(filter.slice(...f.diagnostics[0]!.range)).toMatch(/^filter:/)
  })
  test('a v2 bundle: the detection rule is evaluated, the correlation is reported beside it', () => {
    const text = dedent`
      title: Many failures
      correlation:
          type: event_count
          rules: [failed_logon]
          timespan: 5m
          condition: {gte: 10}
      ---
      title: Failed logon
      name: failed_logon
      logsource: {product: windows, service: security}
      detection:
          sel: {EventID: 4625}
          condition: sel
    `
    const c = classifyDocuments(parseYaml(text).documents, text)
    expect(c.kind).toBe('detection')
    expect(c.map?.toJSON()).toMatchObject({ title: 'Failed logon' })
    expect(c.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['CORRELATION_RULE', 'warning'],
    ])
  })
  test('a non-map document beside a rule is reported too', () => {
    const text = 'title: one\n---\n- a\n'
    expect(codes(text)).toEqual([{ code: 'MULTIPLE_DOCUMENTS', severity: 'warning', text: '- a' }])
  })
})
