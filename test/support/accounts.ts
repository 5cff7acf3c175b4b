// Accounts and curation data owned by one test: accounts are created through the domain (as
// `npm run user` does), signed in over HTTP, and everything they did is deleted afterwards.
import { createAccount, type Account } from '../../server/domain/accounts/accounts.ts';
import type { Role } from '../../server/domain/model.ts';
import { BrowserClient } from './browserClient.ts';
import { runCypher } from './cypher.ts';
import type { TestDb } from './db.ts';
import type { TestServer } from './server.ts';

export const PASSWORD = 'correct horse battery staple';

/** An email owned by the test: `<prefix>-<name>@example.org`. */
export const emailOf = (prefix: string, name: string) => `${prefix}-${name}@example.org`;

export async function makeAccount(
  db: TestDb,
  prefix: string,
  name: string,
  role: Role = 'MEMBER',
): Promise<Account> {
  return createAccount(db.runner, {
    email: emailOf(prefix, name),
    name: `${name} ${prefix}`,
    password: PASSWORD,
    role,
  });
}

/** A browser signed in as a new account with this role. */
export async function signedIn(
  db: TestDb,
  server: TestServer,
  prefix: string,
  name: string,
  role: Role = 'MEMBER',
): Promise<{ account: Account; browser: BrowserClient }> {
  const account = await makeAccount(db, prefix, name, role);
  const browser = new BrowserClient(server);
  const reply = await browser.signIn(account.email, PASSWORD);
  if (!reply.data?.signIn) throw new Error(`sign-in failed: ${JSON.stringify(reply.errors)}`);
  return { account, browser };
}

/**
 * Deletes what the test's accounts did and own: their sessions, tokens, requests, history entries,
 * the organisations they registered or whose name starts with the prefix (with their relationships),
 * aliases and merge candidates with the prefix, then the accounts.
 */
export async function deleteAccountsData(db: TestDb, prefix: string): Promise<void> {
  const p = { prefix, emailPrefix: `${prefix}-` };
  await runCypher(
    db.driver,
    `MATCH (a:Account) WHERE a.email STARTS WITH $emailPrefix
     OPTIONAL MATCH (a)-[:OWNS]->(o:Organisation) WHERE o.recordedByAccount = a.id
     DETACH DELETE o`,
    p,
  );
  await runCypher(
    db.driver,
    `MATCH (o:Organisation) WHERE o.name STARTS WITH $prefix OR o.id STARTS WITH $prefix DETACH DELETE o`,
    p,
  );
  await runCypher(
    db.driver,
    `MATCH (a:Account) WHERE a.email STARTS WITH $emailPrefix
     CALL (a) { MATCH (a)-[:SUBMITTED|MADE]->(n) DETACH DELETE n }
     CALL (a) { MATCH (n:Session|ApiToken)-[:OF]->(a) DETACH DELETE n }
     DETACH DELETE a`,
    p,
  );
  await runCypher(
    db.driver,
    `MATCH (n) WHERE (n:Alias OR n:MergeCandidate OR n:Change) AND (n.id STARTS WITH $prefix OR n.subjectId STARTS WITH $prefix)
     DETACH DELETE n`,
    p,
  );
}
