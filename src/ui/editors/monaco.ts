/**
 * The slim Monaco: the editor core and its standard features, plus only the YAML and JSON
 * languages. Importing 'monaco-editor' itself would also bundle the CSS, HTML and TypeScript
 * workers and some eighty grammars the page never uses.
 */
import 'monaco-editor/esm/vs/editor/edcore.main.js'
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js'
import 'monaco-editor/esm/vs/language/json/monaco.contribution.js'

export * from 'monaco-editor/esm/vs/editor/editor.api.js'
