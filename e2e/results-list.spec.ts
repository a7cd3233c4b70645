/**
 * The results list from the keyboard and for screen readers (a focus ring, Home/End,
 * aria-activedescendant), and verdicts that name the filter that excluded an event, whose chip
 * comes first so it is never the one cut off.
 */
import { expect, test } from '@playwright/test'
import { DEFAULT_EXPECTATIONS } from '../src/ui/defaults/events.ts'
import { guard, openPage, row } from './helpers.ts'

test('the list shows focus, answers Home and End, and names the active row', async ({ page }) => {
  const guards = guard(page)
  await openPage(page)
  const list = page.getByRole('listbox', { name: 'Events and verdicts' })
  await page.keyboard.press('Shift') // the next focus counts as a keyboard one
  await list.focus()
  const ring = await list.evaluate((node) => getComputedStyle(node).boxShadow)
  expect(ring).not.toBe('none')

  await page.keyboard.press('End')
  await expect(row(page, 8)).toHaveAttribute('aria-selected', 'true')
  await expect(list).toHaveAttribute('aria-activedescendant', 'event-row-8')
  await expect(page.locator('#event-row-8')).toHaveAttribute('role', 'option')
  await page.keyboard.press('Home')
  await expect(row(page, 0)).toHaveAttribute('aria-selected', 'true')
  await expect(list).toHaveAttribute('aria-activedescendant', 'event-row-0')
  await page.keyboard.press('ArrowDown')
  await expect(list).toHaveAttribute('aria-activedescendant', 'event-row-1')
  await expect(page.getByTestId('selected-reason')).toContainText(
    'excluded by filter_main_local_ranges',
  )
  guards.check()
})

test('a filtered-out event says which filter, and its chip comes first', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await openPage(page)
  for (const [index, expected] of DEFAULT_EXPECTATIONS.entries()) {
    const verdict = row(page, index).getByTestId('verdict')
    if (expected.match) await expect(verdict).toHaveText('Match')
    else if (expected.decidedBy === 'selection') await expect(verdict).toHaveText('No match')
    else {
      await expect(verdict).toHaveText(`Excluded by ${expected.decidedBy}`)
      const chip = row(page, index).getByTestId('identifier-chip').first()
      await expect(chip).toHaveAttribute('data-identifier', expected.decidedBy)
      // Wholly inside the chip strip, not under its fade or past its edge.
      const strip = await row(page, index).locator('.event-chips').boundingBox()
      const box = await chip.boundingBox()
      expect(box && strip && box.x + box.width <= strip.x + strip.width - 28).toBe(true)
    }
  }
})
