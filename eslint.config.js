/**
 * ESLint flat config: @eslint/js and typescript-eslint recommended rules (without type
 * information, so `npm run lint` stays fast). TypeScript itself reports undefined names.
 */
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const nodeGlobals = {
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  process: 'readonly',
  __dirname: 'readonly',
  __filename: 'readonly',
  Buffer: 'readonly',
  console: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
};

/** The layers of src/: a folder may not import the folders listed for it (layers.js). Imports
 * are relative, so a folder is matched as a path segment reached through "../". */
const LAYERS = require('./layers');

/** What the pure engine must not use: Node's own modules and the hosts' and the UI's libraries. */
const ENGINE_PACKAGES =
  '^(node:.*|fs|fs/.*|path|os|child_process|crypto|url|util|stream|zlib|worker_threads|events|http|https|net|readline|buffer|exceljs|react|react/.*|react-dom(/.*)?|@fluentui/.*|@microsoft/office-js|commander|cli-progress)$';

function layerRule(folder, forbidden) {
  const patterns = [
    {
      regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
      message: `src/${folder} may not import from ${forbidden.join(', ')} (layers: layers.js, docs/architecture.md).`,
    },
  ];
  if (folder === 'engine' || folder === 'report') patterns.push({ regex: ENGINE_PACKAGES, message: `src/${folder} is pure: no Node, Office or UI packages (the pane builds reports in the browser).` });
  return {
    files: [`src/${folder}/**/*.ts`, `src/${folder}/**/*.tsx`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'coverage/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...Object.entries(LAYERS).map(([folder, forbidden]) => layerRule(folder, forbidden)),
  {
    // Files one can read in a sitting: shipped sources stay under 600 lines, functions under 120.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      'max-lines': ['error', { max: 600 }],
      'max-lines-per-function': ['error', { max: 120 }],
    },
  },
);
