// Monaco's global "Tab moves focus" switch has no public API (only the Ctrl+M action toggles it),
// so the page reads and sets it through the one module that holds it.
declare module 'monaco-editor/esm/vs/editor/browser/config/tabFocus.js' {
  export const TabFocus: {
    getTabFocusMode(): boolean
    setTabFocusMode(on: boolean): void
    onDidChangeTabFocus(listener: (on: boolean) => void): { dispose(): void }
  }
}
