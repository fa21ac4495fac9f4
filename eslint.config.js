import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The domain library is the platform-independent core: no Node built-ins, no I/O clients.
const ioModules = ['node:*', 'fs', 'fs/*', 'net', 'http', 'https', 'child_process', 'crypto', 'os', 'path',
  'ioredis', 'neo4j-driver', 'mqtt', 'bullmq'];

export default tseslint.config(
  { ignores: ['node_modules/**', '.stack/**', 'dist/**', 'coverage/**', '**/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['domain/**/*.ts'],
    ignores: ['domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ioModules, message: 'domain/ is I/O-free: move I/O to runtime/, infra/ or a service.' }],
      }],
    },
  },
);
