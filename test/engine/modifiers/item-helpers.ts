/** Builds item sources as the rule level would, with distinct ranges per modifier and value. */
import type { CompiledItem, ItemSource } from '../../../src/engine/item.ts'
import type {
  Diagnostic,
  EngineOptions,
  FieldTrace,
  KeywordTrace,
  Scalar,
} from '../../../src/engine/types.ts'
import { compileItem } from '../../../src/engine/item-compiler/compile-item.ts'
import { prepareEvent } from '../../../src/engine/match/prepare-event.ts'

/** `key` is `Field|mod1|mod2` (empty field → keyword item with modifiers, null → plain keywords). */
export function source(key: string | null, values: Scalar | Scalar[]): ItemSource {
  const list = Array.isArray(values) ? values : [values]
  const parts = key === null ? [''] : key.split('|')
  const field = key === null || parts[0] === '' ? null : (parts[0] as string)
  let offset = (parts[0] as string).length
  const modifiers = parts.slice(1).map((name) => {
    const start = offset + 1
    offset = start + name.length
    return { name, range: [start, offset] as const }
  })
  const keyEnd = key === null ? 0 : key.length
  let at = keyEnd + 2
  const sourceValues = list.map((value) => {
    const len = String(value).length
    const range = [at, at + len] as const
    at += len + 3
    return { value, range }
  })
  return { field, modifiers, values: sourceValues, keyRange: [0, keyEnd], range: [0, at] }
}

export function compile(
  key: string | null,
  values: Scalar | Scalar[],
  options: EngineOptions = {},
) {
  return compileItem(source(key, values), options)
}

/** Compiles (failing the test on diagnostics) and returns a matcher that also checks explain agrees. */
export function item(key: string | null, values: Scalar | Scalar[], options: EngineOptions = {}) {
  const { item: compiled, diagnostics } = compile(key, values, options)
  if (!compiled) throw new Error(`unexpected diagnostics: ${JSON.stringify(diagnostics)}`)
  return withAgreement(compiled, options)
}

function withAgreement(compiled: CompiledItem, options: EngineOptions) {
  return {
    match(raw: unknown): boolean {
      const event = prepareEvent(raw, options)
      const fast = compiled.match(event)
      const slow = compiled.explain(event).value
      if (fast !== slow)
        throw new Error(`match ${fast} but explain ${slow} on ${JSON.stringify(raw)}`)
      return fast
    },
    explain(raw: unknown): FieldTrace | KeywordTrace {
      return compiled.explain(prepareEvent(raw, options))
    },
  }
}

export function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code)
}
