/**
 * Whether one event belongs to a rule's logsource. Judged only where the facts are known
 * (windows-logsources.ts) and the event says what it is (an EventID, a Channel): anything
 * else is `unknown`, never `outside`, so a verdict is only ever changed on evidence.
 */
import { isWindowsChannel, WINDOWS_CATEGORIES, WINDOWS_SERVICES } from './windows-logsources.ts'

export type LogsourceFit =
  { fit: 'inside' } | { fit: 'outside'; reason: string } | { fit: 'unknown' }

/** What an event says about where it came from (EventID, Channel, Provider_Name). */
export interface EventIdentity {
  eventId?: number
  channel?: string
  provider?: string
}

export type LogsourceJudge = (event: EventIdentity) => LogsourceFit

const INSIDE: LogsourceFit = { fit: 'inside' }
const UNKNOWN: LogsourceFit = { fit: 'unknown' }
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

function categoryJudge(category: string): LogsourceJudge | undefined {
  const sources = WINDOWS_CATEGORIES[category]
  if (!sources) return undefined
  return ({ eventId, channel, provider }) => {
    if (eventId === undefined) return UNKNOWN
    const fromSource = (s: (typeof sources)[number]) =>
      (channel === undefined || same(channel, s.channel)) &&
      (provider === undefined || same(provider, s.provider))
    const withId = sources.filter((s) => s.ids.includes(eventId))
    if (withId.some(fromSource)) return INSIDE
    const from = withId.length > 0 && channel !== undefined ? ` from ${channel}` : ''
    return { fit: 'outside', reason: `EventID ${eventId}${from} is not ${category}` }
  }
}

function serviceJudge(service: string): LogsourceJudge | undefined {
  const channels = WINDOWS_SERVICES[service]
  if (!channels) return undefined
  return ({ channel }) => {
    if (channel === undefined) return UNKNOWN
    if (channels.some((c) => same(c, channel))) return INSIDE
    return { fit: 'outside', reason: `Channel ${channel} is not service ${service}` }
  }
}

/**
 * Logs that are not Windows': an event from a Windows event-log channel is outside them, and
 * any other event is unknown (a channel of another system proves nothing).
 */
function notWindowsJudge(what: string): LogsourceJudge {
  return ({ channel }) =>
    channel !== undefined && isWindowsChannel(channel)
      ? { fit: 'outside', reason: `Channel ${channel} is a Windows log, not ${what}` }
      : UNKNOWN
}

/**
 * Web traffic logs, named without a product: access and error logs of web servers and proxies,
 * which no Windows event-log channel holds (IIS writes its own files, or its own channel).
 */
const WEB_CATEGORIES = new Set(['webserver', 'proxy'])
const WEB_SERVICES = new Set(['apache', 'nginx'])

function webLog({ category, service }: Readonly<Record<string, string>>): string | undefined {
  if (category !== undefined && WEB_CATEGORIES.has(category)) return `category ${category}`
  if (service !== undefined && WEB_SERVICES.has(service)) return `service ${service}`
  return undefined
}

/**
 * The judge for a rule's logsource, or undefined when nothing about it is known (no logsource,
 * a Windows category or service outside the table). Logsources with the same `key` have the
 * same judge.
 */
export function logsourceJudge(
  logsource: Readonly<Record<string, string>> | undefined,
): { judge: LogsourceJudge; key: string } | undefined {
  if (!logsource) return undefined
  const web = logsource.product === undefined ? webLog(logsource) : undefined
  if (web) return { judge: notWindowsJudge(web), key: JSON.stringify(['web', web]) }
  const product = logsource.product ?? 'windows'
  if (product.toLowerCase() !== 'windows') {
    const judge = notWindowsJudge(`product ${product}`)
    return { judge, key: JSON.stringify(['product', product]) }
  }
  const { category, service } = logsource
  const byCategory = category === undefined ? undefined : categoryJudge(category)
  const byService = service === undefined ? undefined : serviceJudge(service)
  const judges = [byCategory, byService].filter((j): j is LogsourceJudge => j !== undefined)
  if (judges.length === 0) return undefined
  const key = JSON.stringify([byCategory && category, byService && service])
  const judge: LogsourceJudge = (event) => {
    let known = false
    for (const judge of judges) {
      const fit = judge(event)
      if (fit.fit === 'outside') return fit
      if (fit.fit === 'inside') known = true
    }
    return known ? INSIDE : UNKNOWN
  }
  return { judge, key }
}

/** An EventID as events write it: a number, or digits in a string (CSV, some exports). */
export function eventIdOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^\s*\d{1,6}\s*$/.test(value)) return Number(value)
  return undefined
}
