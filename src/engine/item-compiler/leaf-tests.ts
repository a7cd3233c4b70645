/**
 * A typed rule value (after modifiers) compiled into a test of one scalar event value, with
 * §2.3's coercions: strings compare with the event's text, numbers numerically (numeric
 * strings too), booleans with booleans or `"true"`/`"false"`.
 */
import { toIpNetwork } from '../modifiers/cidr.ts'
import { inNetwork, subjectIp } from '../match/ip.ts'
import { compareNumbers, parseDecimal, parseIsoDate, timePart } from '../modifiers/compare.ts'
import { compileRegex } from '../modifiers/re.ts'
import { shortestMatch } from '../modifiers/regex-atoms.ts'
import type { TypedValue } from '../modifiers/typed-value.ts'
import type { MissReason } from '../types.ts'
import { compileGlob, planGlob, type LiteralShape } from '../match/glob.ts'
import type { Subject } from '../match/subject.ts'

export interface LeafTest {
  test(subject: Subject): boolean
  /** Why the test failed on this subject (only called after a miss). */
  whyNot(subject: Subject): MissReason
}

const differs = (): MissReason => 'differs'

/** The subject as a number (numeric strings parsed once and memoised), else undefined. */
export function numberOf(subject: Subject): number | undefined {
  const raw = subject.raw
  if (typeof raw === 'number') return raw
  if (typeof raw !== 'string') return undefined
  if (subject.numberMemo === undefined) subject.numberMemo = parseDecimal(raw) ?? null
  return subject.numberMemo ?? undefined
}

/**
 * A case-insensitive literal: the lower-cased text equals it, ends or starts with it, or holds
 * it. Its kind and needle are read by items that gather many (scalar-tests.ts), and its test is
 * a method, not a closure per value: a rule set keeps tens of thousands.
 */
export class FoldedLiteral implements LeafTest, LiteralShape {
  constructor(
    readonly kind: LiteralShape['kind'],
    readonly needle: string,
  ) {}

  test(subject: Subject): boolean {
    const lower = subject.lower
    switch (this.kind) {
      case 'equals':
        return lower === this.needle
      case 'endsWith':
        return lower.endsWith(this.needle)
      case 'startsWith':
        return lower.startsWith(this.needle)
      case 'includes':
        return lower.includes(this.needle)
    }
  }

  whyNot(): MissReason {
    return 'differs'
  }
}

function stringTest(value: Extract<TypedValue, { kind: 'string' }>): LeafTest {
  if (!value.cased) {
    const plan = planGlob(value.tokens, false)
    if (plan.literal) return new FoldedLiteral(plan.literal.kind, plan.literal.needle)
    return { test: plan.test, whyNot: differs }
  }
  const test = compileGlob(value.tokens, true)
  const folded = compileGlob(value.tokens, false)
  return { test, whyNot: (s) => (folded(s) ? 'case' : 'differs') }
}

/** Returns undefined for values that are not tests of a single scalar (null, exists, fieldref). */
export function compileLeafTest(value: TypedValue): LeafTest | undefined {
  switch (value.kind) {
    case 'string':
      return stringTest(value)
    case 'number': {
      const expected = value.value
      return {
        test: (s) => numberOf(s) === expected,
        whyNot: (s) => (typeof s.raw === 'boolean' ? 'type' : 'differs'),
      }
    }
    case 'boolean': {
      const expected = value.value
      const text = String(expected)
      return {
        test: (s) =>
          typeof s.raw === 'boolean'
            ? s.raw === expected
            : typeof s.raw === 'string' && s.lower === text,
        whyNot: (s) => (typeof s.raw === 'number' ? 'type' : 'differs'),
      }
    }
    case 'regex': {
      const re = compileRegex(value.source, value.flags)
      if (!(re instanceof RegExp)) return { test: () => false, whyNot: differs }
      const shortest = shortestMatch(re.source)
      return { test: (s) => s.text.length >= shortest && re.test(s.text), whyNot: differs }
    }
    case 'cidr': {
      const network = toIpNetwork(value.network)
      return {
        test: (s) => {
          const address = subjectIp(s)
          return address !== undefined && inNetwork(address, network)
        },
        whyNot: (s) => (subjectIp(s) ? 'differs' : 'type'),
      }
    }
    case 'compare':
      return compareTest(value)
    default:
      return undefined
  }
}

function compareTest(value: Extract<TypedValue, { kind: 'compare' }>): LeafTest {
  const { op, value: expected, part } = value
  const actualOf = (s: Subject): number | undefined => {
    if (!part) return numberOf(s)
    if (typeof s.raw !== 'string') return undefined
    const parts = parseIsoDate(s.raw)
    return parts ? timePart(parts, part) : undefined
  }
  return {
    test: (s) => {
      const actual = actualOf(s)
      return actual !== undefined && compareNumbers(op, actual, expected)
    },
    whyNot: (s) => (actualOf(s) === undefined ? 'type' : 'differs'),
  }
}
