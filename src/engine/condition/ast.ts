/**
 * Condition syntax tree. Ranges are offsets in the rule text. `and`/`or` chains written
 * without parentheses are flattened into one n-ary node (`a or b or c`).
 */
import type { Range } from '../types.ts'

export type Quantifier = '1' | 'any' | 'all'

export type ConditionNode =
  | { type: 'and' | 'or'; range: Range; children: ConditionNode[] }
  | { type: 'not'; range: Range; child: ConditionNode }
  | { type: 'ref'; name: string; range: Range }
  | { type: 'selector'; quantifier: Quantifier; pattern: string; range: Range }
