// Lint, including the layer arrows of DESIGN.md:
//   shared, core  → import nothing from Node, the DOM, Electron, React or main/renderer/preload
//   renderer      → never main or preload, never Node or Electron
//   main          → only main/electron may import `electron`
//   preload       → electron and shared only (it runs sandboxed)
import js from '@eslint/js';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const layer = (message, { paths = [], patterns = [] }) => [
  'error',
  {
    paths: paths.map((name) => ({ name, message })),
    patterns: patterns.map((group) => ({ group: [group], message })),
  },
];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', '.test-results/', '.electron-native/', 'playwright-report/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['src/shared/**/*.ts', 'src/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': layer(
        'shared/ and core/ are pure TypeScript: no Node, DOM, Electron or app layers.',
        {
          paths: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3'],
          patterns: [
            '**/main/**',
            '**/renderer/**',
            '**/preload/**',
            'react/*',
            'react-dom/*',
            'electron/*',
          ],
        },
      ),
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': layer('shared/ is the bottom layer: it imports no other layer.', {
        paths: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3'],
        patterns: [
          '**/core/**',
          '**/main/**',
          '**/renderer/**',
          '**/preload/**',
          'react/*',
          'react-dom/*',
          'electron/*',
        ],
      }),
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': layer(
        'The renderer talks to the library only through the API client.',
        {
          paths: [...nodeBuiltins, 'electron', 'better-sqlite3'],
          patterns: ['**/main/**', '**/preload/**'],
        },
      ),
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': layer(
        'Only src/main/electron may import electron: services must run under plain Node.',
        {
          paths: ['electron'],
          patterns: ['**/renderer/**', '**/preload/**'],
        },
      ),
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(
        'The sandboxed preload may import only electron and shared/.',
        {
          paths: [...nodeBuiltins, 'better-sqlite3', 'zod'],
          patterns: ['**/main/**', '**/renderer/**', '**/core/**'],
        },
      ),
    },
  },
  {
    // Imported articles are hostile text: no string reaches the DOM as HTML
    // (innerHTML, insertAdjacentHTML, document.write, …) in code that shows it.
    files: ['src/renderer/**/*.{ts,tsx}', 'src/preload/**/*.ts'],
    ...noUnsanitized.configs.recommended,
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
