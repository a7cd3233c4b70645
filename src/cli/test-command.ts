/**
 * `sigma-play test [--rules PATH...] PATH...`: runs SigmaHQ regression tests. PATH is an
 * `info.yml` or a folder searched for them; each test's rule is found by the id in
 * `rule_metadata` among the `--rules` files and folders (by default the `rules*` folders beside
 * `regression_data`), and its events are the `.json` beside the `.evtx` that `path` names.
 * One line per test, a closing `N passed, M failed`, exit 1 on any failure; a failure shows the
 * trace of the first event that went wrong.
 */
import { basename, dirname, join } from 'node:path'
import {
  compileRule,
  eventsPathOf,
  explain,
  isEventFailure,
  judgeTest,
  parseEvents,
  parseRegressionInfo,
  verdict,
} from '../engine/index.ts'
import { summarizeTrace } from '../worker/summary.ts'
import { findRuleFiles } from './find-rules.ts'
import { describeIoError, type CliIo } from './io.ts'

export const TEST_USAGE = 'Usage: sigma-play test [--rules PATH...] PATH...'

function parseTestArgs(argv: string[]): { rules: string[]; paths: string[] } | string {
  const rules: string[] = []
  const paths: string[] = []
  let inRules = false
  for (const arg of argv) {
    if (arg === '--rules') inRules = true
    else if (arg === '--') inRules = false
    else if (arg.startsWith('-')) return `unknown option ${arg}`
    else (inRules ? rules : paths).push(arg)
  }
  // `--rules A B C`: the last one is a test PATH when no other was given.
  if (paths.length === 0 && rules.length > 1) paths.push(rules.pop() as string)
  if (paths.length === 0) return 'test needs at least one info.yml or folder'
  return { rules, paths }
}

/** The repository root of an info.yml: the folder holding its `regression_data` ancestor. */
function rootOf(infoPath: string): string | undefined {
  for (let dir = dirname(infoPath); dir !== dirname(dir); dir = dirname(dir)) {
    if (basename(dir) === 'regression_data') return dirname(dir)
  }
  return undefined
}

const RULE_ID = /^id:\s*['"]?([0-9A-Za-z-]+)/m

function ruleIndex(paths: string[], io: CliIo): Map<string, string> {
  const byId = new Map<string, string>()
  for (const file of findRuleFiles(paths, io).files) {
    if (basename(file) === 'info.yml') continue
    try {
      const id = RULE_ID.exec(io.readFile(file))?.[1]
      if (id && !byId.has(id)) byId.set(id, file)
    } catch {
      // An unreadable file is simply not a candidate rule.
    }
  }
  return byId
}

export function runTest(argv: string[], io: CliIo): number {
  const args = parseTestArgs(argv)
  if (typeof args === 'string') {
    io.err(`sigma-play: ${args}\n${TEST_USAGE}\n`)
    return 2
  }
  const found = findRuleFiles(args.paths, io)
  if (found.missing.length > 0) {
    for (const path of found.missing) io.err(`sigma-play: ${path}: no such file or directory\n`)
    return 2
  }
  const infos = found.files.filter((f) => basename(f) === 'info.yml')
  const indexes = new Map<string, Map<string, string>>()
  const rulesFor = (root: string | undefined): Map<string, string> => {
    const key = args.rules.length > 0 ? '' : (root ?? '')
    let index = indexes.get(key)
    if (!index) {
      const folders =
        args.rules.length > 0
          ? args.rules
          : root
            ? io
                .entries(root)
                .filter(({ name }) => name.startsWith('rules'))
                .map(({ name }) => join(root, name))
            : []
      indexes.set(key, (index = ruleIndex(folders, io)))
    }
    return index
  }

  let passed = 0
  let failed = 0
  const fail = (line: string) => {
    failed++
    io.out(`FAIL ${line}\n`)
  }
  for (const infoPath of infos) {
    let info
    try {
      info = parseRegressionInfo(io.readFile(infoPath))
    } catch (error) {
      fail(`${infoPath}: cannot read: ${describeIoError(error)}`)
      continue
    }
    if ('error' in info) {
      fail(`${infoPath}: ${info.error}`)
      continue
    }
    if (info.tests.length === 0) {
      io.out(`skip ${infoPath}: lists no regression test\n`)
      continue
    }
    const root = rootOf(infoPath)
    const ruleId = info.ruleIds[0] as string
    const rulePath = rulesFor(root).get(ruleId)
    for (const test of info.tests) {
      const label = `${infoPath}: ${test.name}`
      if (!rulePath) {
        fail(`${label}: no rule with id ${ruleId} among the rules searched`)
        continue
      }
      const eventsPath = root
        ? join(root, eventsPathOf(test.path))
        : join(dirname(infoPath), basename(eventsPathOf(test.path)))
      let ruleText: string
      let eventsText: string
      try {
        ruleText = io.readFile(rulePath)
        eventsText = io.readFile(eventsPath)
      } catch (error) {
        fail(`${label}: cannot read ${describeIoError(error)}`)
        continue
      }
      const compiled = compileRule(ruleText)
      if (!compiled.rule) {
        fail(`${label}: the rule ${rulePath} does not compile`)
        continue
      }
      const rule = compiled.rule
      const events = parseEvents(eventsText).events
      const judged = events.map((e) => verdict(rule, e.value))
      const failed = judged.findIndex(isEventFailure)
      const failure = judged[failed]
      if (failure && isEventFailure(failure)) {
        fail(`${label}: the engine failed on event ${failed}: ${failure.message}`)
        continue
      }
      const verdicts = judged.map((v) => !isEventFailure(v) && v.match)
      const result = judgeTest(verdicts, test.matchCount)
      const summary = `${result.matches} of ${events.length} events matched, wanted ${result.wanted}`
      if (result.passed) {
        passed++
        io.out(`ok   ${label} (${summary}${result.note ? `; ${result.note}` : ''})\n`)
        continue
      }
      fail(`${label} (${summary}; rule ${rulePath})`)
      const wrong = result.firstWrong
      const event = wrong === undefined ? undefined : events[wrong]
      if (event) {
        const trace = explain(rule, event.value)
        if (isEventFailure(trace)) continue
        io.out(`     event ${wrong}: ${summarizeTrace(trace)}\n`)
        io.out(`     trace: ${JSON.stringify(trace.conditions)}\n`)
      }
    }
  }
  io.out(`${passed} passed, ${failed} failed\n`)
  return failed > 0 ? 1 : 0
}
