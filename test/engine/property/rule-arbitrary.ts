/**
 * Sigma rules built from a grammar that stays inside what pySigma accepts (§4.10 of the
 * reference), so that most of them compile and the explain/evaluate agreement is tested on
 * real rules, not on diagnostics.
 */
import fc from 'fast-check'
import { stringify } from 'yaml'
import type { EngineOptions } from '../../../src/engine/types.ts'
import {
  CIDRS,
  FIELDS,
  IDENTIFIERS,
  NUMBERS,
  PATTERNS,
  PLACEHOLDERS,
  REGEXES,
  STRINGS,
} from './pools.ts'

const str = fc.constantFrom(...STRINGS)
const scalar = fc.oneof(
  { weight: 6, arbitrary: str },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
)
const oneOrMany = <T>(value: fc.Arbitrary<T>) =>
  fc.oneof(value, fc.array(value, { minLength: 1, maxLength: 3 }))

/** Modifier chains and the values each of them takes. */
const CHAINS: [string[], fc.Arbitrary<unknown>][] = [
  [[], oneOrMany(scalar)],
  [['contains'], oneOrMany(str)],
  [['startswith'], oneOrMany(str)],
  [['endswith'], oneOrMany(str)],
  [['contains', 'all'], fc.array(str, { minLength: 2, maxLength: 3 })],
  [['windash', 'contains'], oneOrMany(fc.constantFrom('-enc', '/c', ' -e '))],
  [['base64offset', 'contains'], oneOrMany(fc.constantFrom('IEX', 'cmd', 'Ünï'))],
  [['wide', 'base64', 'contains'], oneOrMany(fc.constantFrom('IEX', 'cmd'))],
  [['re'], oneOrMany(fc.constantFrom(...REGEXES))],
  [['re', 'i'], oneOrMany(fc.constantFrom(...REGEXES))],
  [['cidr'], oneOrMany(fc.constantFrom(...CIDRS))],
  [['gt'], fc.constantFrom(...NUMBERS)],
  [['lte'], oneOrMany(fc.constantFrom(...NUMBERS))],
  [['exists'], fc.boolean()],
  [['cased'], oneOrMany(str)],
  [['contains', 'cased'], oneOrMany(str)],
  [['neq'], oneOrMany(str)],
  [['fieldref'], fc.constantFrom(...FIELDS)],
  [['fieldref', 'neq'], fc.constantFrom(...FIELDS)],
  [['contains', 'windash'], oneOrMany(fc.constantFrom('-enc', '/c'))],
  [['utf16le', 'base64offset', 'contains'], oneOrMany(fc.constantFrom('IEX', 'cmd'))],
  [['all'], fc.array(str, { minLength: 2, maxLength: 3 })],
  [['re', 'm', 's'], oneOrMany(fc.constantFrom(...REGEXES))],
  [['expand'], oneOrMany(fc.constantFrom('%admins%', 'x%admins%'))],
  [['contains', 'expand'], oneOrMany(fc.constantFrom('%admins%'))],
  [['hour'], fc.integer({ min: 0, max: 23 })],
  [['day', 'gte'], fc.integer({ min: 1, max: 31 })],
  [['month', 'lt'], fc.integer({ min: 1, max: 12 })],
]

const item = fc
  .tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...CHAINS))
  .chain(([field, [modifiers, values]]) =>
    values.map((value) => ({ key: [field, ...modifiers].join('|'), value })),
  )

/** A map: AND of items with distinct keys (YAML forbids duplicates). */
const searchMap = fc
  .uniqueArray(item, { minLength: 1, maxLength: 3, selector: (entry) => entry.key })
  .map((entries) => Object.fromEntries(entries.map(({ key, value }) => [key, value])))

/** One search identifier's body: a map, a list of maps, or keywords. */
export const searchBody = fc.oneof(
  { weight: 5, arbitrary: searchMap },
  { weight: 2, arbitrary: fc.array(searchMap, { minLength: 2, maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.array(
      str.filter((s) => s !== ''),
      { minLength: 1, maxLength: 3 },
    ),
  },
)

/** Condition text over the given identifiers, always referring to existing ones only. */
function conditionOver(names: string[]): fc.Arbitrary<string> {
  const { expr } = fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...names),
      fc
        .tuple(fc.constantFrom('1 of', 'any of', 'all of'), fc.constantFrom(...PATTERNS))
        .map(([quantifier, pattern]) => `${quantifier} ${pattern}`),
      tie('expr').map((e) => `not ${e}`),
      fc
        .tuple(tie('expr'), fc.constantFrom('and', 'or'), tie('expr'))
        .map(([a, op, b]) => `(${a} ${op} ${b})`),
      fc
        .tuple(tie('expr'), fc.constantFrom('and', 'or', 'and not'), tie('expr'))
        .map(([a, op, b]) => `${a} ${op} ${b}`),
    ),
  }))
  return expr
}

export interface GeneratedRule {
  text: string
  identifiers: string[]
  /** Compile with these: some items use `|expand` placeholders. */
  options: EngineOptions
}

export const validRule: fc.Arbitrary<GeneratedRule> = fc
  .subarray([...IDENTIFIERS], { minLength: 1, maxLength: 4 })
  .chain((names) =>
    fc
      .tuple(
        fc.array(searchBody, { minLength: names.length, maxLength: names.length }),
        fc.oneof(
          { weight: 4, arbitrary: conditionOver(names) },
          { weight: 1, arbitrary: fc.array(conditionOver(names), { minLength: 2, maxLength: 2 }) },
        ),
      )
      .map(([bodies, condition]) => {
        const detection: Record<string, unknown> = {}
        names.forEach((name, i) => (detection[name] = bodies[i]))
        detection.condition = condition
        const rule = {
          title: 'Generated rule',
          id: '6f1f7f5e-0000-4000-8000-000000000000',
          status: 'test',
          logsource: { category: 'process_creation', product: 'windows' },
          detection,
          level: 'medium',
        }
        return {
          text: stringify(rule),
          identifiers: names,
          options: { placeholders: PLACEHOLDERS },
        }
      }),
  )

/** Valid rules cut, spliced and sprinkled with YAML punctuation: near-misses of real input. */
export const mangledRule: fc.Arbitrary<string> = fc
  .tuple(validRule, fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 8 }))
  .map(([{ text }, a, b, insert]) => {
    const from = a % (text.length + 1)
    const to = from + (b % 12)
    return text.slice(0, from) + insert + text.slice(Math.min(to, text.length))
  })

/** Anything at all, including lone surrogates and control characters. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        'detection:',
        'condition:',
        ' ',
        '\n',
        '- ',
        '|',
        ':',
        '&a',
        '*a',
        '!!',
        '{',
        '}',
        '[',
        ']',
        '%',
        '?',
        '#',
        "'",
        '"',
        '---\n',
        'sel',
        '1 of',
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join('')),
)
