/**
 * Recursive-descent condition parser (sigma-reference §5.1). Precedence, loosest first:
 * `or`, `and`, `not`, `x of pattern`, parentheses. Operators are lower-case words; `|` is the
 * deprecated aggregation syntax and is refused as such.
 */
import { error } from '../diagnostics.ts'
import type { Diagnostic, Range } from '../types.ts'
import type { ConditionNode, Quantifier } from './ast.ts'
import { tokenize, type Token } from './lexer.ts'

export interface ConditionInput {
  text: string
  range: Range
  toSource(i: number): number
}

const MAX_DEPTH = 500
const OPERATORS = new Set(['and', 'or', 'not', 'of'])
const IDENTIFIER = /^[A-Za-z0-9_-]+$/
const PATTERN = /^[A-Za-z0-9_*-]+$/

class ConditionError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message)
  }
}

export function parseCondition(input: ConditionInput): {
  ast?: ConditionNode
  diagnostics: Diagnostic[]
} {
  const tokens = tokenize(input.text, input.toSource)
  const pipe = tokens.find((t) => t.kind === 'pipe')
  if (pipe) {
    const end = tokens[tokens.length - 1]?.range[1] ?? pipe.range[1]
    const message =
      'The pipe syntax (`| count() …`, `| near …`) is deprecated: use a Sigma correlation rule instead.'
    return { diagnostics: [error('PIPE_SYNTAX', message, [pipe.range[0], end])] }
  }
  if (tokens.length === 0) {
    const range: Range =
      input.range[1] > input.range[0] ? input.range : [input.range[0], input.range[0] + 1]
    return { diagnostics: [error('CONDITION_SYNTAX', 'The condition is empty.', range)] }
  }
  try {
    const parser = new Parser(tokens)
    const ast = parser.parseOr()
    const extra = parser.peek()
    if (extra && OPERATORS.has(extra.text.toLowerCase()) && !OPERATORS.has(extra.text))
      parser.fail(
        extra,
        `Operators are lower-case: write \`${extra.text.toLowerCase()}\` instead of ${describe(extra)}.`,
      )
    if (extra)
      parser.fail(
        extra,
        `Expected \`and\`, \`or\` or the end of the condition, found ${describe(extra)}.`,
      )
    return { ast, diagnostics: [] }
  } catch (e) {
    if (e instanceof ConditionError) return { diagnostics: [e.diagnostic] }
    throw e
  }
}

function describe(token: Token): string {
  return `'${token.text}'`
}

class Parser {
  private pos = 0
  /** Open `not`s and parentheses: bounded so that no input can exhaust the stack. */
  private depth = 0
  constructor(private readonly tokens: Token[]) {}

  private enter(token: Token): void {
    if (++this.depth > MAX_DEPTH)
      this.fail(token, `The condition nests \`not\` and parentheses more than ${MAX_DEPTH} deep.`)
  }

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset]
  }

  fail(token: Token | undefined, message: string): never {
    const at = token ?? this.tokens[this.tokens.length - 1]
    const range: Range = at ? (token ? at.range : [at.range[1], at.range[1]]) : [0, 0]
    throw new ConditionError(error('CONDITION_SYNTAX', message, range))
  }

  private isWord(token: Token | undefined, word: string): boolean {
    return token?.kind === 'word' && token.text === word
  }

  parseOr(): ConditionNode {
    return this.chain('or', () => this.parseAnd())
  }

  private parseAnd(): ConditionNode {
    return this.chain('and', () => this.parseNot())
  }

  private chain(op: 'and' | 'or', next: () => ConditionNode): ConditionNode {
    const first = next()
    const children = [first]
    while (this.isWord(this.peek(), op)) {
      const opToken = this.peek()
      this.pos++
      if (!this.peek())
        this.fail(
          undefined,
          `Expected an identifier after \`${opToken?.text}\`, but the condition ends.`,
        )
      children.push(next())
    }
    if (children.length === 1) return first
    const last = children[children.length - 1] ?? first
    return { type: op, range: [first.range[0], last.range[1]], children }
  }

  private parseNot(): ConditionNode {
    const token = this.peek()
    if (this.isWord(token, 'not') && token) {
      this.enter(token)
      this.pos++
      if (!this.peek())
        this.fail(undefined, 'Expected an identifier after `not`, but the condition ends.')
      const child = this.parseNot()
      this.depth--
      return { type: 'not', range: [token.range[0], child.range[1]], child }
    }
    return this.parseOperand()
  }

  private parseOperand(): ConditionNode {
    const token = this.peek()
    if (!token) return this.fail(undefined, 'Expected an identifier, but the condition ends.')
    if (token.kind === 'lparen') {
      this.enter(token)
      this.pos++
      if (!this.peek())
        this.fail(undefined, 'Expected an identifier after `(`, but the condition ends.')
      const inner = this.parseOr()
      const close = this.peek()
      if (close?.kind !== 'rparen')
        this.fail(
          close,
          close
            ? `Expected \`)\`, found ${describe(close)}.`
            : 'Expected `)`, but the condition ends.',
        )
      this.pos++
      this.depth--
      return { ...inner, range: [token.range[0], close.range[1]] }
    }
    if (token.kind === 'rparen') return this.fail(token, 'Unexpected `)`: expected an identifier.')
    if (this.isWord(this.peek(1), 'of')) return this.parseSelector(token)
    return this.parseRef(token)
  }

  private parseSelector(quantifier: Token): ConditionNode {
    if (!['1', 'any', 'all'].includes(quantifier.text))
      this.fail(
        quantifier,
        `Invalid quantifier ${describe(quantifier)}: use \`1 of\`, \`any of\` or \`all of\`.`,
      )
    this.pos += 2
    const pattern = this.peek()
    if (!pattern)
      return this.fail(
        undefined,
        'Expected a pattern or `them` after `of`, but the condition ends.',
      )
    if (pattern.kind !== 'word' || OPERATORS.has(pattern.text) || !PATTERN.test(pattern.text))
      this.fail(
        pattern,
        `Expected a pattern (letters, digits, _, -, *) or \`them\` after \`of\`, found ${describe(pattern)}.`,
      )
    this.pos++
    return {
      type: 'selector',
      quantifier: quantifier.text as Quantifier,
      pattern: pattern.text,
      range: [quantifier.range[0], pattern.range[1]],
    }
  }

  private parseRef(token: Token): ConditionNode {
    const text = token.text
    if (OPERATORS.has(text))
      this.fail(token, `Expected an identifier, found the operator ${describe(token)}.`)
    if (OPERATORS.has(text.toLowerCase()))
      this.fail(
        token,
        `Operators are lower-case: write \`${text.toLowerCase()}\` instead of ${describe(token)}.`,
      )
    if (text === 'them')
      this.fail(token, '`them` is only valid after `1 of`, `any of` or `all of`.')
    if (text.includes('*'))
      this.fail(
        token,
        `The wildcard in ${describe(token)} needs a selector: write \`1 of ${text}\` or \`all of ${text}\`.`,
      )
    if (!IDENTIFIER.test(text))
      this.fail(
        token,
        `${describe(token)} is not a valid identifier: conditions can name identifiers made of letters, digits, _ and -.`,
      )
    this.pos++
    return { type: 'ref', name: text, range: token.range }
  }
}
