/**
 * Stands in for Monaco's diff editors, which the page never creates. Monaco's editor API
 * module imports them to offer `createDiffEditor`; they and their parts were about 50 kB of
 * gzipped JavaScript on the first screen. Creating one fails loudly rather than half-working.
 */
class Absent {
  constructor() {
    throw new Error('The diff editor is not part of Sigma Playground')
  }
}

export { Absent as DiffEditorWidget, Absent as MultiDiffEditorWidget }
