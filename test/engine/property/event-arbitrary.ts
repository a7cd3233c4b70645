/**
 * Events: ones shaped like the generated rules expect (so that items match and miss), raw
 * evtx_dump shapes, and hostile JSON (prototype keys, deep nesting, odd types).
 */
import fc from 'fast-check'
import { DATES, FIELDS, IPS, NUMBERS, STRINGS } from './pools.ts'

const leaf = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...IPS) },
  { weight: 1, arbitrary: fc.constantFrom(...DATES) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
)
const fieldValue = fc.oneof(
  { weight: 6, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('a', 'Path'), leaf, { maxKeys: 2 }) },
)

/**
 * Object.fromEntries creates own properties even for `__proto__`, exactly like JSON.parse,
 * so the engine sees what a pasted event would give it.
 */
const objectOf = (entries: [string, unknown][]) => Object.fromEntries(entries)

/** Flat events on the rule generator's fields; `Nested.Path` appears dotted or nested. */
export const ruleShapedEvent: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.uniqueArray(fc.tuple(fc.constantFrom(...FIELDS), fieldValue), {
      maxLength: FIELDS.length,
      selector: ([field]) => field,
    }),
    fc.boolean(),
  )
  .map(([entries, nestDotted]) => {
    const event = objectOf(entries)
    if (nestDotted && 'Nested.Path' in event) {
      event.Nested = { Path: event['Nested.Path'] }
      delete event['Nested.Path']
    }
    return event
  })

/** The evtx_dump layout: Event.System with #attributes, Event.EventData or UserData. */
export const evtxEvent: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.uniqueArray(fc.tuple(fc.constantFrom(...FIELDS, 'Threat Name', 'Data'), fieldValue), {
      maxLength: 5,
      selector: ([field]) => field,
    }),
    fc.constantFrom(1, 3, 4688, '13'),
    fc.boolean(),
  )
  .map(([data, eventId, userData]) => ({
    Event: {
      '#attributes': { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' },
      System: {
        Provider: { '#attributes': { Name: 'Microsoft-Windows-Sysmon', Guid: '{5770385f}' } },
        EventID: eventId,
        Channel: 'Microsoft-Windows-Sysmon/Operational',
        Correlation: null,
        Security: { '#attributes': { UserID: 'S-1-5-18' } },
      },
      ...(userData
        ? { UserData: { Operation_ClientFailure: objectOf(data) } }
        : { EventData: objectOf(data) }),
    },
  }))

const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
  fc.constantFrom('Event', 'EventData', 'System', '#attributes', '#text', 'Image', 'a.b', ''),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
)

/** Any JSON value, with keys chosen to upset naive property lookups. */
export const hostileEvent: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.double(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 5 }).map(objectOf),
  ),
})).value

export const anyEvent: fc.Arbitrary<unknown> = fc.oneof(ruleShapedEvent, evtxEvent, hostileEvent)
