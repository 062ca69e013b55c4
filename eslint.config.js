// ESLint flat config: the recommended sets of ESLint, typescript-eslint and React hooks (rules of hooks, exhaustive
// deps and the React Compiler's checks); Prettier owns formatting, so eslint-config-prettier comes last.
// Not type-aware: recommendedTypeChecked would make a run about 2.5 times slower (1.6 min of CPU against 0.6).
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

// Code that runs in Node: the CLI and its commands, bench, e2e (Playwright), scripts, tool configs and the unit tests
// (vitest's node environment).
const nodeFiles = [
  'src/cli.ts',
  'src/platform/cli/**',
  'src/**/{cli,*Cli,bench,*Bench}.ts',
  'src/sim/backendNode.ts',
  'bench/**',
  'e2e/**',
  'scripts/**',
  '*.config.{js,ts}',
  '**/*.test.ts',
];

export default defineConfig(
  // What .gitignore lists (ESLint skips node_modules/ itself). public/sw.js is hand-written, so it is linted.
  globalIgnores([
    'dist/',
    'dist-cli/',
    'dist-cli.*/',
    'test-results/',
    'playwright-report/',
    'shots/',
    '.gl/',
    '.whl/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // Reference constants are quoted with every digit of their source (Cody's erf coefficients, high-precision
      // Gaussian expectations); the literal still parses to the nearest double, which is what is meant.
      'no-loss-of-precision': 'off',
      // As tsc's noUnusedLocals/noUnusedParameters: `_`-prefixed parameters and `{ dropped, ...kept }` are deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // React runs in the page only; Node code has no components, and `useNodeBackend` there is not a hook.
  { files: ['src/**/*.{ts,tsx}'], ignores: nodeFiles, extends: [reactHooks.configs.flat.recommended] },
  { files: ['src/**'], ignores: nodeFiles, languageOptions: { globals: globals.browser } },
  { files: ['workers/**'], languageOptions: { globals: globals.worker } },
  { files: ['public/sw.js'], languageOptions: { globals: globals.serviceworker } },
  { files: nodeFiles, languageOptions: { globals: globals.node } },
  prettier,
);
