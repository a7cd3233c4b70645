/**
 * A drop that is a rule set: a folder (walked through the entries API, the only way a dropped
 * folder's files can be read) or a .zip. Anything else is left to the editors' drop zones, which
 * open a single rule or events file as before. The entries must be taken during the drop event
 * itself; the walk goes on after it.
 */
import { MAX_RULE_FILES, type PickedFile } from './collect.ts'

const isDirectory = (entry: FileSystemEntry): entry is FileSystemDirectoryEntry => entry.isDirectory
const isFile = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile

const fileOf = (entry: FileSystemFileEntry) =>
  new Promise<File>((resolve, reject) => entry.file(resolve, reject))

/** A directory's entries: readEntries answers in batches until it answers none. */
async function childrenOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader()
  const all: FileSystemEntry[] = []
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    )
    if (batch.length === 0) return all
    all.push(...batch)
  }
}

/** Every file under the entries, sorted by path within each folder; stops past the limit. */
async function walk(entries: FileSystemEntry[]): Promise<PickedFile[]> {
  const found: PickedFile[] = []
  const visit = async (entry: FileSystemEntry): Promise<void> => {
    if (found.length > MAX_RULE_FILES) return
    if (isFile(entry)) {
      found.push({ file: await fileOf(entry), path: entry.fullPath.replace(/^\//, '') })
    } else if (isDirectory(entry)) {
      const children = await childrenOf(entry)
      children.sort((a, b) => a.name.localeCompare(b.name))
      for (const child of children) await visit(child)
    }
  }
  for (const entry of entries) await visit(entry)
  return found
}

/** The drop's files when it is a rule set (a folder or a .zip among them), else undefined. */
export function ruleSetDrop(transfer: DataTransfer): Promise<PickedFile[]> | undefined {
  const items = Array.from(transfer.items).filter((item) => item.kind === 'file')
  // A file put into a DataTransfer by script has no entry: it is taken as it is.
  const dropped = items.map((item) => item.webkitGetAsEntry() ?? item.getAsFile())
  const folder = dropped.some((d) => d !== null && !(d instanceof File) && d.isDirectory)
  const zip = Array.from(transfer.files).some((file) => /\.zip$/i.test(file.name))
  if (!folder && !zip) return undefined
  const entries = dropped.filter((d): d is FileSystemEntry => d !== null && !(d instanceof File))
  const files = dropped.filter((d): d is File => d instanceof File)
  return walk(entries).then((found) => [
    ...files.map((file) => ({ file, path: file.name })),
    ...found,
  ])
}
