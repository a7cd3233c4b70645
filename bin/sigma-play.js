#!/usr/bin/env node
// The CLI ships as one bundled JavaScript file (dist-cli/, built by `npm install` through the
// `prepare` script), so start-up compiles no TypeScript.
try {
  await import('../dist-cli/sigma-play.mjs')
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist-cli'))
    throw error
  process.stderr.write(
    'sigma-play: the CLI is not built; run `npm install` or `npm run build:cli`\n',
  )
  process.exitCode = 2
}
