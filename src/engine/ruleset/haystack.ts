/**
 * Every scalar value and every key of an event as lower-case text, joined by NUL (which no
 * needle holds, so no needle spans two values). Values as the engine's tests see them
 * (numbers in decimal, booleans as true/false); keys without white space, as event-log
 * flattening names fields. Walked with an explicit stack: any nesting depth works.
 */
/** A decimal number with an exponent, as the engine reads numeric strings. */
const EXPONENT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+\s*$/

export function haystack(event: unknown): string {
  const parts: string[] = []
  const stack: unknown[] = [event]
  while (stack.length > 0) {
    const value = stack.pop()
    if (typeof value === 'string') {
      parts.push(value.toLowerCase())
      // "4.624e3" equals the rule number 4624 without holding its digits: add them.
      if (EXPONENT.test(value)) parts.push(String(Number(value)))
    } else if (typeof value === 'number' || typeof value === 'boolean') parts.push(String(value))
    else if (Array.isArray(value)) for (const item of value) stack.push(item)
    else if (typeof value === 'object' && value !== null)
      for (const key in value) {
        parts.push(key.replace(/\s+/g, '').toLowerCase())
        stack.push((value as Record<string, unknown>)[key])
      }
  }
  return parts.join('\u0000')
}
