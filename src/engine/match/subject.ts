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

  readonly raw: EventScalar

  constructor(raw: EventScalar) {
    // JSON may spell -0, which every test reads as 0 and JSON writes as 0: traces say 0 too.
    this.raw = raw === 0 ? 0 : raw
    this.text = typeof raw === 'string' ? raw : String(raw)
  }

  get lower(): string {
    return (this.lowered ??= this.text.toLowerCase())
  }
}

/**
 * One leaf of a field's value: arrays are flattened, objects and nulls are kept as markers.
 * Leaves are made per event, so they are class instances (see resolved.ts).
 */
export class ScalarLeaf {
  readonly kind = 'scalar'
  constructor(
    readonly subject: Subject,
    readonly path: string,
  ) {}
}

export class MarkerLeaf {
  constructor(
    readonly kind: 'null' | 'object',
    readonly path: string,
  ) {}
}

export type Leaf = ScalarLeaf | MarkerLeaf

export const isScalarLeaf = (leaf: Leaf): leaf is ScalarLeaf => leaf.kind === 'scalar'

function isScalar(value: unknown): value is EventScalar {
  const t = typeof value
  return t === 'string' || t === 'number' || t === 'boolean'
}

/** A value still to be walked, and where it sits. */
class Pending {
  constructor(
    readonly value: unknown,
    readonly path: string,
  ) {}
}

/**
 * The leaves of a field's value in document order. Arrays nest to any depth: the walk keeps
 * its own stack, so whoever writes the event cannot overflow the call stack.
 */
export function collectLeaves(value: unknown, path: string): Leaf[] {
  const out: Leaf[] = []
  const pending = [new Pending(value, path)]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const v = next.value
    if (isScalar(v)) out.push(new ScalarLeaf(new Subject(v), next.path))
    else if (v === null || v === undefined) out.push(new MarkerLeaf('null', next.path))
    else if (Array.isArray(v)) {
      // Pushed last to first, so the first element is taken next.
      for (let i = v.length - 1; i >= 0; i--)
        pending.push(new Pending(v[i] as unknown, `${next.path}[${i}]`))
    } else out.push(new MarkerLeaf('object', next.path))
  }
  return out
}

export class KeywordLeaf {
  constructor(
    readonly subject: Subject,
    readonly path: string,
  ) {}
}

/**
 * Keyword search looks at every string and number leaf; keys and booleans are not searched.
 * Document order, any depth (an explicit stack, as above).
 */
export function collectKeywordLeaves(value: unknown, base = ''): KeywordLeaf[] {
  const out: KeywordLeaf[] = []
  const pending = [new Pending(value, base)]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: v, path } = next
    if (typeof v === 'string' || typeof v === 'number') {
      out.push(new KeywordLeaf(new Subject(v), path))
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        pending.push(new Pending(v[i] as unknown, `${path}[${i}]`))
    } else if (typeof v === 'object' && v !== null) {
      const record = v as Record<string, unknown>
      const keys = Object.keys(record)
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string
        pending.push(new Pending(record[key], path ? `${path}.${key}` : key))
      }
    }
  }
  return out
}
