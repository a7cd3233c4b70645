/** axe-core, WCAG 2 A and AA rules and best practices, run in the page (see a11y.spec.ts). */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/** axe's violations, each as "rule: target (why)", so a failure names what to fix. */
export async function violations(page: Page): Promise<string[]> {
  // Evaluated through the debugger protocol, so the page's strict CSP does not stop it.
  await page.evaluate(AXE_SOURCE)
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } }
    ).axe
    const result = await axe.run({
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    })
    return result.violations
  })
  return (found as Violation[]).flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id}: ${n.target.join(' ')} (${(n.failureSummary ?? v.help).replace(/\s+/g, ' ').slice(0, 160)})`,
    ),
  )
}
