/**
 * The slim Monaco: the editor core with only the features the two editors use, and only the
 * YAML grammar (the events' JSON language is ours: json-language.ts). Importing
 * 'monaco-editor' itself would also bundle the CSS, HTML, JSON and TypeScript workers and
 * some eighty grammars; its `edcore.main` would add inline completions, inline edits, code
 * lens, colour pickers, peek definitions and the like, which no Sigma rule or event has a use
 * for. The diff editors it still imports are left out by an alias in vite.config.ts.
 */
import './monaco-features.ts'
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js'

export * from 'monaco-editor/esm/vs/editor/editor.api.js'
