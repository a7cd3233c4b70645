/**
 * Windows events as XML, the way people copy them: Event Viewer's XML view, `wevtutil qe
 * /f:xml`, PowerShell's `ToXml()`, or a saved file of `<Events>`. Each `<Event>` becomes the
 * JSON that .evtx exporters write (`Event.System.*` with `#attributes` and `#text`,
 * `Event.EventData.<Name>`), so matching, traces and logsource routing read it as they read
 * those exports. Values stay text: XML has none other, and rules take `4624` and "4624" as
 * equal. Never throws; a fault is a diagnostic at its offset, and reading resumes at the next
 * `<Event`.
 */
import type { EventRecord, EventsDiagnostic, Range } from '../types.ts'

/** Events nest a handful of elements deep; a hostile paste could nest thousands. */
const MAX_DEPTH = 64

interface Attribute {
  name: string
  value: string
  nameRange: Range
  /** With its quotes, as a JSON string's range has them. */
  valueRange: Range
}

interface Element {
  name: string
  /** The start tag, `<` to `>`. */
  tag: Range
  attributes: Attribute[]
  children: Element[]
  /** The text directly inside, decoded; the indentation around child elements left out. */
  text: string
  /** From the first character of that text to the last, in the source. */
  textRange?: Range
}

/** Called for each value of a converted event with its path (`Event.EventData.Image`). */
export type XmlLeaf = (path: string, keyRange: Range, valueRange: Range) => void

class XmlFault extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message)
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decode(raw: string): string {
  if (!raw.includes('&')) return raw
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] !== '#') return Object.hasOwn(ENTITIES, name) ? (ENTITIES[name] as string) : whole
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\r' || c === '\t'

function skipSpace(text: string, pos: number): number {
  while (isSpace(text[pos])) pos++
  return pos
}

/** A tag or attribute name: up to white space, `=`, `/` or `>`. */
function nameEnd(text: string, pos: number): number {
  for (; pos < text.length; pos++) {
    const c = text.charCodeAt(pos)
    // space, tab, line feed, carriage return, '/', '=', '>'
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 61 || c === 62) break
  }
  return pos
}

/** Reads the start tag at `lt`: the element (children empty) and whether it closed itself. */
function startTag(text: string, lt: number): { element: Element; end: number; empty: boolean } {
  const afterName = nameEnd(text, lt + 1)
  const name = text.slice(lt + 1, afterName)
  if (!name) throw new XmlFault('a tag without a name', lt)
  const attributes: Attribute[] = []
  let pos = afterName
  for (;;) {
    pos = skipSpace(text, pos)
    if (pos >= text.length) throw new XmlFault(`the tag <${name}> never closes`, lt)
    if (text[pos] === '>' || text.startsWith('/>', pos)) {
      const empty = text[pos] === '/'
      const end = pos + (empty ? 2 : 1)
      return { element: { name, tag: [lt, end], attributes, children: [], text: '' }, end, empty }
    }
    const attrEnd = nameEnd(text, pos)
    if (attrEnd === pos) throw new XmlFault(`an unexpected "${text[pos]}" in <${name}>`, pos)
    const nameRange: Range = [pos, attrEnd]
    pos = skipSpace(text, attrEnd)
    if (text[pos] !== '=')
      throw new XmlFault(`the attribute ${text.slice(...nameRange)} has no value`, pos)
    pos = skipSpace(text, pos + 1)
    const quote = text[pos]
    if (quote !== '"' && quote !== "'")
      throw new XmlFault(`the value of ${text.slice(...nameRange)} is not in quotes`, pos)
    const close = text.indexOf(quote, pos + 1)
    if (close < 0) throw new XmlFault(`the value of ${text.slice(...nameRange)} never closes`, pos)
    attributes.push({
      name: text.slice(...nameRange),
      value: decode(text.slice(pos + 1, close)),
      nameRange,
      valueRange: [pos, close + 1],
    })
    pos = close + 1
  }
}

function addText(element: Element | undefined, text: string, range: Range): void {
  const blank = skipSpace(text, range[0]) >= range[1]
  if (!element) {
    if (!blank) throw new XmlFault('text outside an <Event> element', skipSpace(text, range[0]))
    return
  }
  // The indentation between child elements is not the element's text (see convert).
  if (blank && element.children.length > 0) return
  appendText(element, decode(text.slice(...range)), range)
}

/** Text or CDATA inside `element`, already decoded, and where it sits in the source. */
function appendText(element: Element, decoded: string, range: Range): void {
  element.text += decoded
  element.textRange = [element.textRange?.[0] ?? range[0], range[1]]
}

/** The offset after the construct at `lt` that holds no elements (comment, CDATA, `<?…?>`). */
function skipSpecial(text: string, lt: number, open: Element[]): number | undefined {
  const next = text[lt + 1]
  if (next !== '!' && next !== '?') return undefined
  const special = (opener: string, closer: string, what: string): number => {
    const close = text.indexOf(closer, lt + opener.length)
    if (close < 0) throw new XmlFault(`${what} never closes`, lt)
    return close + closer.length
  }
  if (text.startsWith('<!--', lt)) return special('<!--', '-->', 'a comment')
  if (text.startsWith('<?', lt)) return special('<?', '?>', 'a declaration')
  if (text.startsWith('<![CDATA[', lt)) {
    const end = special('<![CDATA[', ']]>', 'a CDATA section')
    const top = open.at(-1)
    if (top) appendText(top, text.slice(lt + 9, end - 3), [lt + 9, end - 3])
    return end
  }
  // Entity declarations would let a paste expand itself a billion times over: none is read.
  if (text.startsWith('<!', lt))
    throw new XmlFault('<!DOCTYPE> and other declarations are not read', lt)
  return undefined
}

/** The next `<Event` start tag at or after `pos`, or the text's end. */
function nextEvent(text: string, pos: number): number {
  for (let at = text.indexOf('<Event', pos); at >= 0; at = text.indexOf('<Event', at + 1)) {
    const after = text[at + 6]
    if (after === undefined || after === '>' || after === '/' || isSpace(after)) return at
  }
  return text.length
}

/**
 * Calls `found` with each `<Event>` element in `text` from `start` as soon as it closes, so a
 * caller that converts it at once keeps no tree of the events before it. Returns their count.
 */
function readEventElements(
  text: string,
  start: number,
  diagnostics: EventsDiagnostic[],
  found: (element: Element, range: Range) => void,
): number {
  let events = 0
  /** Open elements inside the current `<Event>`; the wrappers around it are not kept. */
  let open: Element[] = []
  let eventStart = -1
  let pos = start
  while (pos < text.length) {
    try {
      const lt = text.indexOf('<', pos)
      const textEnd = lt < 0 ? text.length : lt
      if (textEnd > pos) addText(open.at(-1), text, [pos, textEnd])
      if (lt < 0) break
      const special = skipSpecial(text, lt, open)
      if (special !== undefined) {
        pos = special
        continue
      }
      if (text[lt + 1] === '/') {
        const close = text.indexOf('>', lt)
        if (close < 0) throw new XmlFault('a closing tag never ends', lt)
        const name = text.slice(lt + 2, close).trim()
        pos = close + 1
        // A wrapper (`</Events>`) closes with no event open.
        if (open.length === 0) continue
        const element = open.pop() as Element
        if (element.name !== name) throw new XmlFault(`</${name}> closes <${element.name}>`, lt)
        if (open.length === 0) {
          events++
          found(element, [eventStart, pos])
        }
        continue
      }
      const { element, end, empty } = startTag(text, lt)
      pos = end
      if (open.length === 0) {
        // Outside an event only `<Event>` is read; `<Events>` and the like just hold them.
        if (element.name !== 'Event') continue
        eventStart = lt
      } else {
        if (open.length >= MAX_DEPTH)
          throw new XmlFault(`elements nested deeper than ${MAX_DEPTH}`, lt)
        const parent = open.at(-1) as Element
        // Only white space before the first child: indentation, not text.
        if (parent.children.length === 0 && !parent.text.trim()) {
          parent.text = ''
          parent.textRange = undefined
        }
        parent.children.push(element)
      }
      if (!empty) open.push(element)
      else if (open.length === 0) {
        events++
        found(element, [lt, end])
      }
    } catch (error) {
      const fault = error instanceof XmlFault ? error : new XmlFault(String(error), pos)
      diagnostics.push({
        code: 'EVENTS_SYNTAX',
        severity: 'error',
        message: `Invalid XML: ${fault.message}`,
        range: [fault.at, Math.min(fault.at + 1, text.length)],
      })
      open = []
      pos = nextEvent(text, Math.max(fault.at, pos) + 1)
    }
  }
  if (open.length > 0) {
    const unclosed = open[0] as Element
    diagnostics.push({
      code: 'EVENTS_SYNTAX',
      severity: 'error',
      message: `Invalid XML: <${unclosed.name}> never closes`,
      range: [eventStart, Math.min(eventStart + 1, text.length)],
    })
  }
  if (events === 0 && diagnostics.length === 0)
    diagnostics.push({
      code: 'EVENTS_SYNTAX',
      severity: 'error',
      message: 'No <Event> element in this XML: Windows events look like <Event xmlns=…><System>…',
      range: [start, Math.min(start + 1, text.length)],
    })
  return events
}

export function readWindowsXml(
  text: string,
  start: number,
  diagnostics: EventsDiagnostic[],
): EventRecord[] {
  const events: EventRecord[] = []
  readEventElements(text, start, diagnostics, (element, range) =>
    events.push({ value: { Event: convert(element, 'Event') }, range }),
  )
  return events
}

/**
 * The evtx exporters' JSON for `element`: its text alone when it has neither attributes nor
 * children; else an object of `#attributes`, `#text` and the children by name (a repeated name
 * makes a list). In `EventData`, `<Data Name="X">` is the field `X`. Keys are set as own
 * properties: a pasted `<__proto__>` is a field like any other.
 */
function convert(element: Element, path: string, leaf?: XmlLeaf): unknown {
  const { attributes, children } = element
  const valueRange = textRange(element)
  if (attributes.length === 0 && children.length === 0) {
    leaf?.(path, element.tag, valueRange)
    return element.text
  }
  const out: Record<string, unknown> = {}
  if (attributes.length > 0) {
    const named: Record<string, unknown> = {}
    for (const a of attributes) {
      setOwn(named, a.name, a.value)
      leaf?.(`${path}.#attributes.${a.name}`, a.nameRange, a.valueRange)
    }
    out['#attributes'] = named
  }
  if (children.length === 0 ? element.text !== '' : element.text.trim() !== '') {
    out['#text'] = element.text
    leaf?.(`${path}.#text`, element.tag, valueRange)
  }
  const repeated = new Set<string>()
  const data = element.name === 'EventData'
  for (const child of children) {
    const name =
      data && child.name === 'Data' ? child.attributes.find((a) => a.name === 'Name') : undefined
    if (name) {
      setOwn(out, name.value, child.text)
      leaf?.(`${path}.${name.value}`, child.tag, textRange(child))
      continue
    }
    const value = convert(child, `${path}.${child.name}`, leaf)
    const before = Object.hasOwn(out, child.name) ? out[child.name] : undefined
    if (before === undefined) setOwn(out, child.name, value)
    else if (repeated.has(child.name)) (before as unknown[]).push(value)
    else {
      setOwn(out, child.name, [before, value])
      repeated.add(child.name)
    }
  }
  return out
}

/** The element's text in the source; an empty element's is the empty range after its tag. */
const textRange = (element: Element): Range => element.textRange ?? [element.tag[1], element.tag[1]]

function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key !== '__proto__') object[key] = value
  else
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
}

/**
 * The event at `range` as `readWindowsXml` gives it, calling `leaf` for each of its values on
 * the way (see locateFields); undefined when no event starts there.
 */
export function locateXmlFields(text: string, range: Range, leaf: XmlLeaf): unknown {
  let event: unknown
  readEventElements(text.slice(0, range[1]), range[0], [], (element) => {
    event ??= { Event: convert(element, 'Event', leaf) }
  })
  return event
}
