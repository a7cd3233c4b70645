// Bundles the CLI (src/cli/main.ts and the engine it imports) into one plain JavaScript file,
// so `sigma-play` starts without compiling TypeScript. Run by `npm install`/`npm ci`
// (`prepare`) and before the tests (vitest's global setup), so the file is never stale.
import { build } from 'esbuild'
import { URL, fileURLToPath } from 'node:url'

export const CLI_BUNDLE = fileURLToPath(new URL('../dist-cli/sigma-play.mjs', import.meta.url))

export async function buildCli() {
  await build({
    entryPoints: [fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    // Bundled CommonJS packages (yaml) call require('process'): give them Node's require.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli()
