import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const uiModules = [
  'react',
  'react-dom',
  'react/*',
  'monaco-editor',
  'monaco-editor/*',
  'monaco-yaml',
]

const pureOutside = {
  group: ['**/ui/**', '**/worker/**', '**/cli/**'],
  message: 'engine/ and share/ import nothing outside themselves.',
}
const pureUi = { group: uiModules, message: 'engine/ and share/ stay free of UI code.' }
const engineThroughIndex = {
  group: ['**/engine/**', '!**/engine/index.ts'],
  message: 'Outside src/engine, import the engine only through engine/index.ts.',
}

export default tseslint.config(
  { ignores: ['dist/', 'dist-cli/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Node scripts (the CLI entry, test runner, chromium check) run outside any bundler.
    files: ['**/*.mjs', 'bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine and share codec are pure: they run in Node, in a worker and in tests.
    files: ['src/engine/**', 'src/share/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [pureUi, pureOutside] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
    },
  },
  {
    // The engine's one public door is index.ts; its insides may move without notice.
    files: ['src/share/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [pureUi, pureOutside, engineThroughIndex] }],
    },
  },
  {
    files: ['src/ui/**', 'src/worker/**', 'src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [engineThroughIndex] }] },
  },
)
