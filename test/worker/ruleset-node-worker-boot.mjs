// Worker threads do not inherit the test runner's TypeScript loader; register tsx, then load the TS.
import { register } from 'tsx/esm/api'

register()
await import('./ruleset-node-worker.ts')
