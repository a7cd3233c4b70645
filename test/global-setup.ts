/**
 * Before any test: bundle the CLI, so that the tests that run `bin/sigma-play.js` run the
 * current source, never a bundle left over from an older checkout.
 */
// @ts-expect-error: a plain .mjs build script without type declarations.
import { buildCli } from '../scripts/build-cli.mjs'

export default async function setup(): Promise<void> {
  await buildCli()
}
