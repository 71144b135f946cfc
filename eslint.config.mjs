import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'test-results/**', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', __dirname: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is editor-free: it must run in plain Node, in the CLI and in tests.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core must not depend on the vscode module.' },
          { name: 'fs', message: 'src/core takes file access injected.' },
          { name: 'node:fs', message: 'src/core takes file access injected.' },
          { name: 'fs/promises', message: 'src/core takes file access injected.' },
          { name: 'node:fs/promises', message: 'src/core takes file access injected.' },
          { name: 'http', message: 'no network access.' },
          { name: 'https', message: 'no network access.' },
          { name: 'net', message: 'no network access.' },
        ],
      }],
    },
  },
);
