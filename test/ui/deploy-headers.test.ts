// The README's deployment notes must name the headers `npm run preview` actually sends.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { securityHeaders } from '../../vite.config.ts'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

describe('deployment headers', () => {
  it('the README lists every header preview sends, word for word', () => {
    for (const [name, value] of Object.entries(securityHeaders(false))) {
      expect(readme).toContain(`${name}: ${value}`)
    }
  })

  it('the CSP refuses framing, inline scripts and plugins', () => {
    const csp = securityHeaders(false)['Content-Security-Policy'] ?? ''
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).toContain("object-src 'none'")
  })

  it('only the embedded view may be framed, under the same policy otherwise', () => {
    const page = securityHeaders(false)['Content-Security-Policy'] ?? ''
    const embed = securityHeaders(true)['Content-Security-Policy'] ?? ''
    expect(embed).toBe(page.replace("frame-ancestors 'none'", 'frame-ancestors *'))
    expect(readme).toContain('`frame-ancestors *`')
  })
})
