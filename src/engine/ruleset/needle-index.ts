/**
 * Many needles found in one pass over a text: an Aho–Corasick automaton compiled into a dense
 * transition table over character classes. Each state lists the groups any needle ending
 * there belongs to, so one scan of an event's values names every group with a needle in it.
 *
 * Printable ASCII characters have a class each; every other character shares one. Sharing can
 * only report a group whose needle is not really there (the caller then evaluates a rule for
 * nothing), never miss one, and keeps the table small.
 */

/** Needles are cut to this many characters: a prefix of a necessary substring is necessary. */
const MAX_NEEDLE = 20
/** The class of characters outside printable ASCII that some needle holds. */
const OTHER = 1

export class NeedleIndex {
  private readonly classOf = new Uint16Array(65536)
  private readonly classes: number
  private readonly next: Int32Array
  /** Per state, the groups found when the scan reaches it (own needles and suffixes'). */
  private readonly found: (readonly number[] | undefined)[]

  /** `needles[g]`: the needles of group g (any one of them passes the group). */
  constructor(needles: readonly (readonly string[])[]) {
    let classes = 2
    const trie: Map<number, number>[] = [new Map<number, number>()]
    const own: Set<number>[] = [new Set()]
    needles.forEach((group, g) => {
      for (const whole of group) {
        const needle = whole.slice(0, MAX_NEEDLE)
        let state = 0
        for (let i = 0; i < needle.length; i++) {
          const code = needle.charCodeAt(i)
          if (code < 0x20 || code > 0x7e) this.classOf[code] = OTHER
          else if (this.classOf[code] === 0) this.classOf[code] = classes++
          const c = this.classOf[code] as number
          let to = (trie[state] as Map<number, number>).get(c)
          if (to === undefined) {
            to = trie.length
            trie.push(new Map())
            own.push(new Set())
            ;(trie[state] as Map<number, number>).set(c, to)
          }
          state = to
        }
        ;(own[state] as Set<number>).add(g)
      }
    })
    this.classes = classes
    const next = new Int32Array(trie.length * classes)
    const found = new Array<readonly number[] | undefined>(trie.length)
    // Breadth first, so a state's failure target is complete before the state is.
    const fail = new Int32Array(trie.length)
    const queue: number[] = []
    for (const [c, to] of trie[0] as Map<number, number>) {
      next[c] = to
      queue.push(to)
    }
    found[0] = undefined
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number
      const f = fail[state] as number
      const inherited = found[f]
      const mine = own[state] as Set<number>
      found[state] = mine.size > 0 ? [...new Set([...mine, ...(inherited ?? [])])] : inherited
      const edges = trie[state] as Map<number, number>
      const base = state * classes
      const failBase = f * classes
      for (let c = 0; c < classes; c++) {
        const to = edges.get(c)
        if (to === undefined) next[base + c] = next[failBase + c] as number
        else {
          fail[to] = next[failBase + c] as number
          next[base + c] = to
          queue.push(to)
        }
      }
    }
    this.next = next
    this.found = found
  }

  /** Calls `hit(g)` for each group with a needle in `text` (a group may be reported twice). */
  scan(text: string, hit: (group: number) => void): void {
    const { classOf, next, found, classes } = this
    let state = 0
    let last = -1
    for (let i = 0; i < text.length; i++) {
      state = next[state * classes + (classOf[text.charCodeAt(i)] as number)] as number
      if (state !== last) {
        const groups = found[state]
        if (groups !== undefined) {
          last = state
          for (const g of groups) hit(g)
        }
      }
    }
  }

  get states(): number {
    return this.found.length
  }
}
