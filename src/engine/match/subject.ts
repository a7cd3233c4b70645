/**
 * Event values as the tests see them: each scalar with its text (numbers in decimal, booleans
 * as `true`/`false`) and its lower-cased text, computed at most once.
 */

export type EventScalar = string | number | boolean

export class Subject {
  private lowered: string | undefined
  readonly text: string
  /** Parsed forms, memoised by the tests that need them (IP address, number). */
  ipMemo: unknown = undefined
  numberMemo: number | null | undefined = undefined

  constructor(readonly raw: EventScalar) {
    this.text = typeof raw === 'string' ? raw : String(raw)
  }

  get lower(): string {
    return (this.lowered ??= this.text.toLowerCase())
  }
}

/** One leaf of a field's value: arrays are flattened, objects and nulls are kept as markers. */
export interface ScalarLeaf {
  kind: 'scalar'
  subject: Subject
  path: string
}

export type Leaf = ScalarLeaf | { kind: 'null'; path: string } | { kind: 'object'; path: string }

function isScalar(value: unknown): value is EventScalar {
  const t = typeof value
  return t === 'string' || t === 'number' || t === 'boolean'
}

export function collectLeaves(value: unknown, path: string, out: Leaf[] = []): Leaf[] {
  if (isScalar(value)) out.push({ kind: 'scalar', subject: new Subject(value), path })
  else if (value === null || value === undefined) out.push({ kind: 'null', path })
  else if (Array.isArray(value)) value.forEach((v, i) => collectLeaves(v, `${path}[${i}]`, out))
  else out.push({ kind: 'object', path })
  return out
}

export interface KeywordLeaf {
  subject: Subject
  path: string
}

/** Keyword search looks at every string and number leaf; keys and booleans are not searched. */
export function collectKeywordLeaves(
  value: unknown,
  path = '',
  out: KeywordLeaf[] = [],
): KeywordLeaf[] {
  if (typeof value === 'string' || typeof value === 'number') {
    out.push({ subject: new Subject(value), path })
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => collectKeywordLeaves(v, `${path}[${i}]`, out))
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      collectKeywordLeaves(
        (value as Record<string, unknown>)[key],
        path ? `${path}.${key}` : key,
        out,
      )
    }
  }
  return out
}
