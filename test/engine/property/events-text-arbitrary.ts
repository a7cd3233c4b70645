/**
 * Event files in each form parseEvents must recognise, with the events they hold, so that
 * parsing can be checked against the original values.
 */
import fc from 'fast-check'
import type { EventsFormat } from '../../../src/engine/types.ts'
import { evtxEvent, ruleShapedEvent } from './event-arbitrary.ts'

export interface EventsText {
  text: string
  events: unknown[]
  format: EventsFormat
}

/** JSON round trip: drops undefined and -0, which a file cannot hold either. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown

const someEvents = (min: number) =>
  fc
    .array(fc.oneof(ruleShapedEvent, evtxEvent), { minLength: min, maxLength: 4 })
    .map((events) => events.map(asJson))

export const eventTexts: fc.Arbitrary<EventsText> = fc.oneof(
  someEvents(1).map((events) => ({
    text: JSON.stringify(events, null, 2),
    events,
    format: 'array' as const,
  })),
  someEvents(1).map(([event]) => ({
    text: JSON.stringify(event, null, 2) + '\n',
    events: [event],
    format: 'object' as const,
  })),
  someEvents(2).map((events) => ({
    text: events.map((e) => JSON.stringify(e)).join('\n') + '\n',
    events,
    format: 'ndjson' as const,
  })),
  // evtx_dump objects only: an empty `{}` pretty-prints on one line and would read as NDJSON.
  fc
    .array(evtxEvent, { minLength: 2, maxLength: 4 })
    .map((raw) => raw.map(asJson))
    .map((events) => ({
      text: events.map((e) => JSON.stringify(e, null, 2)).join('\n'),
      events,
      format: 'concatenated' as const,
    })),
)
