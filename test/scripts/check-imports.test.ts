import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const script = join(import.meta.dirname, '../../scripts/check-imports.mjs')
let root = ''

function check(files: Record<string, string>) {
  root = mkdtempSync(join(tmpdir(), 'imports-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'src', path)), { recursive: true })
    writeFileSync(join(root, 'src', path), text)
  }
  const run = spawnSync(process.execPath, [script, join(root, 'src')], { encoding: 'utf8' })
  return { status: run.status, output: run.stdout + run.stderr }
}

afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('the import cycle check', () => {
  it('passes an acyclic graph', () => {
    const run = check({ 'a.ts': "import { b } from './b.ts'", 'b.ts': 'export const b = 1' })
    expect(run.output).toContain('No import cycles among 2 files')
    expect(run.status).toBe(0)
  })

  it('names a cycle of type-only imports between files', () => {
    const run = check({
      'a.ts': "import type { B } from './b.ts'\nexport type A = 1",
      'b.ts': "import type { A } from './a.ts'\nexport type B = A",
    })
    expect(run.status).toBe(1)
    expect(run.output).toContain('files: src/a.ts ⇄ src/b.ts')
  })

  it('names a cycle between engine folders even when the files form none', () => {
    const run = check({
      'engine/match/glob.ts': "import { x } from '../modifiers/re.ts'\nexport const g = x",
      'engine/modifiers/re.ts': 'export const x = 1',
      'engine/modifiers/cidr.ts': "import { g } from '../match/glob.ts'\nexport const c = g",
    })
    expect(run.status).toBe(1)
    expect(run.output).toContain('engine folders: match ⇄ modifiers')
  })

  it('ignores imports inside comments', () => {
    const run = check({ 'a.ts': "// import { b } from './b.ts'", 'b.ts': "import './a.ts'" })
    expect(run.status).toBe(0)
  })
})
