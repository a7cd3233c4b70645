/**
 * The rule files of what the user picked or dropped: .yml/.yaml files (a folder's files carry
 * their path inside it) and the rule entries of .zip archives. Files are read here, on the main
 * thread but off it where the browser can (FileReader, DecompressionStream); the rules are
 * compiled in the worker. Limits keep a mistaken pick (a home folder) from exhausting memory.
 */
import type { RuleSource } from '../../worker/ruleset-protocol.ts'
import { formatBytes, MAX_EVENTS_BYTES, MAX_RULE_BYTES, readFileText } from '../files/read.ts'
import { isRuleEntry, readZipRules, ZIP_LIMITS, ZipError, type RuleFileProblem } from './zip.ts'
import { count } from '../format.ts'

export interface PickedFile {
  file: File
  /** The path shown for it: a folder's relative path, or the file name. */
  path: string
}

export interface Collected {
  files: RuleSource[]
  /** Rule files that could not be read: listed with the errors, never fatal. */
  problems: RuleFileProblem[]
  /** Files that are not rules. */
  ignored: number
}

/** Rule files in one run, and their total size; past either the pick is refused. */
export const MAX_RULE_FILES = ZIP_LIMITS.maxEntries
export const MAX_TOTAL_BYTES = ZIP_LIMITS.maxTotalBytes

export class CollectError extends Error {}

const isZip = (name: string) => /\.zip$/i.test(name)
export const isRuleSetFile = (name: string) => isZip(name) || isRuleEntry(name)

async function readZip(picked: PickedFile, into: Collected): Promise<void> {
  if (picked.file.size > MAX_EVENTS_BYTES)
    throw new CollectError(
      `${picked.path} is ${formatBytes(picked.file.size)}; archives up to ${formatBytes(MAX_EVENTS_BYTES)} are read.`,
    )
  try {
    const read = await readZipRules(new Uint8Array(await picked.file.arrayBuffer()))
    const inside = (path: string) => `${picked.path} › ${path}`
    into.files.push(...read.files.map((f) => ({ path: inside(f.path), text: f.text })))
    into.problems.push(...read.problems.map((p) => ({ path: inside(p.path), message: p.message })))
    into.ignored += read.ignored
  } catch (error) {
    if (error instanceof ZipError) throw new CollectError(`${picked.path} ${error.message}`)
    throw new CollectError(`Could not read ${picked.path}.`)
  }
}

export async function collectRules(
  picked: readonly PickedFile[],
  onProgress: (done: number, total: number) => void = () => {},
): Promise<Collected> {
  const collected: Collected = { files: [], problems: [], ignored: 0 }
  const rules = picked.filter((p) => isRuleEntry(p.path))
  if (rules.length > MAX_RULE_FILES)
    throw new CollectError(
      `${count(rules.length)} rule files; at most ${count(MAX_RULE_FILES)} are read at once.`,
    )
  const total = rules.reduce((sum, p) => sum + Math.min(p.file.size, MAX_RULE_BYTES), 0)
  if (total > MAX_TOTAL_BYTES)
    throw new CollectError(
      `The rule files hold ${formatBytes(total)}; at most ${formatBytes(MAX_TOTAL_BYTES)} are read at once.`,
    )
  let done = 0
  for (const item of picked) {
    onProgress(done++, picked.length)
    if (isZip(item.path)) await readZip(item, collected)
    else if (!isRuleEntry(item.path)) collected.ignored++
    else if (item.file.size > MAX_RULE_BYTES)
      collected.problems.push({
        path: item.path,
        message: `is ${formatBytes(item.file.size)}; rules up to ${formatBytes(MAX_RULE_BYTES)} are read.`,
      })
    else {
      try {
        collected.files.push({ path: item.path, text: await readFileText(item.file) })
      } catch {
        collected.problems.push({ path: item.path, message: 'could not be read.' })
      }
    }
    if (collected.files.length > MAX_RULE_FILES)
      throw new CollectError(
        `More than ${count(MAX_RULE_FILES)} rule files; at most that many are read at once.`,
      )
  }
  return collected
}

/** A picked file's path: a folder pick's relative path, else its name. */
export const pickedFrom = (files: Iterable<File>): PickedFile[] =>
  Array.from(files, (file) => ({ file, path: file.webkitRelativePath || file.name }))
