import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

// Boundaries between the layers of the app (DESIGN.md), checked rather than remembered.
const TFJS = {
  group: ['@tensorflow/*'],
  message: 'Only src/lib/engine imports TensorFlow.js: the rest of the app gets typed arrays from it.',
};
const D3_DOM = {
  group: ['d3-selection', 'd3-zoom', 'd3-drag'],
  message:
    'd3-selection and d3-zoom live in one small action (src/views/editor/graph/zoomable.ts): components own the DOM.',
};
const UP_FROM_LIB = {
  group: ['**/views/**', '**/app/**', '**/*.svelte'],
  message: 'src/lib is pure code: it never imports views, app state or components.',
};
const boundaries = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default ts.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'models/',
      'test-results/',
      'bench-results/',
      'tmp_*',
      'tests/e2e/zz-*',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Our state classes hold plain Maps/Sets in $state.raw and replace them whole on change
      // (DESIGN.md: $state.raw for big data), so Svelte's reactive collections are not wanted.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  // Later entries override earlier ones for the files they name.
  { files: ['src/**/*.ts', 'src/**/*.svelte'], rules: boundaries(TFJS, D3_DOM) },
  { files: ['src/lib/**/*.ts'], rules: boundaries(TFJS, D3_DOM, UP_FROM_LIB) },
  { files: ['src/lib/engine/**/*.ts'], rules: boundaries(D3_DOM, UP_FROM_LIB) },
  { files: ['src/views/editor/graph/zoomable.ts'], rules: boundaries(TFJS) },
);
