// pySigma processing pipelines (issue 7): one test per transformation, the rule conditions,
// priority order, unsupported parts at their line, and the built-in pipelines.
import { describe, expect, it } from 'vitest'
import {
  BUILTIN_PIPELINES,
  compileRule,
  evaluate,
  lineCol,
  parsePipeline,
  withShapePipeline,
} from '../../../src/engine/index.ts'
import { dedent } from '../../helpers/dedent.ts'
import { compiled, explain, verdict } from '../../helpers/judge.ts'
import { DROP_AND_ADD, PREFIX_AND_SUFFIX, PROCESS_MAPPING, UNSUPPORTED } from './fixtures.ts'

function ruleWith(category: string, detection: string, pipelines: string[]) {
  const text =
    dedent(`
    title: t
    logsource:
        category: ${category}
        product: windows
    detection:
  `) + detection
  return compiled(text, { pipelines })
}

const PROCESS_DETECTION = `    sel:
        Image|endswith: '\\cmd.exe'
        CommandLine|contains: whoami
    condition: sel
`

describe('field_name_mapping', () => {
  it('reads a rule field from the mapped field, and from any of a list', () => {
    const rule = ruleWith('process_creation', PROCESS_DETECTION, [PROCESS_MAPPING])
    const viaCmd = { proc: { path: 'C:\\cmd.exe', cmd: 'cmd /c whoami' } }
    const viaArgs = { proc: { path: 'C:\\cmd.exe', cmd: 'cmd', args: 'whoami /all' } }
    expect(verdict(rule, viaCmd).match).toBe(true)
    expect(verdict(rule, viaArgs).match).toBe(true)
    expect(verdict(rule, { Image: 'C:\\cmd.exe', CommandLine: 'whoami' }).match).toBe(false)
    const trace = explain(rule, viaArgs)
    expect(JSON.stringify(trace)).toContain('"path":"proc.args"')
  })

  it('applies only to rules of its logsource', () => {
    const rule = ruleWith('network_connection', PROCESS_DETECTION, [PROCESS_MAPPING])
    expect(verdict(rule, { Image: 'C:\\cmd.exe', CommandLine: 'whoami' }).match).toBe(true)
  })

  it('comes after the user’s field map, which wins', () => {
    const text = `logsource: {category: process_creation}\ndetection:\n${PROCESS_DETECTION}`
    const result = compileRule(text, {
      pipelines: [PROCESS_MAPPING],
      fieldMap: { Image: 'Exe' },
    })
    const event = { Exe: 'C:\\cmd.exe', proc: { cmd: 'whoami' } }
    expect(result.rule && verdict(result.rule, event).match).toBe(true)
  })
})

describe('field_name_prefix_mapping and field_name_suffix', () => {
  it('rewrites a prefix, then suffixes only the fields its condition names', () => {
    const rule = ruleWith(
      'any',
      '    sel:\n        TargetName: x\n        TargetUser: y\n    condition: sel\n',
      [PREFIX_AND_SUFFIX],
    )
    const event = { data: { target_Name_text: 'x', target_User: 'y' } }
    expect(verdict(rule, event).match).toBe(true)
  })
})

describe('drop_detection_item and add_condition', () => {
  const detection = '    sel:\n        EventID: 1\n        Image: a\n    condition: sel\n'
  it('drops the named items and ANDs the added condition (values OR)', () => {
    const rule = ruleWith('process_creation', detection, [DROP_AND_ADD])
    expect(verdict(rule, { Image: 'a', log: { channel: 'sysmon' } })).toEqual({
      match: true,
      identifiers: { sel: true, _pipeline_condition: true },
    })
    expect(verdict(rule, { Image: 'a', log: { channel: 'Security' } }).match).toBe(false)
    expect(verdict(rule, { Image: 'b', EventID: 1, log: { channel: 'Sysmon' } }).match).toBe(false)
  })
})

describe('priority', () => {
  it('runs lower priorities first, whatever the order given', () => {
    const first =
      'priority: 1\ntransformations:\n  - type: field_name_mapping\n    mapping:\n      A: B\n'
    const second =
      'priority: 2\ntransformations:\n  - type: field_name_mapping\n    mapping:\n      B: C\n'
    for (const pipelines of [
      [first, second],
      [second, first],
    ]) {
      const rule = ruleWith('any', '    sel:\n        A: x\n    condition: sel\n', pipelines)
      expect(verdict(rule, { C: 'x' }).match).toBe(true)
    }
  })
})

describe('errors', () => {
  it('reports every unsupported part at its line, never ignoring it', () => {
    const { diagnostics } = parsePipeline(UNSUPPORTED)
    const at = diagnostics.map((d) => [lineCol(UNSUPPORTED, d.range[0]).line, d.code, d.message])
    expect(at).toEqual([
      [5, 'PIPELINE', "Unsupported transformation type 'replace_string'"],
      [11, 'PIPELINE', "Unsupported key 'field' in a rule condition"],
      [
        10,
        'PIPELINE',
        "Unsupported rule condition type 'contains_detection_item': only 'logsource'",
      ],
    ])
  })

  it('reports YAML syntax and a non-map at their place', () => {
    expect(parsePipeline('transformations: [').diagnostics[0]?.code).toBe('YAML_SYNTAX')
    expect(parsePipeline('- a\n').diagnostics[0]?.message).toMatch(/is a map/)
    expect(parsePipeline('priority: high\n').diagnostics[0]?.message).toBe(
      'priority must be a number',
    )
  })
})

describe('built-in pipelines', () => {
  it('parse cleanly', () => {
    for (const p of BUILTIN_PIPELINES) expect(parsePipeline(p.text).diagnostics).toEqual([])
  })

  it('ECS events get the ECS pipeline unless the user set a pipeline or a field map', () => {
    expect(withShapePipeline({}, 'ecs').pipelines?.[0]).toContain('process.executable')
    expect(withShapePipeline({}, 'winlogbeat')).toEqual({})
    expect(withShapePipeline({ fieldMap: { a: 'b' } }, 'ecs').pipelines).toBeUndefined()
  })

  it("Splunk's EventCode events match rules written for EventID, and are routed by it", () => {
    const options = withShapePipeline({}, 'splunk-windows')
    const rule = compiled(
      'title: t\nlogsource: {product: windows, service: security}\ndetection:\n  sel:\n    EventID: 4624\n    LogonType: 10\n  condition: sel\n',
      { ...options, logsourceOnly: true },
    )
    // Classic WinEventLog names the channel LogName; XML events name it Channel.
    const classic = { LogName: 'Security', EventCode: '4624', LogonType: '10' }
    const xml = { Channel: 'Security', EventCode: 4624, LogonType: 10 }
    const sysmon = {
      LogName: 'Microsoft-Windows-Sysmon/Operational',
      EventCode: '4624',
      LogonType: '10',
    }
    expect([classic, xml, sysmon].map((e) => evaluate(rule, e))).toEqual([true, true, false])
  })
})
