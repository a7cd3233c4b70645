/** Read a rule text down to its detection source model, for shape tests. */
import { parseYaml } from '../../../src/engine/yaml/parse.ts'
import { classifyDocuments } from '../../../src/engine/yaml/classify.ts'
import { readDetection } from '../../../src/engine/rule/detection.ts'
import type { Diagnostic } from '../../../src/engine/types.ts'

export function detectionOf(text: string) {
  const parsed = parseYaml(text)
  const { map, doc } = classifyDocuments(parsed.documents, text)
  if (!map || !doc) throw new Error('not a rule')
  const diagnostics: Diagnostic[] = []
  const detection = readDetection(map, [0, 0], { text, doc: doc.doc, diagnostics })
  return { ...detection, diagnostics }
}

export const slice = (text: string, range: readonly [number, number]) =>
  text.slice(range[0], range[1])
