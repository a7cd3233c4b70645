import { describe, expect, it } from 'vitest'
import {
  BUILTIN_PIPELINES,
  compileRule,
  explain,
  verdict,
  type EngineOptions,
} from '../../../src/engine/index.ts'
import { logsourceJudge } from '../../../src/engine/logsource/logsource-fit.ts'
import { evtxNetConnection, netConnection, RUNDLL32_RULE } from '../fixtures.ts'

const processRule = (logsource: string) => `title: t
logsource:
${logsource}
detection:
  selection:
    Image|endswith: '\\whoami.exe'
  condition: selection
`
const WINDOWS_PROCESS = processRule('  category: process_creation\n  product: windows')
const whoami = { Image: 'C:\\Windows\\System32\\whoami.exe' }

function fitOf(ruleText: string, event: unknown, options: EngineOptions = {}) {
  const rule = compileRule(ruleText, options).rule
  if (!rule) throw new Error('compiles')
  return rule.logsourceFit?.(rule.prepare(event))
}

describe('which events belong to the rule logsource', () => {
  it('process_creation: Sysmon 1 and Security 4688 inside, a logon outside, no EventID unknown', () => {
    expect(fitOf(WINDOWS_PROCESS, { ...whoami, EventID: 1 })).toEqual({ fit: 'inside' })
    const security = { ...whoami, EventID: '4688', Channel: 'Security' }
    expect(fitOf(WINDOWS_PROCESS, security)).toEqual({ fit: 'inside' })
    expect(fitOf(WINDOWS_PROCESS, { ...whoami, EventID: 4624 })).toEqual({
      fit: 'outside',
      reason: 'EventID 4624 is not process_creation',
    })
    expect(fitOf(WINDOWS_PROCESS, { ...whoami, EventID: 1, Channel: 'Security' })).toEqual({
      fit: 'outside',
      reason: 'EventID 1 from Security is not process_creation',
    })
    expect(fitOf(WINDOWS_PROCESS, whoami)).toEqual({ fit: 'unknown' })
  })

  it('service → channel; unknown categories are not judged', () => {
    const sysmon = processRule('  product: windows\n  service: sysmon')
    expect(fitOf(sysmon, { EventID: 1, Channel: 'Security' })).toEqual({
      fit: 'outside',
      reason: 'Channel Security is not service sysmon',
    })
    const channel = 'microsoft-windows-sysmon/operational'
    expect(fitOf(sysmon, { Channel: channel })).toEqual({ fit: 'inside' })
    expect(logsourceJudge({ product: 'windows', category: 'made_up' })).toBeUndefined()
    expect(logsourceJudge(undefined)).toBeUndefined()
  })

  it('another product: outside on a Windows channel, unknown on any other or none', () => {
    const linux = processRule('  category: process_creation\n  product: linux')
    expect(
      fitOf(linux, { ...whoami, EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational' }),
    ).toEqual({
      fit: 'outside',
      reason: 'Channel Microsoft-Windows-Sysmon/Operational is a Windows log, not product linux',
    })
    const bits = { Channel: 'microsoft-windows-bits-client/operational' }
    expect(fitOf(processRule('  product: macos'), bits)).toMatchObject({ fit: 'outside' })
    expect(fitOf(processRule('  product: azure'), { Channel: 'Security' })).toMatchObject({
      fit: 'outside',
    })
    expect(fitOf(linux, { ...whoami, EventID: 1, Channel: 'Linux-Sysmon/Operational' })).toEqual({
      fit: 'unknown',
    })
    expect(fitOf(linux, { ...whoami, EventID: 4624 })).toEqual({ fit: 'unknown' })
  })

  it('web logs named without a product: outside on a Windows channel, unknown elsewhere', () => {
    const sysmon = { EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational' }
    expect(fitOf(processRule('  category: webserver'), sysmon)).toEqual({
      fit: 'outside',
      reason:
        'Channel Microsoft-Windows-Sysmon/Operational is a Windows log, not category webserver',
    })
    expect(fitOf(processRule('  category: proxy'), { Channel: 'Security' })).toMatchObject({
      fit: 'outside',
    })
    expect(fitOf(processRule('  service: apache'), { Channel: 'System' })).toMatchObject({
      fit: 'outside',
    })
    // IIS can log to a channel of its own, and nothing else says a web request is not one.
    const iis = { 'cs-uri-query': '/x', Channel: 'Microsoft-IIS-Logging/Logs' }
    expect(fitOf(processRule('  category: webserver'), iis)).toEqual({ fit: 'unknown' })
    expect(fitOf(processRule('  category: webserver'), { 'cs-uri-query': '/x' })).toEqual({
      fit: 'unknown',
    })
    // With a product, the product decides: IIS is a Windows web server.
    expect(logsourceJudge({ category: 'webserver', product: 'windows' })).toBeUndefined()
    // Database logs may be written to Windows' Application log (SQL Server audits): not judged.
    expect(logsourceJudge({ category: 'database' })).toBeUndefined()
  })

  it('reads EventID and Channel through the shapes: evtx, Winlogbeat, ECS with its pipeline', () => {
    const net = processRule('  category: network_connection\n  product: windows')
    expect(fitOf(net, evtxNetConnection())).toEqual({ fit: 'inside' })
    const winlogbeat = { winlog: { event_id: 4624, channel: 'Security', event_data: {} } }
    expect(fitOf(net, winlogbeat)).toMatchObject({ fit: 'outside' })
    const ecs = { '@timestamp': 't', event: { code: '4624' }, process: { executable: 'x' } }
    const pipelines = [BUILTIN_PIPELINES.find((p) => p.id === 'ecs-windows')?.text ?? '']
    expect(fitOf(net, ecs, { pipelines })).toEqual({
      fit: 'outside',
      reason: 'EventID 4624 is not network_connection',
    })
  })
})

describe('logsourceOnly', () => {
  it('changes verdicts only when asked, and the fast path, verdict and trace agree', () => {
    const logon = netConnection({ EventID: 4624 })
    const plain = compileRule(RUNDLL32_RULE).rule
    const only = compileRule(RUNDLL32_RULE, { logsourceOnly: true }).rule
    if (!plain || !only) throw new Error('compiles')
    expect(verdict(plain, logon)).toMatchObject({ match: true })
    expect(verdict(only, logon)).toMatchObject({ match: false })
    expect(only.matches(only.prepare(logon))).toBe(false)
    expect(explain(only, logon)).toMatchObject({ match: false })
    // Inside and unknown events keep their verdicts.
    expect(verdict(only, netConnection())).toMatchObject({ match: true })
    expect(verdict(only, netConnection({ EventID: undefined }))).toMatchObject({ match: true })
  })
})
