// Fails when the import graph of src/ has a cycle, between files or between the engine's
// folders. Type-only imports count: a cycle of types still ties two modules into one.
// Run by `npm run lint`; `node scripts/check-imports.mjs [src-folder]` alone prints the same.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

const SRC = resolve(process.argv[2] ?? join(import.meta.dirname, '../src'))
const ROOT = dirname(SRC)
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"?]+)(?:\?[^'"]*)?['"]/g

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

/** Relative imports of one file, resolved to files of src/ (assets and JSON left out). */
function importsOf(file, known) {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '')
  const found = new Set()
  for (const match of text.matchAll(SPECIFIER)) {
    const target = resolve(dirname(file), match[1])
    if (known.has(target)) found.add(target)
  }
  return [...found]
}

/** Strongly connected components with more than one member (or a self-import): the cycles. */
function cycles(graph) {
  const index = new Map()
  const low = new Map()
  const stack = []
  const onStack = new Set()
  const found = []
  let next = 0
  const visit = (node) => {
    index.set(node, next)
    low.set(node, next++)
    stack.push(node)
    onStack.add(node)
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to)
        low.set(node, Math.min(low.get(node), low.get(to)))
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node), index.get(to)))
    }
    if (low.get(node) !== index.get(node)) return
    const component = []
    let member
    do {
      member = stack.pop()
      onStack.delete(member)
      component.push(member)
    } while (member !== node)
    if (component.length > 1 || graph.get(node)?.includes(node)) found.push(component.sort())
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node)
  return found
}

/** The engine's folders as nodes: `match/` may use `modifiers/` or the reverse, never both. */
function engineFolderGraph(fileGraph) {
  const engine = join(SRC, 'engine') + sep
  const folderOf = (file) => relative(engine, dirname(file)) || '.'
  const graph = new Map()
  for (const [from, targets] of fileGraph) {
    if (!from.startsWith(engine)) continue
    const a = folderOf(from)
    if (a === '.') continue // the engine's top files wire the folders together
    if (!graph.has(a)) graph.set(a, [])
    for (const to of targets) {
      const b = folderOf(to)
      if (b !== a && b !== '.' && !graph.get(a).includes(b)) graph.get(a).push(b)
    }
  }
  return graph
}

const files = sourceFiles(SRC)
const known = new Set(files)
const fileGraph = new Map(files.map((f) => [f, importsOf(f, known)]))
const problems = [
  ...cycles(fileGraph).map((c) => `files: ${c.map((f) => relative(ROOT, f)).join(' ⇄ ')}`),
  ...cycles(engineFolderGraph(fileGraph)).map((c) => `engine folders: ${c.join(' ⇄ ')}`),
]
if (problems.length > 0) {
  console.error(`Import cycles (${problems.length}):\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log(`No import cycles among ${files.length} files of src/.`)
