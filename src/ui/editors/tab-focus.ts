/**
 * Binds Monaco's global "Tab moves focus" switch (which only its Ctrl+M action flips) to the
 * page's own setting in state/tabMovesFocus.ts, in both directions.
 */
import { TabFocus } from 'monaco-editor/esm/vs/editor/browser/config/tabFocus.js'
import { onTabMovesFocusChange, setTabMovesFocus, tabMovesFocus } from '../state/tabMovesFocus.ts'

export function bindTabFocus(): void {
  TabFocus.setTabFocusMode(tabMovesFocus())
  onTabMovesFocusChange(() => {
    if (TabFocus.getTabFocusMode() !== tabMovesFocus()) TabFocus.setTabFocusMode(tabMovesFocus())
  })
  TabFocus.onDidChangeTabFocus((mode) => setTabMovesFocus(mode))
}
