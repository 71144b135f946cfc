import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Node's built-in modules, by bare name and with `node:`: the engine and the extension run in a web
// worker too (VS Code for the Web), where none of them exists.
// (`node:` names are caught by a pattern, bare names one by one.)
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('node:') && !name.startsWith('_'));
/** Node's globals, which a web worker does not have either (`crypto`, `TextEncoder`, `URL` and timers are in both). */
const NODE_GLOBALS = ['process', 'Buffer', '__dirname', '__filename', 'require', 'module', 'global', 'setImmediate', 'clearImmediate'].map((name) => ({
  name, message: 'src/core and src/vscode run in a web worker too (VS Code for the Web): no Node globals.',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'test-results/**', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', __dirname: 'readonly', crypto: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine and the extension use no Node built-in: they run in Node (the CLI, the desktop extension
    // host) and in the browser's web-worker extension host alike. Node belongs to src/cli, tests and scripts.
    files: ['src/core/**/*.ts', 'src/vscode/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: NODE_BUILTINS.map((name) => ({ name, message: 'src/core and src/vscode run in a web worker too (VS Code for the Web): no Node built-ins; take file access injected or use workspace.fs.' })),
        patterns: [{ group: ['node:*'], message: 'src/core and src/vscode run in a web worker too: no Node built-ins.' }],
      }],
      'no-restricted-globals': ['error', ...NODE_GLOBALS],
    },
  },
  {
    // The one exception: Node's fs for `file:` roots in a Node extension host (docs/performance.md), loaded
    // on demand by workspaceFileSystem.ts only when the host runs on Node; the web build replaces it
    // (scripts/build.mjs), so the worker bundle never holds it.
    files: ['src/vscode/nodeFileSystem.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The Node extension host's entry (package.json `main`) requires the extension's bundle on a timer
    // of its own (see the file); the web worker has its own entry and never loads this one.
    files: ['src/vscode/entry.ts'],
    rules: { 'no-restricted-globals': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The engine is editor-free: it must run in plain Node, in the CLI, in tests and in a web worker.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core must not depend on the vscode module.' },
          ...NODE_BUILTINS.map((name) => ({ name, message: 'src/core takes file access and anything external injected, and runs in a web worker too: no Node built-ins.' })),
        ],
        patterns: [{ group: ['node:*'], message: 'src/core runs in a web worker too: no Node built-ins.' }],
      }],
    },
  },
);
