/**
 * Rule text → YAML documents with source ranges. YAML 1.2 core schema (so `yes` stays a
 * string, as the Sigma specification says) and unique keys (a duplicate `Field|mod` key would
 * otherwise silently drop a condition).
 */
import { CST, parseAllDocuments, Parser, type Document } from 'yaml'
import { error } from '../diagnostics.ts'
import { fastParse } from './fast-parse.ts'
import { flowTooDeep, MAX_NESTING, tooDeepNode } from './depth.ts'
import { nodeRange } from './nodes.ts'
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

export function parseYaml(input: string): ParsedYaml {
  const text = lineBreaks(input)
  const deepBracket = flowTooDeep(text)
  if (deepBracket !== undefined)
    return {
      documents: [],
      diagnostics: [error('YAML_SYNTAX', TOO_DEEP, visibleRange(text, [deepBracket, deepBracket]))],
    }
  // The fast path bails past MAX_NESTING, so only the full parser's documents need walking.
  const fast = fastParse(text)
  return fast
    ? { documents: [{ contents: fast }], diagnostics: [] }
    : withinNesting(parseWithYaml(text), text)
}

const TOO_DEEP = `This nests lists and maps more than ${MAX_NESTING} levels deep; Sigma rules nest 5 at most. Check the brackets and the indentation here.`

/** A document nested too deep is refused whole: every reader after this one walks it. */
function withinNesting(parsed: ParsedYaml, text: string): ParsedYaml {
  if (parsed.diagnostics.some((d) => d.message === TOO_DEEP)) return { ...parsed, documents: [] }
  for (const { contents, doc } of parsed.documents) {
    const node = tooDeepNode(contents, doc)
    if (node === undefined) continue
    const [start] = nodeRange(node)
    const diagnostic = error('YAML_SYNTAX', TOO_DEEP, visibleRange(text, [start, start]))
    return { documents: [], diagnostics: [...parsed.diagnostics, diagnostic] }
  }
  return parsed
}

/**
 * A lone CR (old Mac files, some exports) ends a line for pySigma's YAML reader, for Monaco
 * and for the line index, but not for the `yaml` package, which then reads the whole file as
 * one line. Made a LF: the same length, so every offset stays true.
 */
function lineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text
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
      const opening = /^Missing closing .?quote/.test(e.message)
        ? openingQuote(text, e.pos[0])
        : undefined
      const range = opening === undefined ? visibleRange(text, e.pos) : [opening, opening + 1]
      const message =
        (opening !== undefined && UNCLOSED_QUOTE[text.charAt(opening)]) ||
        (e.message.includes('Maximum call stack') ? TOO_DEEP : firstLine(e.message))
      diagnostics.push(error(code, message, range as Range))
    }
  }
  return { documents: documents.map((doc) => ({ contents: doc.contents, doc })), diagnostics }
}

/** Said at the quote that opened a string YAML found no end to. */
const UNCLOSED_QUOTE: Record<string, string> = {
  "'": "This quote is never closed, so the string runs on to the end of the text. Inside '…' a backslash is an ordinary character and '' stands for one quote, so '\\Policies\\'' does not end the string.",
  '"': 'This quote is never closed, so the string runs on to the end of the text. Inside "…" a backslash starts an escape (\\" is a quote): write \\\\ for a backslash, or use \'…\' for Windows paths.',
}

/**
 * Where the quoted string that runs to `end` opened. YAML reports a missing closing quote at
 * the end of the text, far from the mistake; the opening quote is where the user must look.
 */
function openingQuote(text: string, end: number): number | undefined {
  let found: number | undefined
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue
    CST.visit(token, (item) => {
      for (const node of [item.key, item.value]) {
        if (!node || (node.type !== 'single-quoted-scalar' && node.type !== 'double-quoted-scalar'))
          continue
        if (node.offset <= end && end <= node.offset + node.source.length) found = node.offset
      }
    })
  }
  return found
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
