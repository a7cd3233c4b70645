/**
 * Says what Tab does in the editors and flips it (Ctrl+M inside an editor does the same). Tab
 * moves focus by default, so the page is usable from the keyboard alone.
 */
import { setTabMovesFocus, useTabMovesFocus } from '../state/tabMovesFocus.ts'

export function TabModeSwitch() {
  const movesFocus = useTabMovesFocus()
  return (
    <button
      type="button"
      className="tab-mode"
      data-testid="tab-mode"
      aria-pressed={!movesFocus}
      title="Ctrl+M in an editor switches too"
      onClick={() => setTabMovesFocus(!movesFocus)}
    >
      {movesFocus
        ? 'Tab moves focus · Ctrl+M: Tab indents'
        : 'Tab indents · Ctrl+M: Tab moves focus'}
    </button>
  )
}
