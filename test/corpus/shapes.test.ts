/**
 * Issue 7, "done means": SigmaHQ's regression events converted into every export shape (and
 * into Windows event XML) give the same verdicts (match and every identifier) as their flat
 * Sysmon form, with no options.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { BUILTIN_PIPELINES, compileRule, parseEvents, verdict } from '../../src/engine/index.ts'
import type { CompiledRule } from '../../src/engine/index.ts'
import {
  csvForm,
  elasticHit,
  elasticResponse,
  flatForm,
  splunkLine,
  splunkResults,
  savedXmlFile,
  windowsXmlForm,
  winlogbeatForm,
  xmlValues,
} from '../engine/events/shape-forms.ts'
import { readRegressionIndex, SIGMAHQ_DIR } from './corpus-files.ts'
import { testEachCorpus } from './corpus-test.ts'

interface RegressionEntry {
  rule: string
  events: string
}

const WINLOGBEAT = BUILTIN_PIPELINES.find((p) => p.id === 'winlogbeat') ?? BUILTIN_PIPELINES[0]!
const index = readRegressionIndex<RegressionEntry>()

const ndjson = (values: unknown[]) => values.map((v) => JSON.stringify(v)).join('\n')

function verdictsOf(rule: CompiledRule, text: string) {
  const parsed = parseEvents(text)
  expect(parsed.diagnostics).toEqual([])
  return parsed.events.map((record) => verdict(rule, record.value))
}

testEachCorpus(
  () => index.map((entry) => [entry.rule, entry] as const),
  '%s',
  (_, entry) => {
    const ruleText = readFileSync(join(SIGMAHQ_DIR, entry.rule), 'utf8')
    const rule = compileRule(ruleText, {}).rule
    if (rule === undefined) throw new Error(`${entry.rule} compiled to no rule`)
    const evtx = parseEvents(readFileSync(join(SIGMAHQ_DIR, entry.events), 'utf8')).events.map(
      (e) => e.value,
    )
    const flat = evtx.map(flatForm)
    const winlogbeat = flat.map(winlogbeatForm)
    const expected = verdictsOf(rule, JSON.stringify(flat))
    // The flat form is itself faithful to the recorded events.
    expect(evtx.map((e) => verdict(rule, e))).toEqual(expected)
    // XML keeps every value as text; read back, it is the evtx form with text values.
    const xml = parseEvents(evtx.map(windowsXmlForm).join('\n'))
    expect(xml.events.map((e) => e.value)).toEqual(evtx.map(xmlValues))

    const shapes: Record<string, string> = {
      winlogbeat: ndjson(winlogbeat),
      'elastic hit lines': ndjson(winlogbeat.map(elasticHit)),
      'elastic search response': JSON.stringify(elasticResponse(winlogbeat), null, 2),
      'elastic hits of flat events': JSON.stringify(flat.map(elasticHit)),
      'splunk lines': ndjson(flat.map(splunkLine)),
      'splunk results': JSON.stringify(splunkResults(flat)),
      csv: csvForm(flat),
      'windows event xml': savedXmlFile(evtx.map(windowsXmlForm)),
    }
    for (const [shape, text] of Object.entries(shapes))
      expect(verdictsOf(rule, text), `${shape} differs from the flat form`).toEqual(expected)

    // The Winlogbeat pipeline file says the same as the Winlogbeat shape: read the events as
    // they are (no shape), through the pipeline, and the verdicts agree.
    const piped = compileRule(ruleText, { pipelines: [WINLOGBEAT.text], eventShape: 'flat' }).rule
    if (!piped) throw new Error('no rule through the Winlogbeat pipeline')
    expect(verdictsOf(piped, shapes.winlogbeat ?? '')).toEqual(expected)
  },
)
