// Training runs for the CLI's code cache: V8 keeps the code of the functions compiled when the
// cache is made, and a bundle only loaded compiles its top level alone, so every later
// `sigma-play eval` would compile the engine's functions again as it met them. These runs
// evaluate a small rule of common shape over a few events, from a file and from stdin, and
// the CLI writes its cache as it exits (SIGMA_PLAY_WRITE_CODE_CACHE), functions included.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const RULE = `title: Training run for the code cache
id: 4b1f7c2e-8a0d-4e57-9a51-2f8c3d6e1a90
status: test
description: A rule of the usual shape, evaluated while the CLI's code cache is made.
author: Sigma Playground
date: 2026-12-01
logsource:
    category: network_connection
    product: windows
detection:
    selection:
        Image|endswith: '\\\\tool.exe'
        Initiated: 'true'
    filter_main_local:
        DestinationIp|cidr:
            - '10.0.0.0/8'
            - 'fe80::/10'
    filter_main_names:
        DestinationHostname|contains|all:
            - '.internal'
            - 'example'
    filter_optional_port:
        DestinationPort: 443
    condition: selection and not 1 of filter_*
level: medium
`

const EVENTS = [
  {
    Image: 'C:\\Windows\\tool.exe',
    Initiated: 'true',
    DestinationIp: '203.0.113.9',
    DestinationPort: 8080,
  },
  {
    Image: 'C:\\Windows\\tool.exe',
    Initiated: 'true',
    DestinationIp: '10.1.2.3',
    DestinationPort: 80,
  },
  {
    Image: 'C:\\Windows\\other.exe',
    Initiated: 'false',
    DestinationHostname: 'a.internal.example',
  },
]
  .map((event) => JSON.stringify(event))
  .join('\n')

/** Runs `bin` twice with the cache written on exit; a failure is told, and the cache kept. */
export function trainCliCache(bin) {
  const dir = mkdtempSync(join(tmpdir(), 'sigma-play-training-'))
  try {
    const rule = join(dir, 'rule.yml')
    const events = join(dir, 'events.ndjson')
    writeFileSync(rule, RULE)
    writeFileSync(events, `${EVENTS}\n`)
    const env = { ...process.env, SIGMA_PLAY_WRITE_CODE_CACHE: '1' }
    for (const [source, input] of [
      [events, undefined],
      ['-', `${EVENTS}\n`],
    ]) {
      const run = spawnSync(process.execPath, [bin, 'eval', '--rule', rule, '--events', source], {
        env,
        input,
        encoding: 'utf8',
      })
      if (run.status !== 0)
        console.warn(`build-cli: a training run exited ${run.status}: ${run.stderr.trim()}`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
