/**
 * What each Sigma v2.1 value modifier does, in one line plus an example, in the order the
 * editor offers them (the common ones first). Words only: the semantics are the registry's
 * (registry.ts), which serves these beside its facts (modifierFacts).
 */

export interface ModifierDocText {
  name: string
  summary: string
  example: string
}

export const MODIFIER_DOCS: readonly ModifierDocText[] = [
  {
    name: 'contains',
    summary: 'The field contains the value anywhere (wildcards are added at both ends).',
    example: "CommandLine|contains: ' -enc '",
  },
  {
    name: 'startswith',
    summary: 'The field starts with the value (a trailing wildcard is added).',
    example: "Image|startswith: 'C:\\Users\\'",
  },
  {
    name: 'endswith',
    summary: 'The field ends with the value (a leading wildcard is added).',
    example: "Image|endswith: '\\rundll32.exe'",
  },
  {
    name: 'all',
    summary: 'All values of the list must match (AND) instead of any of them (OR).',
    example: "CommandLine|contains|all: [' -a ', ' -b ']",
  },
  {
    name: 'cased',
    summary:
      'Case-sensitive match; wildcards still work. Placed before an encoding or windash it is lost.',
    example: "CommandLine|contains|cased: 'VirtualAlloc'",
  },
  {
    name: 'exists',
    summary: 'Tests whether the field is present (true) or absent (false); takes a YAML boolean.',
    example: 'ParentImage|exists: false',
  },
  {
    name: 'neq',
    summary: 'The item is negated: none of the values may match. An absent field satisfies it.',
    example: "User|neq: 'SYSTEM'",
  },
  {
    name: 'windash',
    summary:
      'Each `-` or `/` that starts a command-line switch is tried as -, /, en dash, em dash and horizontal bar.',
    example: "CommandLine|windash|contains: ' -exec '",
  },
  {
    name: 're',
    summary:
      'The value is a regular expression, searched (unanchored) in the field. Must be the first modifier.',
    example: "CommandLine|re: '\\s-e(nc)?\\s'",
  },
  { name: 'i', summary: 'After `re`: ignore case.', example: "Image|re|i: 'powershell\\.exe$'" },
  {
    name: 'm',
    summary: 'After `re`: `^` and `$` match at every line.',
    example: "Payload|re|m: '^GET '",
  },
  {
    name: 's',
    summary: 'After `re`: `.` also matches a newline.',
    example: "Payload|re|s: 'BEGIN.*END'",
  },
  {
    name: 'base64',
    summary: 'The value is Base64-encoded (UTF-8 bytes) before matching. No wildcards allowed.',
    example: "CommandLine|base64|contains: 'http://'",
  },
  {
    name: 'base64offset',
    summary:
      'The three Base64 encodings of the value at byte offsets 0, 1 and 2, as found inside a longer Base64 text. Use with `contains`.',
    example: "CommandLine|base64offset|contains: 'http://'",
  },
  {
    name: 'utf16le',
    summary: 'The value is encoded as UTF-16 little-endian (usually before `base64`).',
    example: "CommandLine|utf16le|base64offset|contains: 'cmd'",
  },
  {
    name: 'wide',
    summary: 'Alias of `utf16le`: each character followed by a zero byte.',
    example: "CommandLine|wide|base64offset|contains: 'cmd'",
  },
  {
    name: 'utf16be',
    summary: 'The value is encoded as UTF-16 big-endian.',
    example: "Data|utf16be|base64: 'cmd'",
  },
  {
    name: 'utf16',
    summary: 'The value is encoded as UTF-16 with a byte-order mark (FF FE).',
    example: "Data|utf16|base64: 'cmd'",
  },
  {
    name: 'cidr',
    summary:
      'The field holds an IP address inside this IPv4 or IPv6 network. Must be the only modifier.',
    example: "DestinationIp|cidr: '10.0.0.0/8'",
  },
  {
    name: 'lt',
    summary: 'The field is a number less than the value.',
    example: 'DestinationPort|lt: 1024',
  },
  {
    name: 'lte',
    summary: 'The field is a number less than or equal to the value.',
    example: 'DestinationPort|lte: 1023',
  },
  {
    name: 'gt',
    summary: 'The field is a number greater than the value.',
    example: 'DestinationPort|gt: 49151',
  },
  {
    name: 'gte',
    summary: 'The field is a number greater than or equal to the value.',
    example: 'DestinationPort|gte: 49152',
  },
  {
    name: 'fieldref',
    summary: "The value names another field of the same event; the two fields' values must match.",
    example: 'TargetUser|fieldref: SubjectUser',
  },
  {
    name: 'expand',
    summary: '`%name%` in the value is a placeholder replaced by the values configured for it.',
    example: "ComputerName|expand: '%DomainControllers%'",
  },
  {
    name: 'minute',
    summary: "Compares the minute (0-59) of the field's date with the number.",
    example: 'Timestamp|minute: 0',
  },
  {
    name: 'hour',
    summary: "Compares the hour (0-23) of the field's date; combine with lt/gt.",
    example: 'Timestamp|hour|gte: 18',
  },
  {
    name: 'day',
    summary: "Compares the day of month (1-31) of the field's date.",
    example: 'Timestamp|day: 1',
  },
  {
    name: 'week',
    summary: "Compares the ISO week (1-53) of the field's date.",
    example: 'Timestamp|week: 52',
  },
  {
    name: 'month',
    summary: "Compares the month (1-12) of the field's date.",
    example: 'Timestamp|month: 12',
  },
  {
    name: 'year',
    summary: "Compares the year of the field's date.",
    example: 'Timestamp|year: 2024',
  },
]
