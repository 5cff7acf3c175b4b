// The README's accounts and curation examples are valid operations within the API's limits (depth,
// aliases, tokens, cost): each is sent to the real server, signed out, so none writes anything (the
// sign-up example's email is swapped for one this test owns); and every new query and mutation has one.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeDefs } from '../../server/graphql/schema.ts';
import { deleteAccountsData } from '../support/accounts.ts';
import { BrowserClient } from '../support/browserClient.ts';
import { connectTestDb, uniquePrefix, type TestDb } from '../support/db.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('## Accounts, registration and curation'),
  readme.indexOf('## Tests'),
);
const examples = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
const p = uniquePrefix('readme');

let db: TestDb;
let server: TestServer;
beforeAll(async () => {
  db = connectTestDb();
  server = await startTestServer(db);
});
afterAll(async () => {
  await server?.close();
  await deleteAccountsData(db, p);
  await db.close();
});

describe('README accounts and curation examples', () => {
  it('cover every query and mutation of accounts.graphql', () => {
    const schema = graphql.buildSchema(typeDefs);
    const accountsSdl = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../server/graphql/schema/accounts.graphql'),
      'utf8',
    );
    const ours = graphql
      .parse(accountsSdl)
      .definitions.flatMap((d) =>
        (d.kind === graphql.Kind.OBJECT_TYPE_DEFINITION || d.kind === graphql.Kind.OBJECT_TYPE_EXTENSION) &&
        (d.name.value === 'Query' || d.name.value === 'Mutation')
          ? (d.fields ?? []).map((f) => f.name.value)
          : [],
      );
    const used = new Set(
      examples.flatMap((e) =>
        graphql
          .parse(e)
          .definitions.flatMap((d) =>
            d.kind === graphql.Kind.OPERATION_DEFINITION
              ? d.selectionSet.selections.flatMap((s) =>
                  s.kind === graphql.Kind.FIELD ? [s.name.value] : [],
                )
              : [],
          ),
      ),
    );
    expect(ours.length).toBeGreaterThan(15);
    expect(ours.filter((f) => !used.has(f))).toEqual([]);
    for (const example of examples)
      expect(graphql.validate(schema, graphql.parse(example)).map((e) => e.message)).toEqual([]);
  });

  it.each(examples.map((e) => [/(?:query|mutation) (\w+)/.exec(e)?.[1] ?? e.slice(0, 30), e]))(
    '%s passes the server’s validation and limits',
    async (_, example) => {
      const query = example.replaceAll('ada@example.org', `${p}-ada@example.org`);
      const reply = await new BrowserClient(server).graphql(query);
      for (const error of reply.errors ?? []) {
        expect(
          ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'INTERNAL_SERVER_ERROR'],
          error.message,
        ).not.toContain(error.extensions?.code);
      }
    },
  );
});
