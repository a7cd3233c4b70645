import { parseYaml } from '../../../src/engine/yaml/parse.ts'
import { classifyDocuments } from '../../../src/engine/yaml/classify.ts'

/** Every diagnostic of parsing and classifying `text`, with the text its range covers. */
export const documentCodes = (text: string) => {
  const parsed = parseYaml(text)
  return [...parsed.diagnostics, ...classifyDocuments(parsed.documents, text).diagnostics].map(
    (d) => ({
      code: d.code,
      severity: d.severity,
      text: text.slice(d.range[0], d.range[1]),
    }),
  )
}
