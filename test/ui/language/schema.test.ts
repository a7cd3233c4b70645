import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import schema from '../../../src/ui/language/schema/sigma-rule.schema.json'
import { SIGMAHQ_DIR, SPECIFICATION_DIR } from '../../corpus/corpus-files.ts'
import { readsCorpus } from '../../corpus/corpus-test.ts'

interface Logsources {
  legit: Record<string, { category?: Record<string, unknown>; service?: Record<string, unknown> }>
}

describe('the bundled Sigma rule schema', readsCorpus, () => {
  const hints = schema.properties.logsource.properties

  it('hints every category, product and service SigmaHQ uses', () => {
    const logsource = JSON.parse(
      readFileSync(join(SIGMAHQ_DIR, 'tests/logsource.json'), 'utf8'),
    ) as Logsources
    for (const [product, parts] of Object.entries(logsource.legit)) {
      if (product !== 'empty') expect(hints.product.examples).toContain(product)
      for (const category of Object.keys(parts.category ?? {})) {
        expect(hints.category.examples).toContain(category)
      }
      for (const service of Object.keys(parts.service ?? {})) {
        expect(hints.service.examples).toContain(service)
      }
    }
  })

  it('keeps the specification required keys and level values', () => {
    const spec = JSON.parse(
      readFileSync(join(SPECIFICATION_DIR, 'json-schema/sigma-detection-rule-schema.json'), 'utf8'),
    ) as { required: string[]; properties: { level: { oneOf: { const: string }[] } } }
    expect(schema.required).toEqual(spec.required)
    expect(schema.properties.level.oneOf.map((o) => o.const)).toEqual(
      spec.properties.level.oneOf.map((o) => o.const),
    )
    expect(schema.properties.detection.required).toEqual(['condition'])
  })
})
