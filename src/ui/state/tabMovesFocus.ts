/**
 * Whether Tab moves focus out of the editors (the default, so keyboard users are never trapped and
 * a stray Tab never re-indents the rule) or indents. The page shell reads and flips it here without
 * loading Monaco; editors/tab-focus.ts keeps Monaco's own switch (Ctrl+M) in step both ways.
 */
import { useEffect, useSyncExternalStore } from 'react'

let on = true
const listeners = new Set<() => void>()

export const tabMovesFocus = (): boolean => on

export function setTabMovesFocus(next: boolean): void {
  if (next === on) return
  on = next
  for (const listener of listeners) listener()
}

export function onTabMovesFocusChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useTabMovesFocus(): boolean {
  return useSyncExternalStore(onTabMovesFocusChange, tabMovesFocus)
}

/** Announces each switch in the status line (Ctrl+M inside an editor has no other feedback). */
export function useTabModeStatus(setStatus: (message: string) => void): void {
  useEffect(
    () =>
      onTabMovesFocusChange(() =>
        setStatus(
          on
            ? 'Tab moves focus out of the editors (Ctrl+M: Tab indents)'
            : 'Tab indents in the editors (Ctrl+M: Tab moves focus)',
        ),
      ),
    [setStatus],
  )
}
