import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    globalSetup: ['test/global-setup.ts'],
    // Tests that read the SigmaHQ corpus carry this tag; without the corpus they skip and the
    // skip reporter says so once.
    tags: [{ name: 'corpus', description: 'reads the SigmaHQ corpus (SIGMA_CORPUS)' }],
    reporters: ['default', './test/corpus/skip-reporter.ts'],
  },
})
