/**
 * One-time Monaco set-up: bundled workers (no CDN), monaco-yaml with the Sigma rule schema,
 * the page's two themes, our own completion and hover providers, and Monaco's harmless
 * cancellations kept out of the error reports. Importing this module more than once is
 * harmless: the set-up runs on first import only.
 */
import * as monaco from './monaco.ts'
import { configureMonacoYaml } from 'monaco-yaml'
import YamlWorker from './yaml.worker.ts?worker'
import ruleSchema from '../language/schema/sigma-rule.schema.json'
import pipelineSchema from '../language/schema/sigma-pipeline.schema.json'
import { defineThemes } from './themes.ts'
import { registerModifierCompletion } from '../language/modifier-completion.ts'
import { registerModifierHover } from '../language/modifier-hover.ts'
import { registerCoverageHover } from '../language/coverage-hover.ts'
import { registerFieldCompletion } from '../language/field-completion.ts'
import { bindTabFocus } from './tab-focus.ts'
import { registerQuickFixes } from '../language/quick-fixes.ts'
import { registerJsonLanguage } from './json-language.ts'
import { registerEventFolding } from './event-folding.ts'
import { silenceMonacoCancellations } from './monaco-cancellation.ts'

export const RULE_URI = 'file:///rule.yaml'
export const EVENTS_URI = 'file:///events.json'
export const PIPELINE_URI = 'file:///pipeline.yaml'

declare global {
  interface Window {
    /** Exposed for end-to-end tests, which set editor content through the models. */
    __monaco?: typeof monaco
  }
}

// One worker script for every label. monaco-yaml's worker is Monaco's editor worker with the
// YAML service loaded on request, so it also serves the editor's own work (links, word
// completion) and the bundle holds one copy of that code instead of two. JSON never asks:
// every JSON feature that needs a worker of its own is off (below).
self.MonacoEnvironment = {
  getWorker: () => new YamlWorker(),
}

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  completion: true,
  hover: true,
  // Prettier's YAML output reorders nothing but rewrites quotes and flow style the author chose,
  // and it would more than double the worker (vite.config.ts leaves it out).
  format: { enable: false },
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

registerJsonLanguage(monaco)
registerEventFolding(monaco, EVENTS_URI)
defineThemes(monaco)
registerModifierCompletion(monaco, RULE_URI)
registerModifierHover(monaco, RULE_URI)
registerCoverageHover(monaco, RULE_URI)
registerFieldCompletion(monaco, RULE_URI)
bindTabFocus()
registerQuickFixes(monaco, RULE_URI)
silenceMonacoCancellations(window)

window.__monaco = monaco

export { monaco }
