/**
 * The flat field names rules use for Windows event-log JSON as exported from .evtx
 * (corpus/README.md, "How the rules see these events"). Each entry keeps the real path so the
 * trace can say where a value came from.
 */

import { isObject, type JsonObject } from '../json-object.ts'
import { Resolved } from './resolved.ts'

/**
 * A data name as rules spell it: without white space (`Logon Type` is `LogonType`). Nearly
 * every name has none, so its characters are looked at first: a regex test per name took
 * half the time of flattening an event.
 */
export function dataName(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i)
    // White space is ASCII up to the space, or past ASCII; anything else is read on.
    if (code <= 0x20 || code >= 0x80) return /\s/.test(name) ? name.replace(/\s+/g, '') : name
  }
  return name
}

function own(obj: JsonObject, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined
}

/** An element with `#text` stands for that text. */
function textOf(value: unknown, path: string): Resolved {
  if (isObject(value) && Object.hasOwn(value, '#text'))
    return new Resolved(`${path}.#text`, value['#text'])
  return new Resolved(path, value)
}

function addSystem(table: Map<string, Resolved>, system: JsonObject, base: string): void {
  for (const elem of Object.keys(system)) {
    const value = system[elem]
    const path = `${base}.${elem}`
    if (!isObject(value)) {
      table.set(elem, new Resolved(path, value))
      continue
    }
    if (Object.hasOwn(value, '#text'))
      table.set(elem, new Resolved(`${path}.#text`, value['#text']))
    const attributes = own(value, '#attributes')
    if (isObject(attributes))
      for (const attr of Object.keys(attributes))
        table.set(`${elem}_${attr}`, new Resolved(`${path}.#attributes.${attr}`, attributes[attr]))
  }
}

function addEventData(table: Map<string, Resolved>, data: JsonObject, base: string): void {
  for (const name of Object.keys(data)) {
    if (name === '#attributes') continue
    table.set(dataName(name), textOf(data[name], `${base}.${name}`))
  }
}

/**
 * UserData: `<Root>.<Name>` leaves by leaf name; `#attributes` and `xmlns` are markup. Walked
 * in document order (a later leaf wins a clash) with an explicit stack of open elements: the
 * event decides the depth, not the call stack.
 */
function addUserData(table: Map<string, Resolved>, root: JsonObject, base: string): void {
  const open: { node: JsonObject; keys: string[]; next: number; base: string }[] = [
    { node: root, keys: Object.keys(root), next: 0, base },
  ]
  for (let top = open.at(-1); top !== undefined; top = open.at(-1)) {
    const key = top.keys[top.next++]
    if (key === undefined) {
      open.pop()
      continue
    }
    if (key === '#attributes' || key === 'xmlns') continue
    const value = top.node[key]
    const path = `${top.base}.${key}`
    if (isObject(value) && !Object.hasOwn(value, '#text'))
      open.push({ node: value, keys: Object.keys(value), next: 0, base: path })
    else table.set(key, textOf(value, path))
  }
}

/** The flat table, or undefined when the event is not event-log JSON. `base` prefixes paths. */
export function flattenEvtx(raw: unknown, base = ''): Map<string, Resolved> | undefined {
  if (!isObject(raw)) return undefined
  const event = own(raw, 'Event')
  if (!isObject(event)) return undefined
  const system = own(event, 'System')
  const eventData = own(event, 'EventData')
  const userData = own(event, 'UserData')
  if (!isObject(system) && !isObject(eventData) && !isObject(userData)) return undefined
  const table = new Map<string, Resolved>()
  const root = base ? `${base}.Event` : 'Event'
  // Later parts win on a clash: the event's own data over the System header.
  if (isObject(system)) addSystem(table, system, `${root}.System`)
  if (isObject(userData)) addUserData(table, userData, `${root}.UserData`)
  if (isObject(eventData)) addEventData(table, eventData, `${root}.EventData`)
  return table
}
