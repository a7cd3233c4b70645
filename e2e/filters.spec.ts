/**
 * Sigma filter documents in the page: a filter after the rule (YAML `---`) excludes an event,
 * and the result row names the filter and its identifier.
 */
import { expect, test } from '@playwright/test'
import { guard, openPage, row, setEvents, setRule, verdicts, type Guards } from './helpers.ts'

const RULE = `title: Whoami
id: 6f3e2987-db24-4c78-a860-b4f4095a7095
name: whoami_run
status: test
description: whoami run
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        Image|endswith: '\\whoami.exe'
    condition: selection
level: low
---
title: Admins may run whoami
name: mf_admins
logsource:
    product: windows
filter:
    rules: whoami_run
    selection:
        User|startswith: 'adm_'
    condition: not selection
`
const EVENTS = JSON.stringify([
  { Image: 'C:\\Windows\\System32\\whoami.exe', User: 'alice' },
  { Image: 'C:\\Windows\\System32\\whoami.exe', User: 'adm_bob' },
])

let guards: Guards
test.beforeEach(async ({ page }) => {
  guards = guard(page)
  await openPage(page)
})
test.afterEach(() => guards.check())

test('a filter document excludes an event and the row names the filter', async ({ page }) => {
  await setRule(page, RULE)
  await setEvents(page, EVENTS)
  await expect.poll(() => verdicts(page, 2)).toEqual([true, false])
  const chip = row(page, 1).locator(
    '[data-testid="identifier-chip"][data-identifier="mf_admins › selection"]',
  )
  await expect(chip).toHaveAttribute('data-value', 'true')
  await expect(row(page, 1)).toContainText('mf_admins › selection')
})
