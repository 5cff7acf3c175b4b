// Lint rules, including the layering: client never imports server; domain never imports the driver or graphql.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'client/dist',
      'cypher/neo4j/lib',
      'cypher/neo4j/build',
      'data',
      'test/.artifacts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
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
        {
          patterns: [
            {
              group: ['**/server/**', 'neo4j-driver'],
              message: 'The client talks to the server only over GraphQL.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'neo4j-driver', message: 'domain stays database-free: go through server/db.' },
            { name: 'graphql', message: 'domain stays transport-free: GraphQL belongs in server/graphql.' },
          ],
          patterns: [
            { group: ['**/graphql/**', '**/http/**'], message: 'domain sits below the transport layers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/graphql/**'], message: 'db must not depend on the GraphQL layer.' }] },
      ],
    },
  },
);
