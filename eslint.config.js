import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
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
  {
    ignores: ['dist/', 'dist-cli/', 'node_modules/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  // As the anchors lint: the type-checked rules, over the one tsconfig that covers every file.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Plain JavaScript (Node scripts, the CLI entry) has no types to check against.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Interfaces here declare callbacks in method shorthand and no code uses `this`, so every
    // destructured prop or handler would be a false alarm.
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Tests read JSON output (`JSON.parse` gives `any`) and check it with expect().
    files: ['test/**', 'e2e/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The hooks rules proper; the React Compiler's stricter rules are not adopted here.
    files: ['src/ui/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Node scripts (the CLI entry, test runner, chromium check) run outside any bundler.
    files: ['**/*.mjs', 'bin/**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  {
    // The CLI's entry and loaders: CommonJS (bin/package.json).
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
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
