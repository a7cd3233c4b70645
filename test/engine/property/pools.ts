/**
 * Shared vocabularies: the rule generator and the event generator draw from the same fields
 * and values, so generated events often satisfy generated items and both outcomes occur.
 */
export const FIELDS = [
  'Image',
  'CommandLine',
  'User',
  'EventID',
  'Port',
  'Ip',
  'Nested.Path',
] as const

export const STRINGS = [
  'C:\\Windows\\System32\\cmd.exe',
  'cmd.exe',
  'CMD.EXE',
  'rundll32',
  'powershell -enc SQBFAFgA',
  'powershell /enc SQBFAFgA',
  'alice',
  'Ünïcödé',
  'STRASSE',
  'straße',
  'İstanbul',
  '日本語',
  'a*b',
  'x?y',
  'a\\*b',
  '\\\\server\\share',
  '',
  ' ',
  '4688',
  'true',
  'null',
] as const

export const IPS = [
  '10.1.2.3',
  '192.168.1.70',
  '8.8.8.8',
  '::1',
  'fe80::1',
  '2001:db8::1',
  'not-an-ip',
]
export const CIDRS = [
  '10.0.0.0/8',
  '192.168.1.0/24',
  '8.8.8.8',
  '::1/128',
  'fe80::/10',
  '2001:db8::/32',
]
/** Some spell characters as codes (`\\x63` is c) or refer back: screens must read them whole. */
export const REGEXES = [
  '^c',
  'exe$',
  '(?i)CMD',
  'a.b',
  '[0-9]+',
  'ü',
  '^$',
  'e(n|x)c',
  '\\x63md',
  '(?i)\\u0043MD\\.',
  '(l)\\1i',
  '\\bexe\\b',
  '[a-z]{3}\\.exe',
]
export const DATES = ['2026-11-27 18:47:31.123', '2026-01-05T03:04:05Z', '2026-11-27', 'yesterday']
export const NUMBERS = [0, 1, 3, 443, 4688, -1, 2.5]

export const IDENTIFIERS = [
  'selection',
  'selection_img',
  'sel2',
  'filter_main_a',
  'filter_optional_b',
  'keywords',
] as const

/** Patterns for `1 of` / `all of`; some match several identifiers, some none. */
export const PATTERNS = ['selection*', 'sel*', 'filter_*', 'filter_main_*', 'nothing_*', 'them']

/** Placeholder values given to every generated rule; `%admins%` appears in `|expand` items. */
export const PLACEHOLDERS = { admins: ['alice', 'İstanbul', 'a*b'] }
