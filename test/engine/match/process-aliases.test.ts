// Security 4688 read as process_creation: Image and ParentImage answered by NewProcessName and
// ParentProcessName (corpus/README.md, "Logsource"), in every shape the event comes in, in
// rule sets as in each rule alone, and only for that event.
import { describe, expect, it } from 'vitest'
import { parseEvents, RuleSet } from '../../../src/engine/index.ts'
import { compiled, explain, verdict } from '../../helpers/judge.ts'
import { dedent } from '../../helpers/dedent.ts'
import { flatForm, splunkLine, windowsXmlForm, winlogbeatForm } from '../events/shape-forms.ts'

const RULE = dedent`
  title: Whoami started by a shell
  logsource: { product: windows, category: process_creation }
  detection:
    selection:
      Image|endswith: '\\whoami.exe'
      ParentImage|endswith: '\\cmd.exe'
    filter:
      Image: null
    condition: selection and not filter
`
const rule = compiled(RULE)

const audit = (system: object, data: object) => ({ Event: { System: system, EventData: data } })
const SECURITY = {
  Provider: { '#attributes': { Name: 'Microsoft-Windows-Security-Auditing' } },
  EventID: 4688,
  Channel: 'Security',
}
const STARTED = {
  SubjectUserName: 'bob',
  NewProcessName: 'C:\\Windows\\System32\\whoami.exe',
  ParentProcessName: 'C:\\Windows\\System32\\cmd.exe',
  CommandLine: 'whoami /all',
}
const EVTX = audit(SECURITY, STARTED)

describe('Security 4688 answers Image and ParentImage', () => {
  it('in every shape it is exported in', () => {
    const flat = flatForm(EVTX)
    const xml = parseEvents(windowsXmlForm(EVTX)).events[0]?.value
    const splunk = splunkLine({ LogName: 'Security', EventCode: '4688', ...STARTED })
    for (const event of [EVTX, xml, flat, winlogbeatForm(flat), splunk])
      expect(verdict(rule, event).match, JSON.stringify(event)).toBe(true)
  })

  it('points the trace at the fields that held the values', () => {
    const trace = JSON.stringify(explain(rule, EVTX))
    expect(trace).toContain('Event.EventData.NewProcessName')
    expect(trace).toContain('Event.EventData.ParentProcessName')
  })

  it('not for another event ID or channel, nor over a field the event names itself', () => {
    const elsewhere = audit({ ...SECURITY, Channel: 'Application' }, STARTED)
    const logon = audit({ ...SECURITY, EventID: 4624 }, STARTED)
    expect(verdict(rule, elsewhere).match).toBe(false)
    expect(verdict(rule, logon).match).toBe(false)
    const own = audit(SECURITY, { ...STARTED, Image: 'C:\\Tools\\other.exe' })
    expect(verdict(rule, own).match).toBe(false)
  })

  it('gives a rule set the verdicts of the rule alone', () => {
    const set = new RuleSet([rule, compiled(RULE.replace('whoami.exe', 'net.exe'))])
    const events = [EVTX, flatForm(EVTX), audit({ ...SECURITY, EventID: 4624 }, STARTED)]
    expect(events.map((e) => set.match(e).hits)).toEqual([[0], [0], []])
  })
})
