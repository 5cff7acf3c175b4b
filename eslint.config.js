// Lint rules, including the layering the README promises, checked on resolved files (not import text):
//   server/graphql → server/domain → server/db → cypher/   (common: errors, problems, the runner interface,
//   the seeded random generator)
// and the client never imports the server. test/unit/server/layers.test.ts plants violations to prove it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

/** Each zone: files in `target` may not import files in `from`. */
const LAYERS = [
  {
    target: './server/common',
    from: ['./server/domain', './server/db', './server/graphql', './server/http', './server/cli'],
    message:
      'common holds only what every layer shares (errors, problems, the runner interface): it imports no layer.',
  },
  {
    target: './server/db',
    from: ['./server/domain', './server/graphql', './server/http', './server/cli'],
    message: 'db sits below the domain: it may use common/ and config, never the layers above it.',
  },
  {
    target: './server/domain',
    from: ['./server/db', './server/graphql', './server/http', './server/cli'],
    message:
      'domain reaches the database only through the QueryRunner interface (server/common), and knows no transport.',
  },
  {
    target: './server/graphql',
    from: ['./server/db', './server/http', './server/cli'],
    message: 'graphql calls only the domain: move database work into server/domain.',
  },
  {
    target: './server/http',
    from: ['./server/db', './server/cli'],
    message: 'http serves the GraphQL layer; the database is opened by the CLI and passed in.',
  },
  {
    target: './client',
    from: ['./server', './cypher', './test'],
    message: 'The client talks to the server only over HTTP.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'client/dist',
      'client/dist-test',
      'cypher/launcher/lib',
      'cypher/launcher/build',
      'data',
      'test/.artifacts',
      '**/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: LAYERS }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'neo4j-driver', message: 'The client talks to the server only over GraphQL.' }] },
      ],
    },
  },
  {
    files: ['server/domain/**/*.ts', 'server/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'neo4j-driver', message: 'domain stays database-free: use the QueryRunner interface.' },
            { name: 'graphql', message: 'domain stays transport-free: GraphQL belongs in server/graphql.' },
            { name: 'express', message: 'domain stays transport-free: HTTP belongs in server/http.' },
          ],
          patterns: [{ group: ['@apollo/*'], message: 'domain stays transport-free.' }],
        },
      ],
    },
  },
  {
    files: ['server/graphql/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'neo4j-driver', message: 'graphql calls the domain, which calls the database.' }] },
      ],
    },
  },
);
