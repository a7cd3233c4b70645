/**
 * Where the cursor sits in a detection key such as `CommandLine|windash|contains`, read from
 * the line text alone: completion and hover must answer instantly and must not depend on the
 * rule parsing (it is often broken while being typed).
 */

export interface ModifierPrefix {
  /** 0-based column where the modifier being typed starts (just after its `|`). */
  start: number
  /** The partial name typed so far. */
  typed: string
  /** Modifiers already written before it in the same key. */
  used: string[]
}

// Optional list dash, optional opening quote, a field name (may be empty for keyword
// items such as '|all'), then one or more |modifier segments, the last being typed.
const keyBeforeCursor = /^\s*(?:-\s+)?['"]?([^\s:#'"|][^:#'"|]*)?((?:\|[A-Za-z0-9_]*)+)$/

/** The modifier being typed at the end of `lineBefore` (text left of the cursor), or null. */
export function modifierPrefix(lineBefore: string): ModifierPrefix | null {
  const found = keyBeforeCursor.exec(lineBefore)
  if (!found) return null
  const segments = (found[2] ?? '').split('|').slice(1)
  const typed = segments.pop() ?? ''
  return { start: lineBefore.length - typed.length, typed, used: segments }
}

/** A detection key on `line` and the modifier whose name covers 0-based `column`. */
export interface KeyAt {
  field: string
  modifiers: string[]
  /** Index in `modifiers` of the one under the column, -1 on the field name. */
  active: number
}

const keyOnLine = /^(\s*(?:-\s+)?['"]?)([^:#'"|]*)((?:\|[A-Za-z0-9_]*)+)['"]?\s*:/

export function keyAt(line: string, column: number): KeyAt | null {
  const found = keyOnLine.exec(line)
  if (!found) return null
  const field = found[2] ?? ''
  const modifiers = (found[3] ?? '').split('|').slice(1)
  let position = (found[1] ?? '').length + field.length
  let active = -1
  modifiers.forEach((name, index) => {
    const start = position + 1
    if (column >= start && column <= start + name.length) active = index
    position = start + name.length
  })
  return { field: field.trim(), modifiers, active }
}

/**
 * Whether 1-based `lineNumber` lies under the top-level `detection:` key. Walks up to the
 * nearest unindented key, which is a few lines in any real rule.
 */
export function inDetection(lineAt: (n: number) => string, lineNumber: number): boolean {
  for (let n = lineNumber; n >= 1; n--) {
    const line = lineAt(n)
    if (/^[^\s#-]/.test(line)) return /^detection\s*:/.test(line) && n !== lineNumber
  }
  return false
}
