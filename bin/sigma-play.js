#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so the engine ships once, as source, for the page,
// the worker and the CLI alike.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
