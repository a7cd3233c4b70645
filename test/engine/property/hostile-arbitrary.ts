/**
 * Input written to break the engine (issue 14): rules nested past any stack, YAML alias
 * chains, values of a megabyte, any chain of modifiers; and events that hide a needle under
 * thousands of levels or inside a huge string, where a reader that gives up would say "no
 * match".
 */
import fc from 'fast-check'
import { modifierNames } from '../../../src/engine/modifiers/registry.ts'

const head = 'title: hostile\nlogsource: {product: windows}\n'

/** `[[[…x…]]]` and `{a: {a: …}}` mixed, up to 3,000 deep: past the 64-level limit, and past
 * the depth where the YAML parser itself overflows. */
const deepFlow = fc
  .record({
    depth: fc.nat({ max: 3_000 }),
    kinds: fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
    leaf: fc.constantFrom('x', 'needle', ''),
  })
  .map(({ depth, kinds, leaf }) => {
    let open = ''
    let close = ''
    for (let i = 0; i < depth; i++) {
      const list = kinds[i % kinds.length]
      open += list ? '[' : '{a: '
      close = (list ? ']' : '}') + close
    }
    return `${head}detection:\n  keywords: ${open}${leaf}${close}\n  condition: keywords\n`
  })

/** Block sequences nested by indentation, up to 150 deep. */
const deepBlock = fc.nat({ max: 150 }).map((depth) => {
  const lines = Array.from({ length: depth }, (_, i) => `${' '.repeat(4 + i)}-`)
  return `${head}detection:\n  selection:\n${lines.join('\n')} x\n  condition: selection\n`
})

/** Anchors of `fan` aliases of the anchor before, `levels` times: fan^levels values. */
const aliasChain = fc
  .record({
    levels: fc.integer({ min: 1, max: 9 }),
    fan: fc.integer({ min: 1, max: 9 }),
    use: fc.constantFrom('keywords: *top', 'selection: *top', 'selection:\n    Image: *top'),
  })
  .map(({ levels, fan, use }) => {
    const anchors = ['a0: &a0 [needle]']
    for (let i = 1; i <= levels; i++)
      anchors.push(
        `a${i}: &${i === levels ? 'top' : `a${i}`} [${Array(fan)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      )
    const name = use.split(':')[0]
    return `${head}${anchors.join('\n')}\ndetection:\n  ${use}\n  condition: ${name}\n`
  })

/** One value of up to 300,000 characters behind any chain of modifiers, known or not. */
const hugeValue = fc
  .record({
    modifiers: fc.array(fc.constantFrom(...modifierNames(), 'nosuch'), { maxLength: 4 }),
    size: fc.constantFrom(0, 1_000, 65_536, 300_000),
    filler: fc.constantFrom('a', '*', '\\', '?', '(a+)', '%'),
  })
  .map(({ modifiers, size, filler }) => {
    const value = filler.repeat(Math.ceil(size / filler.length)).slice(0, size)
    const key = ['CommandLine', ...modifiers].join('|')
    return `${head}detection:\n  selection:\n    ${key}: '${value.replace(/'/g, "''")}'\n  condition: selection\n`
  })

export const hostileRuleText: fc.Arbitrary<string> = fc.oneof(
  deepFlow,
  deepBlock,
  aliasChain,
  hugeValue,
)

const hostileKey = fc.constantFrom('a', '__proto__', 'constructor', 'Event', 'EventData', '')

/**
 * An event as JSON text with `needle` inside it: under up to 100,000 levels of arrays and
 * objects, or in the middle of a string of up to a megabyte. Built as text, without
 * recursion, the way a log line arrives.
 */
export const eventWithNeedle = fc
  .record({
    depth: fc.constantFrom(0, 1, 63, 64, 65, 3_000, 100_000),
    kinds: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
    key: hostileKey,
    padding: fc.constantFrom(0, 10, 1_000_000),
  })
  .map(({ depth, kinds, key, padding }) => {
    const leaf = JSON.stringify(`${'x'.repeat(padding / 2)}needle${'x'.repeat(padding / 2)}`)
    const quotedKey = JSON.stringify(key)
    let open = ''
    let close = ''
    for (let i = 0; i < depth; i++) {
      const list = kinds[i % kinds.length]
      open += list ? '[' : `{${quotedKey}:`
      close = (list ? ']' : '}') + close
    }
    return `{"Other":"x","Deep":${open}${leaf}${close}}`
  })
