/**
 * The built page's JavaScript stays within its budget (issue 10: at most 1.2 MB gzip, all of
 * it, workers and lazy chunks included), as `npm run bench:ui` counts it. Sizes, not timings:
 * the same build always weighs the same.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { expect, test } from '@playwright/test'

const ASSETS = join(import.meta.dirname, '../dist/assets')
const BUDGET = 1_200_000

test('all JavaScript in dist/ is at most 1.2 MB gzip', () => {
  const scripts = readdirSync(ASSETS).filter((name) => name.endsWith('.js'))
  const sizes = scripts.map((name) => {
    const text = readFileSync(join(ASSETS, name))
    return { name, gzip: gzipSync(text, { level: 9 }).length }
  })
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0)
  expect(total, sizes.map((s) => `${s.name} ${s.gzip}`).join('\n')).toBeLessThanOrEqual(BUDGET)
})
