import { describe, expect, it } from 'vitest'
import { toRawUrl } from '../../../src/ui/files/remote.ts'

describe('toRawUrl', () => {
  it('converts github.com blob and raw links to raw.githubusercontent.com', () => {
    expect(
      toRawUrl('https://github.com/SigmaHQ/sigma/blob/master/rules/windows/a b.yml'),
    ).toStrictEqual({
      ok: true,
      url: 'https://raw.githubusercontent.com/SigmaHQ/sigma/master/rules/windows/a%20b.yml',
    })
    expect(toRawUrl(' https://github.com/o/r/raw/v1.0/x.yaml?plain=1#L3 ')).toStrictEqual({
      ok: true,
      url: 'https://raw.githubusercontent.com/o/r/v1.0/x.yaml',
    })
  })

  it('keeps raw links, minus their fragment', () => {
    expect(toRawUrl('https://raw.githubusercontent.com/o/r/main/x.yml#top')).toStrictEqual({
      ok: true,
      url: 'https://raw.githubusercontent.com/o/r/main/x.yml',
    })
  })

  it('says why anything else is refused', () => {
    const refused = (input: string) => {
      const result = toRawUrl(input)
      return result.ok ? 'accepted' : result.message
    }
    expect(refused('not a url')).toContain('not a URL')
    expect(refused('http://raw.githubusercontent.com/o/r/main/x.yml')).toContain('https://')
    expect(refused('javascript:alert(1)')).toContain('https://')
    expect(refused('https://example.com/rule.yml')).toContain('Only rules on GitHub')
    expect(refused('https://raw.githubusercontent.com.evil.example/x.yml')).toContain(
      'Only rules on GitHub',
    )
    expect(refused('https://github.com/SigmaHQ/sigma')).toContain('does not point at a file')
    expect(refused('https://github.com/SigmaHQ/sigma/tree/master/rules')).toContain(
      'does not point at a file',
    )
  })
})
