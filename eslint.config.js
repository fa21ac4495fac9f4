import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The domain library is the platform-independent core: no Node built-ins, no I/O clients.
const ioModules = ['node:*', 'fs', 'fs/*', 'net', 'http', 'https', 'child_process', 'crypto', 'os', 'path',
  'ioredis', 'neo4j-driver', 'mqtt', 'bullmq'];

// The layers, lowest first: domain ← runtime ← stores ← workers, edge, sim, subgraphs, gateway; infra/ (what starts and
// tests the system) and bench/ sit on top. A layer never imports one above it.
const infraImport = { group: ['**/infra/**'], message: 'infra/ starts and tests the system; production code imports nothing from it (endpoints live in runtime/endpoints).' };
const subgraphImport = { group: ['**/subgraphs/**'], message: 'a subgraph is an API over stores/; shared stores live in stores/, not in an agency folder.' };
const processImport = { group: ['**/workers/**', '**/gateway/**', '**/edge/**', '**/subgraphs/**', '**/sim/**'], message: 'stores/ sit below the processes that use them.' };
const storeImport = { group: ['**/stores/**'], message: 'runtime/ sits below stores/.' };
const recognitionProcessImport = { group: [...processImport.group, '**/eval/**', '**/training/**', '**/bench/**'], message: 'recognition/ is a library below the processes that use it (edge, sim, eval, training).' };
const layer = (files, patterns) => ({
  files, ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['node_modules/**', '.stack/**', 'dist/**', 'console/dist/**', 'coverage/**', '**/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  layer(['workers/**/*.ts', 'edge/**/*.ts', 'sim/**/*.ts'], [infraImport, subgraphImport]),
  layer(['runtime/**/*.ts'], [infraImport, subgraphImport, storeImport]),
  layer(['stores/**/*.ts'], [infraImport, processImport]),
  layer(['recognition/**/*.ts'], [infraImport, recognitionProcessImport]),
  layer(['gateway/**/*.ts', 'subgraphs/**/*.ts'], [infraImport]),
  layer(['infra/reliability/**/*.ts'], [subgraphImport]),
  // The console is a client of the gateway, in the browser: no process's folder, no Node, no I/O client.
  layer(['console/src/**/*.ts', 'console/src/**/*.tsx'], [infraImport, ...[processImport, storeImport].map((rule) => ({ ...rule, message: 'console/ talks to the gateway only, over HTTP and graphql-ws.' })),
    { group: ioModules, message: 'console/ runs in the browser: no Node built-ins or I/O clients.' }]),
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
