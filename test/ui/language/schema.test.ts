import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import schema from '../../../src/ui/language/schema/sigma-rule.schema.json'

// The corpus sits beside the repository: ../shared/corpus from the repo root.
const corpus = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url))

interface Logsources {
  legit: Record<string, { category?: Record<string, unknown>; service?: Record<string, unknown> }>
}

describe('the bundled Sigma rule schema', () => {
  const logsource = JSON.parse(
    readFileSync(`${corpus}sigmahq/tests/logsource.json`, 'utf8'),
  ) as Logsources
  const hints = schema.properties.logsource.properties

  it('hints every category, product and service SigmaHQ uses', () => {
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
      readFileSync(
        `${corpus}sigma-specification/json-schema/sigma-detection-rule-schema.json`,
        'utf8',
      ),
    ) as { required: string[]; properties: { level: { oneOf: { const: string }[] } } }
    expect(schema.required).toEqual(spec.required)
    expect(schema.properties.level.oneOf.map((o) => o.const)).toEqual(
      spec.properties.level.oneOf.map((o) => o.const),
    )
    expect(schema.properties.detection.required).toEqual(['condition'])
  })
})
