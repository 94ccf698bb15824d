// Lint: typescript-eslint's recommended rules, plus the one architectural rule we enforce by
// machine: src/domain stays pure (no I/O, clock or environment).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'coverage', 'data', 'test-results', '.ersattning'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The same binding imported twice passes tsc but breaks the web build (rollup).
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'http', 'child_process'],
              message: 'src/domain is pure: no I/O.',
            },
            {
              group: ['kysely', 'pg', '@electric-sql/*', 'fastify*', 'react*', 'pino'],
              message: 'src/domain is pure.',
            },
            {
              group: ['**/db/**', '**/server/**', '**/web/**', '**/cli/**'],
              message: 'src/domain imports no adapter.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/domain reads no environment.' },
        {
          name: 'Date',
          message: 'src/domain uses plain dates (Temporal.PlainDate), never the clock or Date.',
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'src/domain is deterministic.' },
      ],
    },
  },
);
