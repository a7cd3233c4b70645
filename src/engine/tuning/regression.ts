/**
 * SigmaHQ regression tests: `info.yml` read into plain data, and one test judged from a rule's
 * verdicts on its events. As in SigmaHQ's CI, `match_count` is a minimum (more matches only
 * earn a note) and a missing one means at least one match.
 */
import { parse } from 'yaml'

export interface RegressionTest {
  name: string
  type: string
  /** `regression_data/…/<id>.evtx`, relative to the repository root. */
  path: string
  matchCount?: number
}

export interface RegressionInfo {
  ruleIds: string[]
  tests: RegressionTest[]
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export function parseRegressionInfo(text: string): RegressionInfo | { error: string } {
  let doc: unknown
  try {
    doc = parse(text, { uniqueKeys: false, maxAliasCount: 100 })
  } catch (error) {
    return { error: `not valid YAML: ${error instanceof Error ? error.message : String(error)}` }
  }
  if (!isObject(doc)) return { error: 'not a regression info.yml (expected a YAML mapping)' }
  const meta = Array.isArray(doc.rule_metadata) ? doc.rule_metadata : []
  const ruleIds = meta.flatMap((m) => (isObject(m) && typeof m.id === 'string' ? [m.id] : []))
  const list = Array.isArray(doc.regression_tests_info) ? doc.regression_tests_info : []
  const tests: RegressionTest[] = []
  for (const t of list) {
    if (!isObject(t) || typeof t.path !== 'string') continue
    const count = t.match_count
    tests.push({
      name: typeof t.name === 'string' ? t.name : 'unnamed test',
      type: typeof t.type === 'string' ? t.type : 'evtx',
      path: t.path,
      matchCount: typeof count === 'number' && Number.isInteger(count) ? count : undefined,
    })
  }
  if (ruleIds.length === 0) return { error: 'rule_metadata names no rule id' }
  return { ruleIds, tests }
}

export interface TestVerdict {
  passed: boolean
  matches: number
  /** "at least N". */
  wanted: string
  /** Set when more events matched than `match_count` says (SigmaHQ warns, it does not fail). */
  note?: string
  /** The first event that did not match, when too few did. */
  firstWrong?: number
}

export function judgeTest(match: readonly boolean[], matchCount: number | undefined): TestVerdict {
  const matches = match.filter(Boolean).length
  const minimum = matchCount ?? 1
  const wanted = `at least ${minimum}`
  if (matches >= minimum) {
    const note =
      matchCount !== undefined && matches > matchCount
        ? `more than match_count ${matchCount}: consider updating it`
        : undefined
    return { passed: true, matches, wanted, note }
  }
  // Too few matched: the first event that did not match is the one to explain.
  const firstWrong = match.findIndex((m) => !m)
  return { passed: false, matches, wanted, firstWrong: firstWrong < 0 ? undefined : firstWrong }
}

/** The `.json` events beside the `.evtx` a test names. */
export const eventsPathOf = (evtxPath: string) => evtxPath.replace(/\.evtx$/i, '') + '.json'

export interface RegressionExport {
  /** The test's own id (SigmaHQ gives each info.yml one). */
  id: string
  ruleId: string
  ruleTitle: string
  /** `YYYY-MM-DD`. */
  date: string
  author?: string
  test: RegressionTest
}

const yamlString = (text: string) => `'${text.replace(/'/g, "''")}'`

/** An `info.yml` in SigmaHQ's layout, which `parseRegressionInfo` reads back unchanged. */
export function writeRegressionInfo(info: RegressionExport): string {
  const { test } = info
  const lines = [
    `id: ${info.id}`,
    'description: N/A',
    `date: ${info.date}`,
    `author: ${yamlString(info.author ?? 'Sigma Playground')}`,
    'rule_metadata:',
    `    - id: ${info.ruleId}`,
    `      title: ${yamlString(info.ruleTitle)}`,
    'regression_tests_info:',
    `    - name: ${yamlString(test.name)}`,
    `      type: ${test.type}`,
    ...(test.matchCount === undefined ? [] : [`      match_count: ${test.matchCount}`]),
    `      path: ${yamlString(test.path)}`,
  ]
  return `${lines.join('\n')}\n`
}
