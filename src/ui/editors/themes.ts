/**
 * The editors' two themes. Monaco needs literal colours here; the same values exist as CSS
 * variables in editors.css for the rest of the page. Every token colour keeps WCAG AA (4.5:1)
 * on the plain background and under the hit and miss paint.
 */
import type * as Monaco from './monaco.ts'

const LIGHT_THEME = 'sigma-light'
const DARK_THEME = 'sigma-dark'

export function themeName(theme: 'light' | 'dark'): string {
  return theme === 'dark' ? DARK_THEME : LIGHT_THEME
}

export function defineThemes(monaco: typeof Monaco): void {
  monaco.editor.defineTheme(LIGHT_THEME, {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'type', foreground: '0b5cad' },
      { token: 'string', foreground: '8a3b12' },
      { token: 'string.value.json', foreground: '8a3b12' },
      { token: 'number', foreground: '066343' },
      { token: 'comment', foreground: '6a737d', fontStyle: 'italic' },
    ],
    colors: {
      'editor.background': '#ffffff',
      'editor.foreground': '#1f2328',
      'editorLineNumber.foreground': '#6e7781',
      'editorLineNumber.activeForeground': '#1f2328',
      // The number of the empty line after a final newline: Monaco dims it below AA contrast.
      'editorLineNumber.dimmedForeground': '#6e7781',
      'editor.lineHighlightBackground': '#f3f5f8',
      'editor.lineHighlightBorder': '#00000000',
      'editorGutter.background': '#ffffff',
      'editorIndentGuide.background1': '#e6e8eb',
      'editorWidget.background': '#f8f9fb',
      'editorHoverWidget.background': '#f8f9fb',
      'editorHoverWidget.border': '#d0d7de',
    },
  })
  monaco.editor.defineTheme(DARK_THEME, {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'type', foreground: '7cc4ff' },
      { token: 'string', foreground: 'e6b487' },
      { token: 'string.value.json', foreground: 'e6b487' },
      { token: 'comment', foreground: '7d8590', fontStyle: 'italic' },
    ],
    colors: {
      'editor.background': '#16181d',
      'editor.foreground': '#d7dae0',
      'editorLineNumber.foreground': '#858d97',
      'editorLineNumber.activeForeground': '#d7dae0',
      'editorLineNumber.dimmedForeground': '#858d97',
      'editor.lineHighlightBackground': '#1f232b',
      'editor.lineHighlightBorder': '#00000000',
      'editorGutter.background': '#16181d',
      'editorIndentGuide.background1': '#2a2f38',
      'editorWidget.background': '#1f232b',
      'editorHoverWidget.background': '#1f232b',
      'editorHoverWidget.border': '#3a404b',
    },
  })
}
