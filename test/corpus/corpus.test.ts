/**
 * Every SigmaHQ rule compiles with zero errors (issue 2, "Tests"). Rules that use `|expand`
 * (all of rules-placeholder, and a few elsewhere) are compiled with values for every
 * placeholder they name, and must report the unresolved placeholders when compiled without.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { compileRule } from '../../src/engine/index.ts'
import { corpusRuleFiles, placeholderOptions, sigmaPath, usesExpand } from './corpus-files.ts'
import { readsCorpus } from './corpus-test.ts'

/**
 * Rules that truly cannot compile, by SigmaHQ path, each with the reason. Keep it short and
 * honest: the last test below fails when an entry no longer fails or no longer exists.
 */
const ALLOWED_FAILURES: Record<string, string> = {}

const rules = corpusRuleFiles().map((file) => ({
  path: sigmaPath(file),
  text: readFileSync(file, 'utf8'),
}))

const folderOf = (path: string) => path.slice(0, path.indexOf('/'))
const folders = [...new Set(rules.map((rule) => folderOf(rule.path)))]

function errorsOf(rule: { path: string; text: string }): string[] {
  return compileRule(rule.text, placeholderOptions(rule.text))
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.code} @${d.range[0]}: ${d.message}`)
}

describe('the SigmaHQ corpus', readsCorpus, () => {
  test('the corpus holds the 3,780 SigmaHQ rules', () => {
    expect(rules.length).toBe(3780)
    expect(folders).toEqual([
      'rules',
      'rules-compliance',
      'rules-emerging-threats',
      'rules-placeholder',
      'rules-threat-hunting',
    ])
  })

  describe.each(folders)('%s', (folder) => {
    test('every rule compiles with zero errors', () => {
      const failures: Record<string, string[]> = {}
      let compiled = 0
      for (const rule of rules.filter((r) => folderOf(r.path) === folder)) {
        if (rule.path in ALLOWED_FAILURES) continue
        const errors = errorsOf(rule)
        if (errors.length > 0) failures[rule.path] = errors
        else compiled++
      }
      expect(failures).toEqual({})
      expect(compiled).toBeGreaterThan(0)
    })
  })

  test('rules with placeholders report them as unresolved when given no values', () => {
    const placeholderRules = rules.filter((r) => r.path.startsWith('rules-placeholder/'))
    const expandRules = rules.filter((r) => usesExpand(r.text))
    const silent = expandRules
      .filter((rule) => /%[A-Za-z0-9_.-]+%/.test(rule.text))
      .filter((rule) => {
        const codes = compileRule(rule.text, {}).diagnostics.map((d) => d.code)
        return !codes.includes('UNRESOLVED_PLACEHOLDER')
      })
      .map((rule) => rule.path)
    expect(placeholderRules.length).toBe(23)
    expect(placeholderRules.every((rule) => usesExpand(rule.text))).toBe(true)
    expect(silent).toEqual([])
  })

  test('the allow-list names only rules that exist and still fail', () => {
    for (const path of Object.keys(ALLOWED_FAILURES)) {
      const rule = rules.find((r) => r.path === path)
      expect(rule, `${path} is allow-listed but not in the corpus`).toBeDefined()
      if (rule) expect(errorsOf(rule), `${path} is allow-listed but compiles`).not.toEqual([])
    }
  })
})
