/**
 * One-time Monaco set-up: bundled workers (no CDN), monaco-yaml with the Sigma rule schema,
 * the page's two themes, and our own completion and hover providers. Importing this module
 * more than once is harmless: the set-up runs on first import only.
 */
import * as monaco from './monaco.ts'
import { configureMonacoYaml } from 'monaco-yaml'
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker?worker'
import YamlWorker from './yaml.worker.ts?worker'
import ruleSchema from '../language/schema/sigma-rule.schema.json'
import pipelineSchema from '../language/schema/sigma-pipeline.schema.json'
import { defineThemes } from './themes.ts'
import { registerModifierCompletion } from '../language/modifier-completion.ts'
import { registerModifierHover } from '../language/modifier-hover.ts'
import { registerFieldCompletion } from '../language/field-completion.ts'
import { bindTabFocus } from './tab-focus.ts'
import { registerQuickFixes } from '../language/quick-fixes.ts'

export const RULE_URI = 'file:///rule.yaml'
export const EVENTS_URI = 'file:///events.json'
export const PIPELINE_URI = 'file:///pipeline.yaml'

declare global {
  interface Window {
    /** Exposed for end-to-end tests, which set editor content through the models. */
    __monaco?: typeof monaco
  }
}

// Monaco asks for a worker for every label, its own JSON one included; returning undefined
// for any of them crashes that language service, hence the default branch.
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    switch (label) {
      case 'json':
        return new JsonWorker()
      case 'yaml':
        return new YamlWorker()
      default:
        return new EditorWorker()
    }
  },
}

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  completion: true,
  hover: true,
  // The engine checks the same metadata (title, id, status, level, dates, tags) and more, and
  // its diagnostics are the markers; schema validation would repeat each of them.
  validate: false,
  schemas: [
    {
      // Only an id: with enableSchemaRequest off it is never fetched.
      uri: 'inmemory://sigma-playground/sigma-rule.schema.json',
      fileMatch: ['**/rule.yaml'],
      schema: ruleSchema,
    },
    {
      // Completion and hover for transformation types and keys; the engine reports errors.
      uri: 'inmemory://sigma-playground/sigma-pipeline.schema.json',
      fileMatch: ['**/pipeline.yaml'],
      schema: pipelineSchema,
    },
  ],
})

// The events editor holds arrays, NDJSON and concatenated objects; JSON diagnostics would
// flag the latter two as errors, and the engine reports real parse errors itself.
monaco.languages.json.jsonDefaults.setDiagnosticsOptions({ validate: false })
// Large event buffers: keep only what helps editing, so the JSON worker does not ship
// symbols and colour ranges for 10,000 events back to the page after every keystroke.
monaco.languages.json.jsonDefaults.setModeConfiguration({
  documentFormattingEdits: true,
  documentRangeFormattingEdits: true,
  completionItems: false,
  hovers: false,
  documentSymbols: false,
  tokens: true,
  colors: false,
  foldingRanges: true,
  diagnostics: false,
  selectionRanges: true,
})

defineThemes(monaco)
registerModifierCompletion(monaco, RULE_URI)
registerModifierHover(monaco, RULE_URI)
registerFieldCompletion(monaco, RULE_URI)
bindTabFocus()
registerQuickFixes(monaco, RULE_URI)

window.__monaco = monaco

export { monaco }
