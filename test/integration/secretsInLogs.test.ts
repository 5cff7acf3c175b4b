// No password, hash, session or token is ever returned by the API or written to the logs: a run of
// every account flow (sign-up, failed and good sign-ins, CSRF refusals, API tokens used and revoked,
// sign-out and a replayed cookie, a rate limit) with the server logging everything at trace level into
// memory, then both the log and every response are searched for each secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest } from '../../server/domain/accounts/secrets.ts';
import { createLogger } from '../../server/logger.ts';
import { deleteAccountsData, emailOf } from '../support/accounts.ts';
import { BrowserClient, type GraphQLReply } from '../support/browserClient.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, uniquePrefix, type TestDb } from '../support/db.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;
const p = uniquePrefix('secrets');
const lines: string[] = [];
const PASSWORD = 'a secret passphrase nobody should see';
const WRONG = 'another secret that must not be logged';

beforeAll(async () => {
  db = connectTestDb();
  const logger = createLogger('trace', false, { write: (line: string) => void lines.push(line) });
  server = await startTestServer(db, {
    logger,
    auth: { rateLimits: { signInFailuresPerEmailAndAddress: { points: 2, seconds: 60 } } },
  });
});
afterAll(async () => {
  await server?.close();
  await deleteAccountsData(db, p);
  await db.close();
});

describe('secrets in responses and logs', () => {
  it('never shows a password, a hash, a session secret or a token, except a new API token once', async () => {
    const replies: GraphQLReply<unknown>[] = [];
    const browser = new BrowserClient(server);
    const email = emailOf(p, 'careful');
    const record = <T>(reply: GraphQLReply<T>) => (replies.push(reply as GraphQLReply<unknown>), reply);

    const signedUp = record(
      await browser.graphql<{ signUp: { csrfToken: string } }>(
        'mutation ($e: String!, $p: String!, $n: String!) { signUp(email: $e, password: $p, name: $n) { csrfToken account { id email } } }',
        { e: email, p: PASSWORD, n: 'Careful Person' },
      ),
    );
    const signUpCsrf = signedUp.data!.signUp.csrfToken;
    browser.csrfToken = signUpCsrf;
    const session1 = browser.cookies.get('atlas_session')!;
    record(await browser.graphql('mutation { signOut }'));
    record(await new BrowserClient(server).signIn(email, WRONG));
    record(await new BrowserClient(server).signIn(email, WRONG));
    record(await new BrowserClient(server).signIn(email, PASSWORD)); // rate limited now
    record(await new BrowserClient(server).signIn(emailOf(p, 'unknown'), PASSWORD));
    const other = new BrowserClient(server);
    // A fresh address key would be needed to sign in again; a new server shares nothing, so sign up another.
    record(
      await other.graphql<{ signUp: { csrfToken: string } }>(
        'mutation ($e: String!, $p: String!, $n: String!) { signUp(email: $e, password: $p, name: $n) { csrfToken } }',
        { e: emailOf(p, 'second'), p: PASSWORD, n: 'Second Person' },
      ),
    );
    other.csrfToken = replies.at(-1)!.data
      ? (replies.at(-1)!.data as { signUp: { csrfToken: string } }).signUp.csrfToken
      : null;
    const session2 = other.cookies.get('atlas_session')!;
    record(
      await other.graphql(
        '{ me { id email name role organisations { verified } requests { id } apiTokens { id } } }',
      ),
    );
    record(
      await other.graphql('mutation { createApiToken(name: "x") { apiToken { id } } }', {}, { csrf: false }),
    );
    const created = record(
      await other.graphql<{ createApiToken: { token: string; apiToken: { id: string } } }>(
        'mutation { createApiToken(name: "laptop") { token apiToken { id name createdAt lastUsedAt revokedAt } } }',
      ),
    );
    const token = created.data!.createApiToken.token;
    const script = new BrowserClient(server);
    script.bearer = token;
    record(await script.graphql('{ me { id apiTokens { id name lastUsedAt } } }'));
    record(await script.graphql('mutation { createApiToken(name: "nope") { token } }'));
    record(
      await other.graphql('mutation ($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }', {
        id: created.data!.createApiToken.apiToken.id,
      }),
    );
    record(await script.graphql('{ me { id } }'));
    const csrfNow = record(await other.graphql<{ csrfToken: string }>('{ csrfToken }'));
    record(await other.graphql('mutation { signOut }'));
    const replay = new BrowserClient(server);
    replay.cookies.set('atlas_session', session2);
    record(await replay.graphql('{ me { id } }'));

    const [stored] = await runCypher(
      db.driver,
      'MATCH (a:Account {email: $e}) RETURN a.passwordHash AS hash',
      { e: email },
    );
    const secrets: Record<string, string> = {
      password: PASSWORD,
      'wrong password': WRONG,
      'password hash': stored!.hash as string,
      'hash digest part': (stored!.hash as string).split('$').at(-1)!,
      'session secret 1': session1,
      'session secret 2': session2,
      'session digest 1': digest(session1),
      'session digest 2': digest(session2),
      'API token': token,
      'API token digest': digest(token),
      'API token body': token.slice('atlas_'.length),
      'CSRF token': signUpCsrf,
      'CSRF token (later)': csrfNow.data!.csrfToken,
    };

    for (const [name, secret] of Object.entries(secrets))
      expect(secret.length, name).toBeGreaterThanOrEqual(20);
    // The log has an entry for every operation (so the search below searches something)…
    const log = lines.join('');
    expect(lines.length).toBeGreaterThanOrEqual(replies.length);
    expect(log).toContain('"fields":["signUp"]');
    expect(log).toContain('"fields":["createApiToken"]');
    // …and holds none of the secrets.
    for (const [name, secret] of Object.entries(secrets)) {
      expect(log.includes(secret), `${name} found in the log`).toBe(false);
    }
    // Responses: the new API token once, in createApiToken; CSRF tokens only where they are handed out.
    for (const reply of replies) {
      const text = JSON.stringify({ data: reply.data, errors: reply.errors });
      for (const [name, secret] of Object.entries(secrets)) {
        if (name.startsWith('API token') && text.includes('"token":"atlas_') && reply === created) continue;
        if (name.startsWith('CSRF token') && /csrfToken/.test(text)) continue;
        expect(text.includes(secret), `${name} in a response: ${text.slice(0, 200)}`).toBe(false);
      }
    }
    // Set-Cookie carries the session secret, but never the password or a hash.
    for (const reply of replies) {
      for (const cookie of reply.setCookies) {
        for (const name of ['password', 'wrong password', 'password hash', 'API token']) {
          expect(cookie.includes(secrets[name]!), `${name} in a cookie`).toBe(false);
        }
      }
    }
  });

  it('redacts secrets even when code logs an object holding them', () => {
    const captured: string[] = [];
    const logger = createLogger('info', false, { write: (line: string) => void captured.push(line) });
    logger.info(
      {
        password: PASSWORD,
        account: { passwordHash: '$argon2id$x', token: 'atlas_abc' },
        req: { headers: { cookie: 'atlas_session=s3cret', authorization: 'Bearer atlas_abc' } },
      },
      'oops',
    );
    const text = captured.join('');
    for (const secret of [PASSWORD, '$argon2id$x', 'atlas_abc', 's3cret']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
