/**
 * Rule text → YAML documents with source ranges. YAML 1.2 core schema (so `yes` stays a
 * string, as the Sigma specification says) and unique keys (a duplicate `Field|mod` key would
 * otherwise silently drop a condition).
 */
import { parseAllDocuments, type Document } from 'yaml'
import { error } from '../diagnostics.ts'
import { fastParse } from './fast-parse.ts'
import type { Diagnostic, Range } from '../types.ts'

/** One YAML document; `doc` is absent when the fast path built the nodes (no aliases then). */
export interface YamlDocument {
  contents: unknown
  doc?: Document.Parsed
}

export interface ParsedYaml {
  documents: YamlDocument[]
  diagnostics: Diagnostic[]
}

export function parseYaml(text: string): ParsedYaml {
  const fast = fastParse(text)
  if (fast) return { documents: [{ contents: fast }], diagnostics: [] }
  return parseWithYaml(text)
}

/** The reference parser: every YAML feature, every error. */
export function parseWithYaml(text: string): ParsedYaml {
  const parsed = parseAllDocuments(text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  })
  const documents = Array.isArray(parsed) ? parsed : []
  const diagnostics: Diagnostic[] = []
  for (const doc of documents) {
    for (const e of doc.errors) {
      const code = e.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : 'YAML_SYNTAX'
      diagnostics.push(error(code, firstLine(e.message), visibleRange(text, e.pos)))
    }
  }
  return { documents: documents.map((doc) => ({ contents: doc.contents, doc })), diagnostics }
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message
  return line.replace(/ at line \d+, column \d+:?$/, '')
}

/** A zero-width error position is widened to one character so editors can underline it. */
function visibleRange(text: string, pos: readonly [number, number]): Range {
  const start = Math.max(0, Math.min(pos[0], text.length))
  const end = Math.max(start, Math.min(pos[1], text.length))
  if (end > start) return [start, end]
  if (start < text.length) return [start, start + 1]
  return [Math.max(0, start - 1), start]
}
