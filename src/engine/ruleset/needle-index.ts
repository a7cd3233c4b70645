/**
 * Many needles found in one pass over a text: an Aho–Corasick automaton. Each state lists
 * the groups of the needles ending there, so one scan of an event's values names every group
 * with a needle in it.
 *
 * Exact: every character any needle holds has a class of its own and needles are whole, so a
 * group is reported only when one of its needles is really in the text (a needle cut short or
 * characters sharing a class let `c:\windows\system32\` or any two emoji pass every rule
 * they start).
 *
 * Fast on a large index: states are numbered breadth first, and the shallow states, which
 * most characters of a text lead to, get a full row over the ASCII classes, packed together
 * at the start of one table, so a scan stays in a few hundred kilobytes. Deeper states, and the other
 * characters (SigmaHQ's needles hold a thousand distinct emoji and letters), use each
 * state's own edges (mostly one: a needle's tail) and fall back along failure links.
 * Transitions to a state where some needle ends are stored complemented (negative), so the
 * scan looks up the needles ending at a character only where there are some.
 */

/** Cells of the dense table (shallow states × ASCII classes): 128 kB of Int32 per index. */
const DENSE_CELLS = 1 << 15

/**
 * The characters needles hold, numbered: ASCII first, so that their classes are the dense
 * table's columns. Several indexes may share one (the per-field indexes do, to stay small).
 */
export class CharClasses {
  /** Class of each UTF-16 code unit; 0 for those no needle holds (they lead back to the root). */
  readonly classOf = new Uint16Array(65536)
  /** Classes below this are ASCII characters'. */
  readonly ascii: number
  readonly count: number

  constructor(needles: Iterable<string>) {
    let classes = 1
    const texts = [...needles]
    const number = (ascii: boolean) => {
      for (const needle of texts)
        for (let i = 0; i < needle.length; i++) {
          const code = needle.charCodeAt(i)
          if (code < 0x80 === ascii && this.classOf[code] === 0) this.classOf[code] = classes++
        }
    }
    number(true)
    this.ascii = classes
    number(false)
    this.count = classes
    // Needles are folded, so an upper-case ASCII letter reads as its lower-case partner: scans
    // fold ASCII as they read, and only a text with other characters is lower-cased first.
    for (let code = 0x41; code <= 0x5a; code++)
      this.classOf[code] = this.classOf[code + 0x20] as number
  }
}

/** The needle spelt in its characters' classes, so that sorting sorts by class. */
function classText(needle: string, classOf: Uint16Array): string {
  const codes = new Array<number>(needle.length)
  for (let i = 0; i < needle.length; i++) codes[i] = classOf[needle.charCodeAt(i)] as number
  let text = ''
  // In slices: a spread of a very long needle would overflow the stack.
  for (let i = 0; i < codes.length; i += 4096)
    text += String.fromCharCode(...codes.slice(i, i + 4096))
  return text
}

export class NeedleIndex {
  private readonly classOf: Uint16Array
  /** Classes below this (ASCII characters') have a column in `dense`. */
  private readonly columns: number
  /** States below this have a full row in `dense`. */
  private readonly denseStates: number
  private readonly dense: Int32Array
  /** Edges of each state (CSR: edgeStart[s]..edgeStart[s+1]), sorted by class. */
  private readonly edgeStart: Int32Array
  private readonly edgeClass: Uint16Array
  private readonly edgeTo: Int32Array
  private readonly fail: Int32Array
  /**
   * Groups of the needles ending exactly at each state: ownGroups[ownStart[s]..ownStart[s+1]].
   * Packed in two typed arrays: as one array per ending state (grown by push, room for sixteen
   * each) they took a fifth of building SigmaHQ's indexes and 9 MB of the rule set's memory.
   */
  private readonly ownStart: Int32Array
  private readonly ownGroups: Int32Array
  /** The nearest state on the failure chain with needles of its own (-1: none). */
  private readonly outLink: Int32Array
  /** The state itself when it has needles of its own, else its outLink. */
  private readonly outFirst: Int32Array
  /** Per scan, the states whose groups (and outLink chain's) were reported already. */
  private readonly reported: Int32Array
  private scans = 0

  /**
   * `needles[g]`: the needles of group g (any one of them passes the group), lower-cased as
   * the screen gives them (a scan folds the text, so an upper-case needle would never be
   * found). `chars` must number every character of them.
   */
  constructor(
    needles: readonly (readonly string[])[],
    chars: CharClasses = new CharClasses(needles.flat()),
  ) {
    this.classOf = chars.classOf
    this.columns = chars.ascii

    // The trie, from the needles sorted by their classes: each shares its beginning with the
    // one before, so the states it reuses are on a stack, never looked up, and each state's
    // edges come in class order. (A map of all edges took most of a large rule set's build.)
    const { classOf } = this
    const entries: { classes: string; group: number }[] = []
    let longest = 0
    let characters = 0
    needles.forEach((group, g) => {
      for (const needle of group) {
        if (needle === '') continue
        entries.push({ classes: classText(needle, classOf), group: g })
        longest = Math.max(longest, needle.length)
        characters += needle.length
      }
    })
    entries.sort((a, b) => (a.classes < b.classes ? -1 : a.classes > b.classes ? 1 : 0))
    // At most one state per character of the needles; states are numbered as made, and the
    // edge into state n is edge n - 1.
    const edgeFrom = new Int32Array(characters)
    const edgeClassOf = new Uint16Array(characters)
    /** The trie state each entry (needle) ends at. */
    const endOf = new Int32Array(entries.length)
    /** States along the previous needle: path[i] after its first i characters. */
    const path = new Int32Array(longest + 1)
    let trieStates = 1
    let previous = ''
    entries.forEach(({ classes }, n) => {
      let shared = 0
      const most = Math.min(classes.length, previous.length)
      while (shared < most && classes.charCodeAt(shared) === previous.charCodeAt(shared)) shared++
      for (let i = shared; i < classes.length; i++) {
        edgeFrom[trieStates - 1] = path[i] as number
        edgeClassOf[trieStates - 1] = classes.charCodeAt(i)
        path[i + 1] = trieStates++
      }
      endOf[n] = path[classes.length] as number
      previous = classes
    })

    // Each trie state's edges (CSR by state, in class order as made).
    const edgeCount = trieStates - 1
    const edgeStart = new Int32Array(trieStates + 1)
    for (let e = 0; e < edgeCount; e++) (edgeStart[(edgeFrom[e] as number) + 1] as number)++
    for (let s = 0; s < trieStates; s++)
      edgeStart[s + 1] = (edgeStart[s + 1] as number) + (edgeStart[s] as number)
    const edgesByTrie = new Int32Array(edgeCount)
    const fill = edgeStart.slice(0, trieStates)
    for (let e = 0; e < edgeCount; e++) edgesByTrie[(fill[edgeFrom[e] as number] as number)++] = e

    // Breadth first: new numbers, edges in CSR form (classes ascending).
    const newOf = new Int32Array(trieStates)
    const order = new Int32Array(trieStates)
    this.edgeStart = new Int32Array(trieStates + 1)
    this.edgeClass = new Uint16Array(edgeCount)
    this.edgeTo = new Int32Array(edgeCount)
    let placed = 1
    let edges = 0
    for (let head = 0; head < trieStates; head++) {
      const old = order[head] as number
      this.edgeStart[head] = edges
      for (let k = edgeStart[old] as number; k < (edgeStart[old + 1] as number); k++) {
        const edge = edgesByTrie[k] as number
        const target = edge + 1
        newOf[target] = placed
        order[placed++] = target
        this.edgeClass[edges] = edgeClassOf[edge] as number
        this.edgeTo[edges++] = newOf[target]
      }
    }
    this.edgeStart[trieStates] = edges
    const ownStart = (this.ownStart = new Int32Array(trieStates + 1))
    const ownGroups = (this.ownGroups = new Int32Array(entries.length))
    for (let n = 0; n < entries.length; n++)
      (ownStart[(newOf[endOf[n] as number] as number) + 1] as number)++
    for (let s = 0; s < trieStates; s++)
      ownStart[s + 1] = (ownStart[s + 1] as number) + (ownStart[s] as number)
    const placedOwn = ownStart.slice(0, trieStates)
    entries.forEach(({ group }, n) => {
      ownGroups[(placedOwn[newOf[endOf[n] as number] as number] as number)++] = group
    })
    const owns = (s: number) => (ownStart[s + 1] as number) > (ownStart[s] as number)

    const { columns } = this
    this.denseStates = Math.max(1, Math.min(trieStates, Math.floor(DENSE_CELLS / columns)))
    this.dense = new Int32Array(this.denseStates * columns)
    this.fail = new Int32Array(trieStates)
    this.outLink = new Int32Array(trieStates).fill(-1)
    this.reported = new Int32Array(trieStates)
    // Breadth first again: a state's failure target is shallower, so it is complete first.
    const { edgeClass, edgeTo } = this
    for (let s = 0; s < trieStates; s++) {
      const f = this.fail[s] as number
      if (s > 0 && s < this.denseStates)
        this.dense.copyWithin(s * columns, f * columns, f * columns + columns)
      for (let e = this.edgeStart[s] as number; e < (this.edgeStart[s + 1] as number); e++) {
        const c = edgeClass[e] as number
        const to = edgeTo[e] as number
        if (s < this.denseStates && c < columns) this.dense[s * columns + c] = to
        const target = s === 0 ? 0 : this.step(f, c)
        this.fail[to] = target
        this.outLink[to] = owns(target) ? target : (this.outLink[target] as number)
      }
    }
    // Plain loops: a rule set builds hundreds of indexes, millions of cells in all.
    const { outLink, dense } = this
    const outFirst = (this.outFirst = new Int32Array(trieStates))
    for (let s = 0; s < trieStates; s++) outFirst[s] = owns(s) ? s : (outLink[s] as number)
    for (let k = 0; k < dense.length; k++) {
      const to = dense[k] as number
      if ((outFirst[to] as number) > 0) dense[k] = ~to
    }
    for (let e = 0; e < edges; e++) {
      const to = edgeTo[e] as number
      if ((outFirst[to] as number) > 0) edgeTo[e] = ~to
    }
  }

  /** The state after reading a character of class `c` in state `s` (flagged once built). */
  private step(s: number, c: number): number {
    const { denseStates, dense, columns, edgeStart, edgeClass, edgeTo, fail } = this
    for (;;) {
      if (s < denseStates && c < columns) return dense[s * columns + c] as number
      for (let e = edgeStart[s] as number, end = edgeStart[s + 1] as number; e < end; e++) {
        const ec = edgeClass[e] as number
        if (ec === c) return edgeTo[e] as number
        if (ec > c) break
      }
      if (s === 0) return 0
      s = fail[s] as number
    }
  }

  /**
   * Calls `hit(g)` for each group with a needle in `text.toLowerCase()` (a group may be
   * reported twice). ASCII is folded as it is read; at the first other character the text is
   * lower-cased and read again, as folding there depends on context.
   */
  scan(text: string, hit: (group: number) => void): void {
    const scan = ++this.scans
    if (!this.scanFolding(text, hit, scan, true))
      this.scanFolding(text.toLowerCase(), hit, scan, false)
  }

  /** False when `asciiOnly` and a character past ASCII was met (nothing reported twice). */
  private scanFolding(
    text: string,
    hit: (group: number) => void,
    scan: number,
    asciiOnly: boolean,
  ): boolean {
    const { classOf, denseStates, dense, columns } = this
    const { ownStart, ownGroups, outLink, outFirst, reported } = this
    let state = 0
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (code >= 0x80 && asciiOnly) return false
      const c = classOf[code] as number
      const next =
        c === 0
          ? 0
          : state < denseStates && c < columns
            ? (dense[state * columns + c] as number)
            : this.step(state, c)
      if (next >= 0) {
        state = next
        continue
      }
      state = ~next
      // Report the needles ending here: this state's and those along its failure chain,
      // each state once per scan (its chain was reported with it).
      for (
        let s = outFirst[state] as number;
        s > 0 && reported[s] !== scan;
        s = outLink[s] as number
      ) {
        reported[s] = scan
        for (let k = ownStart[s] as number, end = ownStart[s + 1] as number; k < end; k++)
          hit(ownGroups[k] as number)
      }
    }
    return true
  }

  get states(): number {
    return this.fail.length
  }
}
