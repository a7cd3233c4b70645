/** Every exercise, in the order that teaches. */
import type { Exercise } from './exercise.ts'
import { BASICS } from './exercises/basics.ts'
import { MODIFIERS } from './exercises/modifiers.ts'

export const EXERCISES: readonly Exercise[] = [...BASICS, ...MODIFIERS]

export function findExercise(id: string): Exercise | undefined {
  return EXERCISES.find((e) => e.id === id)
}
