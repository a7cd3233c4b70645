/**
 * A search identifier's body → two closures built once: `match` (short-circuits) and
 * `explain` (visits every item, never short-circuits). Both come from the same tree so they
 * cannot disagree about structure; items agree by the item level's contract.
 */
import type { CompileItem, PreparedEvent } from '../item.ts'
import type { Diagnostic, EngineOptions, SearchNodeTrace } from '../types.ts'
import { every, some } from '../condition/compile.ts'
import type { SearchSource } from './detection.ts'
import { joined, nothingKnown, type Screens } from '../ruleset/needles.ts'

export interface CompiledSearch {
  match(event: PreparedEvent): boolean
  explain(event: PreparedEvent): SearchNodeTrace
  /**
   * What any event this search matches, and any it does not, must hold (ruleset/needles.ts);
   * worked out when called, since only rule sets read them; an and/or keeps what it joined.
   */
  screens(): Screens
  /** What the search tests, as its items' keys (see CompiledItem.key); absent when one has none. */
  key?: string
}

/** A search's screens from its children's, made once and kept (see `screens`). */
function joinedScreens(type: 'and' | 'or', children: readonly CompiledSearch[]): Screens {
  const parts = children.map((c) => c.screens())
  const screen = joined(
    type,
    parts.map((p) => p.screen),
  )
  const negatedScreen = joined(
    type,
    parts.map((p) => p.negatedScreen),
    true,
  )
  return { screen, negatedScreen }
}

export function compileSearch(
  source: SearchSource,
  options: EngineOptions,
  compileItem: CompileItem,
  diagnostics: Diagnostic[],
): CompiledSearch | undefined {
  if (source.type === 'item') {
    const compiled = compileItem(source.item, options)
    diagnostics.push(...compiled.diagnostics)
    const item = compiled.item
    return (
      item && {
        match: item.match.bind(item),
        explain: item.explain.bind(item),
        screens: item.screens ?? nothingKnown,
        ...(item.key !== undefined && { key: item.key }),
      }
    )
  }
  const children: CompiledSearch[] = []
  let ok = true
  for (const child of source.children) {
    const compiled = compileSearch(child, options, compileItem, diagnostics)
    if (compiled) children.push(compiled)
    else ok = false
  }
  if (!ok) return undefined
  const { type, range } = source
  const matchers = children.map((c) => c.match)
  const explain = (ev: PreparedEvent): SearchNodeTrace => {
    const traces = children.map((c) => c.explain(ev))
    const value = type === 'and' ? traces.every((t) => t.value) : traces.some((t) => t.value)
    return { type, range, value, children: traces }
  }
  let screens: Screens | undefined
  const match = type === 'and' ? every(matchers) : some(matchers)
  const keys = children.map((c) => c.key)
  return {
    match,
    explain,
    screens: () => (screens ??= joinedScreens(type, children)),
    // Item keys are JSON arrays, so `and(…,…)` around them reads back one way only; unlike JSON
    // around JSON, it does not escape its parts again at every level of nesting.
    ...(keys.every((k) => k !== undefined) && { key: `${type}(${keys.join(',')})` }),
  }
}
