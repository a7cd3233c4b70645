import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { codeSpan, escapeMarkdown, untrusted } from '../../../src/ui/language/markdown.ts'

describe('codeSpan', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(codeSpan('a')).toBe('`a`')
    expect(codeSpan('a`b')).toBe('``a`b``')
    expect(codeSpan('`x`')).toBe('`` `x` ``')
  })

  it('never lets user text close the span early', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const span = codeSpan(text)
        const fence = /^`+/.exec(span)?.[0] ?? ''
        const inner = span.slice(fence.length, span.length - fence.length)
        const runs = inner.match(/`+/g) ?? []
        expect(runs.every((run) => run.length !== fence.length)).toBe(true)
        expect(span.includes('\n')).toBe(false)
      }),
    )
  })
})

describe('escapeMarkdown', () => {
  it('escapes markup, links and HTML', () => {
    expect(escapeMarkdown('[x](command:evil) <img>')).toBe('\\[x\\]\\(command:evil\\) \\<img\\>')
    expect(escapeMarkdown('*a*_b_')).toBe('\\*a\\*\\_b\\_')
  })
})

describe('untrusted', () => {
  it('never trusts the content', () => {
    expect(untrusted('x')).toEqual({ value: 'x', isTrusted: false, supportHtml: false })
  })
})
