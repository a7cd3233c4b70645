/**
 * Building blocks of the YAML fast path (fast-parse.ts): `yaml` nodes made without the cost of
 * their constructors, the core-schema reading of plain scalars, double-quote escapes, and the
 * bail-out signal that hands a text to the full parser.
 */
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml'

export class Bail extends Error {}
export const bail = (): never => {
  throw new Bail()
}

// The `yaml` node constructors spend most of their time in Object.defineProperty; these build
// the same objects (same prototypes, same identity symbol) with plain assignments.
const NODE_TYPE = Symbol.for('yaml.node.type')
const TYPES = {
  map: Symbol.for('yaml.map'),
  seq: Symbol.for('yaml.seq'),
  scalar: Symbol.for('yaml.scalar'),
  pair: Symbol.for('yaml.pair'),
}

export function newScalar(value: unknown): Scalar {
  const node = Object.create(Scalar.prototype) as Scalar & Record<symbol, unknown>
  node[NODE_TYPE] = TYPES.scalar
  node.value = value
  return node
}

export function newMap(): YAMLMap<unknown, unknown> {
  const node = Object.create(YAMLMap.prototype) as YAMLMap<unknown, unknown> &
    Record<symbol, unknown>
  node[NODE_TYPE] = TYPES.map
  node.items = []
  return node
}

export function newSeq(): YAMLSeq<unknown> {
  const node = Object.create(YAMLSeq.prototype) as YAMLSeq<unknown> & Record<symbol, unknown>
  node[NODE_TYPE] = TYPES.seq
  node.items = []
  return node
}

export function newPair(key: unknown, value: unknown): Pair<unknown, unknown> {
  const node = Object.create(Pair.prototype) as Pair<unknown, unknown> & Record<symbol, unknown>
  node[NODE_TYPE] = TYPES.pair
  node.key = key
  node.value = value
  return node
}

/** YAML 1.2 core schema for the plain scalars Sigma rules use; anything unusual bails. */
export function resolvePlain(source: string): string | number | boolean | null {
  if (
    source === '' ||
    source === '~' ||
    source === 'null' ||
    source === 'Null' ||
    source === 'NULL'
  )
    return null
  if (source === 'true' || source === 'True' || source === 'TRUE') return true
  if (source === 'false' || source === 'False' || source === 'FALSE') return false
  // Numbers and the forms below start with a sign, a dot or a digit; most keys and values don't.
  const first = source.charCodeAt(0)
  if (!(first === 0x2b || first === 0x2d || first === 0x2e || (first >= 0x30 && first <= 0x39)))
    return source
  if (/^[-+]?[0-9]+$/.test(source)) {
    const n = Number(source)
    return Number.isSafeInteger(n) ? n : bail()
  }
  if (/^[-+]?(\.[0-9]|[0-9])/.test(source) && /^[-+]?[0-9.]+([eE][-+]?[0-9]+)?$/.test(source))
    return bail()
  if (
    /^0[ox]/.test(source) ||
    /^[-+]?\.(inf|Inf|INF)$/.test(source) ||
    /^\.(nan|NaN|NAN)$/.test(source)
  )
    return bail()
  return source
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
}

export function unescapeDouble(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16))
    return DOUBLE_ESCAPES[e] ?? bail()
  })
}
