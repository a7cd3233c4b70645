/**
 * Exercises in the page: started from the gallery or from `#exercise/<id>`, checked live
 * against the verdicts the evaluation worker paints, with hints; solved ones are remembered.
 */
import { expect, test } from '@playwright/test'
import { findExercise } from '../src/gallery/exercises.ts'
import { encodeState } from '../src/share/index.ts'
import { guard, openPage, setRule } from './helpers.ts'

test('solve an exercise: the check follows each edit, hints come on request, solved is remembered', async ({
  page,
}) => {
  const guards = guard(page)
  const exercise = findExercise('ex-endswith')!
  await openPage(page)
  await page.getByTestId('gallery-button').click()
  await page.locator('[data-testid="exercise-item"][data-exercise="ex-endswith"]').click()

  const bar = page.getByTestId('exercise')
  await expect(bar).toHaveAttribute('data-solved', 'false')
  await expect(page.getByTestId('exercise-check')).toContainText(
    'Event #0 should match, and it does not.',
  )
  await page.getByTestId('exercise-hint-button').click()
  await expect(page.getByTestId('exercise-hint')).toContainText('must equal the whole field')

  await setRule(page, exercise.solution)
  await expect(bar).toHaveAttribute('data-solved', 'true')
  await expect(page.getByTestId('exercise-check')).toContainText('Solved')

  await page.getByTestId('gallery-button').click()
  await expect(
    page.locator('[data-testid="exercise-item"][data-exercise="ex-endswith"]'),
  ).toHaveAttribute('data-solved', 'true')
  guards.check()
})

test('#exercise/<id> opens that exercise; a wrong fix says which event is still wrong', async ({
  page,
}) => {
  await openPage(page, '/#exercise/ex-fix-not')
  const bar = page.getByTestId('exercise')
  await expect(bar).toHaveAttribute('data-exercise', 'ex-fix-not')
  await expect(page.getByTestId('rule-title')).toHaveText('Whoami by users')
  const exercise = findExercise('ex-fix-not')!
  await setRule(
    page,
    exercise.rule.replace(
      'condition: selection and filter_admin',
      'condition: selection or filter_admin',
    ),
  )
  await expect(page.getByTestId('exercise-check')).toContainText(
    'Event #1 should not match, and it does.',
  )
  await setRule(page, exercise.solution)
  await expect(bar).toHaveAttribute('data-solved', 'true')
})

test("a trainer's link with marks becomes an exercise checked against the marks", async ({
  page,
}) => {
  const exercise = findExercise('ex-list-or')!
  const fragment = await encodeState({
    rule: exercise.rule,
    events: JSON.stringify(exercise.events),
    selected: 0,
    options: {},
    expect: { '1': 'match', '2': 'nomatch' },
  })
  await openPage(page, `/${fragment}`)
  const bar = page.getByTestId('exercise')
  await expect(bar).toHaveAttribute('data-exercise', 'link')
  await expect(bar).toContainText('#1 match and #2 do not')
  await expect(page.getByTestId('exercise-check')).toContainText(
    'Event #1 should match, and it does not.',
  )
  await setRule(page, exercise.solution)
  await expect(bar).toHaveAttribute('data-solved', 'true')
})
