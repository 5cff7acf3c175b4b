// Accounts over HTTP as a browser uses them: sign-up, sign-in, sign-out with an HttpOnly SameSite
// session cookie, CSRF tokens on cookie-authenticated mutations, a cookie replayed after sign-out,
// personal API tokens (shown once, stored hashed, revocable), and the sign-in rate limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../server/common/errors.ts';
import type { QueryRunner } from '../../server/common/queryRunner.ts';
import { signUp } from '../../server/domain/accounts/accounts.ts';
import { createRateLimits, DEFAULT_RATE_LIMITS } from '../../server/domain/accounts/rateLimits.ts';
import { createLogger } from '../../server/logger.ts';
import { digest } from '../../server/domain/accounts/secrets.ts';
import { deleteAccountsData, emailOf, makeAccount, PASSWORD, signedIn } from '../support/accounts.ts';
import { BrowserClient, codeOf, problemFields } from '../support/browserClient.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, uniquePrefix, type TestDb } from '../support/db.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;
const p = uniquePrefix('acct');
const HIGH = { points: 10_000, seconds: 60 };

beforeAll(async () => {
  db = connectTestDb();
  server = await startTestServer(db, {
    auth: {
      rateLimits: { signUpsPerAddress: HIGH, mutationsPerAddress: HIGH, signInFailuresPerAddress: HIGH },
    },
  });
});
afterAll(async () => {
  await server?.close();
  await deleteAccountsData(db, p);
  await db.close();
});

const ME = '{ me { id email name role } }';
const SIGN_UP = `mutation ($email: String!, $password: String!, $name: String!) {
  signUp(email: $email, password: $password, name: $name) { csrfToken account { id email name role } } }`;
const REGISTER = `mutation ($input: OrganisationInput!) { registerOrganisation(input: $input) { organisation { id status } } }`;

describe('signUp', () => {
  it('creates a MEMBER, signs it in with an HttpOnly SameSite=Strict cookie, and stores only an argon2id hash', async () => {
    const browser = new BrowserClient(server);
    const email = emailOf(p, 'newcomer');
    const reply = await browser.graphql<{
      signUp: { csrfToken: string; account: { id: string; role: string } };
    }>(SIGN_UP, { email: email.toUpperCase(), password: PASSWORD, name: 'New Comer' });
    expect(reply.errors).toBeUndefined();
    expect(reply.data?.signUp.account).toMatchObject({ email, role: 'MEMBER', name: 'New Comer' });
    expect(reply.data?.signUp.csrfToken).toMatch(/\S{20,}/);
    const session = reply.setCookies.find((c) => c.startsWith('atlas_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).toMatch(/Path=\//);
    expect(reply.setCookies.find((c) => c.startsWith('atlas_csrf='))).toMatch(
      /HttpOnly; SameSite=Strict|SameSite=Strict.*HttpOnly|HttpOnly.*SameSite=Strict/,
    );
    // The cookie signs the browser in.
    const me = await browser.graphql<{ me: { email: string } }>(ME);
    expect(me.data?.me.email).toBe(email);
    // The database holds a hash and a session digest, never the password or the cookie's secret.
    const [stored] = await runCypher(
      db.driver,
      'MATCH (a:Account {email: $email}) OPTIONAL MATCH (s:Session)-[:OF]->(a) RETURN a.passwordHash AS hash, collect(s.id) AS sessions',
      { email },
    );
    expect(stored!.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored!.sessions).toEqual([digest(browser.cookies.get('atlas_session')!)]);
  });

  it('refuses a second account with the same email (CONFLICT)', async () => {
    const browser = new BrowserClient(server);
    const email = emailOf(p, 'twice');
    expect(
      codeOf(await browser.graphql(SIGN_UP, { email, password: PASSWORD, name: 'One' })),
    ).toBeUndefined();
    const second = await new BrowserClient(server).graphql(SIGN_UP, {
      email,
      password: PASSWORD,
      name: 'Two',
    });
    expect(codeOf(second)).toBe('CONFLICT');
  });

  it('the database itself refuses a duplicate email (constraint account_email), whoever writes it', async () => {
    const email = emailOf(p, 'constraint');
    const row = (id: string) => ({
      id,
      email,
      name: 'Direct',
      passwordHash: 'not-a-real-hash',
      role: 'MEMBER',
      now: new Date().toISOString(),
    });
    // Straight through the runner: no use case, no check before the write.
    await db.runner.write('createAccount', row(`${p}-direct-1`));
    await expect(db.runner.write('createAccount', row(`${p}-direct-2`))).rejects.toBeInstanceOf(
      ConflictError,
    );
    // And with the driver alone, as any other program would.
    await expect(
      runCypher(db.driver, 'CREATE (:Account {id: $id, email: $email})', { id: `${p}-direct-3`, email }),
    ).rejects.toThrow(/already exists|ConstraintValidationFailed/);
    const rows = await runCypher(db.driver, 'MATCH (a:Account {email: $email}) RETURN a.id AS id', { email });
    expect(rows).toEqual([{ id: `${p}-direct-1` }]);
  });

  it('never leaves a half-written account: a failure after the account is written undoes it', async () => {
    const email = emailOf(p, 'half');
    // The real database, but writing the session fails (as a lost connection or a timeout would).
    const injected = () => Promise.reject(new Error('injected: the database went away'));
    const failing: QueryRunner = {
      database: db.runner.database,
      read: (name, params) => db.runner.read(name, params),
      write: (name, params) => (name === 'createSession' ? injected() : db.runner.write(name, params)),
      readTransaction: (work, options) => db.runner.readTransaction(work, options),
      writeTransaction: (work, options) =>
        db.runner.writeTransaction(
          (tx) =>
            work({
              run: async (name, params) => {
                return name === 'createSession' ? injected() : tx.run(name, params);
              },
            }),
          options,
        ),
      status: () => db.runner.status(),
    };
    const origin = { limits: createRateLimits({ signUpsPerAddress: HIGH }), address: '192.0.2.9' };
    await expect(signUp(failing, { email, password: PASSWORD, name: 'Half' }, origin)).rejects.toThrow(
      /injected/,
    );
    expect(await runCypher(db.driver, 'MATCH (a:Account {email: $email}) RETURN a', { email })).toEqual([]);
    // So the same sign-up simply works when sent again.
    const again = await signUp(db.runner, { email, password: PASSWORD, name: 'Half' }, origin);
    expect(again.account.email).toBe(email);
    const [stored] = await runCypher(
      db.driver,
      'MATCH (s:Session)-[:OF]->(a:Account {email: $email}) RETURN count(s) AS sessions',
      { email },
    );
    expect(stored).toEqual({ sessions: 1 });
  });

  it.each([
    ['a malformed email', { email: 'not-an-email' }, ['email'], 'BAD_EMAIL'],
    ['a missing email', { email: '' }, ['email'], 'REQUIRED'],
    ['a weak password', { password: 'password123' }, ['password'], 'WEAK_PASSWORD'],
    ['a short password', { password: 'short' }, ['password'], 'WEAK_PASSWORD'],
    ['a 10,000-character name', { name: 'x'.repeat(10_000) }, ['name'], 'TOO_LONG'],
    ['control characters in the name', { name: 'Eve\u0000\u001b[31m' }, ['name'], 'CONTROL_CHARACTERS'],
    ['a missing name', { name: '   ' }, ['name'], 'REQUIRED'],
  ])('rejects %s with a problem naming the field, and creates nothing', async (_, change, fields, code) => {
    const email = emailOf(p, `bad-${fields[0]}-${code}`.toLowerCase());
    const reply = await new BrowserClient(server).graphql(SIGN_UP, {
      email,
      password: PASSWORD,
      name: 'Valid Name',
      ...change,
    });
    expect(codeOf(reply)).toBe('BAD_USER_INPUT');
    expect(problemFields(reply)).toEqual(fields);
    expect(reply.errors![0]!.extensions!.problems![0]!.code).toBe(code);
    expect(reply.setCookies.filter((c) => c.startsWith('atlas_session='))).toEqual([]);
    const rows = await runCypher(
      db.driver,
      'MATCH (a:Account) WHERE a.email = $email OR a.email = $other RETURN a',
      {
        email,
        other: String((change as { email?: string }).email ?? ''),
      },
    );
    expect(rows).toEqual([]);
  });

  it('lists every problem at once', async () => {
    const reply = await new BrowserClient(server).graphql(SIGN_UP, { email: 'x', password: 'x', name: '' });
    expect(problemFields(reply)).toEqual(['email', 'name', 'password']);
  });
});

describe('signIn and signOut', () => {
  it('signs in with the right password only, whatever the case of the email', async () => {
    const account = await makeAccount(db, p, 'alice');
    const wrong = await new BrowserClient(server).signIn(account.email, 'wrong password here');
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.setCookies).toEqual([]);
    const unknown = await new BrowserClient(server).signIn(emailOf(p, 'nobody'), PASSWORD);
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(unknown.errors![0]!.message).toBe(wrong.errors![0]!.message);
    const browser = new BrowserClient(server);
    expect((await browser.signIn(account.email.toUpperCase(), PASSWORD)).errors).toBeUndefined();
    expect((await browser.graphql<{ me: { id: string } }>(ME)).data?.me.id).toBe(account.id);
  });

  it('signed out, me is null and mutations answer UNAUTHENTICATED', async () => {
    const browser = new BrowserClient(server);
    expect((await browser.graphql(ME)).data).toEqual({ me: null });
    const reply = await browser.graphql(REGISTER, { input: { name: `${p} Signed Out Org`, sector: 'NGO' } });
    expect(codeOf(reply)).toBe('UNAUTHENTICATED');
  });

  it('signOut ends the session: the same cookie replayed afterwards signs nobody in', async () => {
    const { browser } = await signedIn(db, server, p, 'replayer');
    const stolen = new Map(browser.cookies);
    const token = browser.csrfToken;
    const out = await browser.graphql<{ signOut: boolean }>('mutation { signOut }');
    expect(out.data?.signOut).toBe(true);
    expect(out.setCookies.some((c) => /^atlas_session=;/.test(c))).toBe(true);
    // An attacker who kept the cookie and the CSRF token replays them.
    const replay = new BrowserClient(server);
    for (const [k, v] of stolen) replay.cookies.set(k, v);
    replay.csrfToken = token;
    expect((await replay.graphql(ME)).data).toEqual({ me: null });
    const write = await replay.graphql(REGISTER, { input: { name: `${p} Replayed Org`, sector: 'NGO' } });
    expect(codeOf(write)).toBe('UNAUTHENTICATED');
  });
});

describe('signing in again', () => {
  it('ends the session the browser had: its old cookie no longer works', async () => {
    const { account, browser } = await signedIn(db, server, p, 'twice-signed');
    const old = browser.cookies.get('atlas_session')!;
    expect((await browser.signIn(account.email, PASSWORD)).errors).toBeUndefined();
    expect(browser.cookies.get('atlas_session')).not.toBe(old);
    const replay = new BrowserClient(server);
    replay.cookies.set('atlas_session', old);
    expect((await replay.graphql(ME)).data).toEqual({ me: null });
    expect((await browser.graphql<{ me: { id: string } }>(ME)).data?.me.id).toBe(account.id);
  });
});

describe('cookies over HTTPS', () => {
  it('are Secure and named with the __Host- prefix (Path=/, no Domain); plain HTTP names them without it', async () => {
    const https = await startTestServer(db, { trustProxy: true });
    try {
      const account = await makeAccount(db, p, 'https');
      const browser = new BrowserClient(https);
      const overTls = { headers: { 'x-forwarded-proto': 'https' } };
      const reply = await browser.graphql<{ signIn: { csrfToken: string } }>(
        'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { csrfToken } }',
        { email: account.email, password: PASSWORD },
        overTls,
      );
      expect(reply.errors).toBeUndefined();
      expect(reply.setCookies.map((c) => c.split('=')[0]).sort()).toEqual([
        '__Host-atlas_csrf',
        '__Host-atlas_session',
      ]);
      for (const cookie of reply.setCookies) {
        expect(cookie).toMatch(/; Secure/);
        expect(cookie).toMatch(/; Path=\/(;|$)/);
        expect(cookie).toMatch(/HttpOnly/);
        expect(cookie).not.toMatch(/Domain=/i);
      }
      browser.csrfToken = reply.data!.signIn.csrfToken;
      const me = await browser.graphql<{ me: { id: string } | null }>(ME, {}, overTls);
      expect(me.data?.me?.id).toBe(account.id);
      const token = await browser.graphql(
        'mutation ($n: String!) { createApiToken(name: $n) { apiToken { id } } }',
        { n: 'over tls' },
        overTls,
      );
      expect(token.errors).toBeUndefined();
      const out = await browser.graphql('mutation { signOut }', {}, overTls);
      expect(out.setCookies.some((c) => c.startsWith('__Host-atlas_session=;'))).toBe(true);
      // Over plain HTTP (no proxy saying HTTPS) the same server names them without the prefix.
      const plain = await new BrowserClient(https).signIn(account.email, PASSWORD);
      expect(plain.setCookies.map((c) => c.split('=')[0]).sort()).toEqual(['atlas_csrf', 'atlas_session']);
      expect(plain.setCookies.every((c) => !/; Secure/.test(c))).toBe(true);
    } finally {
      await https.close();
    }
  });
});

describe('CSRF protection of cookie-authenticated mutations', () => {
  it('refuses a mutation without the x-csrf-token header, and one with a token of another session', async () => {
    const { browser } = await signedIn(db, server, p, 'csrf');
    const input = { name: `${p} Csrf Org`, sector: 'NGO' };
    const without = await browser.graphql(REGISTER, { input }, { csrf: false });
    expect(without.status).toBe(403);
    expect(codeOf(without)).toBe('CSRF_TOKEN_INVALID');
    const { browser: other } = await signedIn(db, server, p, 'csrf-other');
    const foreign = await browser.graphql(
      REGISTER,
      { input },
      { csrf: false, headers: { 'x-csrf-token': other.csrfToken! } },
    );
    expect(codeOf(foreign)).toBe('CSRF_TOKEN_INVALID');
    const forged = await browser.graphql(
      REGISTER,
      { input },
      { csrf: false, headers: { 'x-csrf-token': 'a.b' } },
    );
    expect(codeOf(forged)).toBe('CSRF_TOKEN_INVALID');
    const rows = await runCypher(db.driver, 'MATCH (o:Organisation {name: $name}) RETURN o', {
      name: input.name,
    });
    expect(rows).toEqual([]);
    // Queries need no token; the csrfToken query gives one after a page reload.
    expect((await browser.graphql<{ me: unknown }>(ME, {}, { csrf: false })).data?.me).not.toBeNull();
    const fresh = await browser.graphql<{ csrfToken: string }>('{ csrfToken }', {}, { csrf: false });
    browser.csrfToken = fresh.data!.csrfToken;
    const ok = await browser.graphql(REGISTER, { input });
    expect(ok.errors).toBeUndefined();
  });

  it('refuses a CSRF token and cookie of one session sent with another session’s cookie (the token is bound to its session)', async () => {
    // The attacker signs in themself and gets a valid pair (CSRF cookie + token); they manage to plant that
    // CSRF cookie in the victim's browser (cookie tossing from a sibling host) and make it send their token.
    const { browser: victim } = await signedIn(db, server, p, 'csrf-victim');
    const { browser: attacker } = await signedIn(db, server, p, 'csrf-attacker');
    const input = { name: `${p} Tossed Org`, sector: 'NGO' };
    const tossed = new BrowserClient(server);
    tossed.cookies.set('atlas_session', victim.cookies.get('atlas_session')!);
    tossed.cookies.set('atlas_csrf', attacker.cookies.get('atlas_csrf')!);
    tossed.csrfToken = attacker.csrfToken;
    const refused = await tossed.graphql(REGISTER, { input });
    expect(refused.status).toBe(403);
    expect(codeOf(refused)).toBe('CSRF_TOKEN_INVALID');
    expect(await runCypher(db.driver, 'MATCH (o:Organisation {name: $name}) RETURN o', input)).toEqual([]);
    // The same pair with its own session works: only the binding made the difference.
    tossed.cookies.set('atlas_session', attacker.cookies.get('atlas_session')!);
    expect((await tossed.graphql(REGISTER, { input })).errors).toBeUndefined();
  });

  it('refuses a form-encoded (simple) POST outright: Apollo requires a preflighted request', async () => {
    const { browser } = await signedIn(db, server, p, 'simple');
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: browser.cookieHeader() },
      body: JSON.stringify({ query: 'mutation { signOut }' }),
    });
    expect(response.status).toBe(400);
    expect((await browser.graphql(ME)).data?.me).not.toBeNull();
  });
});

describe('personal API tokens', () => {
  const CREATE =
    'mutation ($name: String!) { createApiToken(name: $name) { token apiToken { id name createdAt revokedAt } } }';

  it('are shown once, stored hashed, work as Bearer tokens without CSRF, and stop working once revoked', async () => {
    const { account, browser } = await signedIn(db, server, p, 'researcher');
    const created = await browser.graphql<{ createApiToken: { token: string; apiToken: { id: string } } }>(
      CREATE,
      {
        name: 'notebook',
      },
    );
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = created.data!.createApiToken;
    expect(token).toMatch(/^atlas_[A-Za-z0-9_-]{43}$/);
    const [stored] = await runCypher(db.driver, 'MATCH (t:ApiToken {id: $id}) RETURN properties(t) AS t', {
      id: apiToken.id,
    });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((stored!.t as { hash: string }).hash).toBe(digest(token));
    // Listed later by name only.
    const listed = await browser.graphql<{ me: { apiTokens: Record<string, unknown>[] } }>(
      '{ me { apiTokens { id name lastUsedAt revokedAt } } }',
    );
    expect(listed.data?.me.apiTokens).toEqual([
      { id: apiToken.id, name: 'notebook', lastUsedAt: null, revokedAt: null },
    ]);

    const script = new BrowserClient(server);
    script.bearer = token;
    expect((await script.graphql<{ me: { id: string } }>(ME)).data?.me.id).toBe(account.id);
    // A script sends no cookie and no CSRF token: mutations work with the token alone.
    const write = await script.graphql(REGISTER, { input: { name: `${p} Token Org`, sector: 'NGO' } });
    expect(write.errors).toBeUndefined();
    // …but a token cannot mint more tokens.
    expect(codeOf(await script.graphql(CREATE, { name: 'more' }))).toBe('FORBIDDEN');

    const revoked = await browser.graphql<{ revokeApiToken: { revokedAt: string } }>(
      'mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
      { id: apiToken.id },
    );
    expect(revoked.data?.revokeApiToken.revokedAt).toMatch(/^\d{4}-/);
    const after = await script.graphql(ME);
    expect(after.status).toBe(401);
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
    expect(
      codeOf(await script.graphql(REGISTER, { input: { name: `${p} Revoked Org`, sector: 'NGO' } })),
    ).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown token and a malformed Authorization header with 401', async () => {
    const script = new BrowserClient(server);
    script.bearer = 'atlas_thisTokenWasNeverIssuedByTheServerAtAll00000000';
    expect((await script.graphql(ME)).status).toBe(401);
    const basic = await new BrowserClient(server).graphql(
      ME,
      {},
      { headers: { authorization: 'Basic dXNlcjpwYXNz' } },
    );
    expect(codeOf(basic)).toBe('UNAUTHENTICATED');
  });

  it("cannot revoke someone else's token", async () => {
    const { browser: owner } = await signedIn(db, server, p, 'token-owner');
    const { browser: thief } = await signedIn(db, server, p, 'token-thief');
    const created = await owner.graphql<{ createApiToken: { apiToken: { id: string } } }>(CREATE, {
      name: 'mine',
    });
    const attempt = await thief.graphql('mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', {
      id: created.data!.createApiToken.apiToken.id,
    });
    expect(codeOf(attempt)).toBe('NOT_FOUND');
  });

  it.each([
    ['an empty name', '', 'REQUIRED'],
    ['a 10,000-character name', 'n'.repeat(10_000), 'TOO_LONG'],
    ['control characters', 'a\u0007b', 'CONTROL_CHARACTERS'],
  ])('rejects %s and stores no token', async (_, name, code) => {
    const { account, browser } = await signedIn(db, server, p, `bad-token-${code.toLowerCase()}`);
    const reply = await browser.graphql(CREATE, { name });
    expect(codeOf(reply)).toBe('BAD_USER_INPUT');
    expect(reply.errors![0]!.extensions!.problems!.map((x) => [x.field, x.code])).toEqual([['name', code]]);
    const rows = await runCypher(db.driver, 'MATCH (t:ApiToken)-[:OF]->(:Account {id: $id}) RETURN t', {
      id: account.id,
    });
    expect(rows).toEqual([]);
  });
});

describe('rate limits', () => {
  it(`answers RATE_LIMITED after ${DEFAULT_RATE_LIMITS.signInFailuresPerEmailAndAddress.points} failed sign-ins for one email from one address, even with the right password`, async () => {
    // A server with the documented defaults.
    const limited = await startTestServer(db);
    try {
      const account = await makeAccount(db, p, 'bruteforced');
      const browser = new BrowserClient(limited);
      const attempts = DEFAULT_RATE_LIMITS.signInFailuresPerEmailAndAddress.points;
      for (let i = 0; i < attempts; i++) {
        expect(codeOf(await browser.signIn(account.email, `wrong password ${i}`))).toBe('UNAUTHENTICATED');
      }
      const refused = await browser.signIn(account.email, PASSWORD);
      expect(codeOf(refused)).toBe('RATE_LIMITED');
      expect(refused.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.setCookies).toEqual([]);
      // Another account from the same address is not locked out by this one's failures.
      const other = await makeAccount(db, p, 'bystander');
      expect((await new BrowserClient(limited).signIn(other.email, PASSWORD)).errors).toBeUndefined();
    } finally {
      await limited.close();
    }
  });

  it('parallel wrong sign-ins for one email: at most the limit are verified, the rest get 429 RATE_LIMITED with Retry-After', async () => {
    // Per-address failures set high, so only the per-email limits decide.
    const limited = await startTestServer(db, {
      auth: { rateLimits: { signInFailuresPerAddress: HIGH } },
    });
    try {
      const account = await makeAccount(db, p, 'parallel-guess');
      const replies = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          new BrowserClient(limited).signIn(account.email, `wrong password ${i}`),
        ),
      );
      // A reply UNAUTHENTICATED is a password that was verified (and wrong); RATE_LIMITED was never verified.
      const verified = replies.filter((r) => codeOf(r) === 'UNAUTHENTICATED');
      const refused = replies.filter((r) => codeOf(r) === 'RATE_LIMITED');
      expect(verified.length).toBe(DEFAULT_RATE_LIMITS.signInFailuresPerEmailAndAddress.points);
      expect(refused.length).toBe(30 - verified.length);
      for (const r of refused) {
        expect(r.status).toBe(429);
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(r.errors![0]!.extensions!.retryAfterSeconds).toBe(Number(r.headers.get('retry-after')));
      }
    } finally {
      await limited.close();
    }
  });

  it('a guesser spread over many addresses (X-Forwarded-For behind TRUST_PROXY) is stopped by the per-email limit', async () => {
    const limited = await startTestServer(db, {
      trustProxy: true,
      auth: { rateLimits: { signInFailuresPerAddress: HIGH } },
    });
    try {
      const account = await makeAccount(db, p, 'distributed-guess');
      const replies = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          new BrowserClient(limited).graphql(
            'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { csrfToken } }',
            { email: account.email, password: `wrong password ${i}` },
            { headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } },
          ),
        ),
      );
      const verified = replies.filter((r) => codeOf(r) === 'UNAUTHENTICATED');
      const refused = replies.filter((r) => codeOf(r) === 'RATE_LIMITED');
      expect(verified.length).toBe(DEFAULT_RATE_LIMITS.signInFailuresPerEmail.points);
      expect(refused.length).toBe(30 - verified.length);
      expect(refused.every((r) => r.status === 429 && Number(r.headers.get('retry-after')) > 0)).toBe(true);
      // Once the window is used up, even the right password from a new address waits.
      const late = await new BrowserClient(limited).graphql(
        'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { csrfToken } }',
        { email: account.email, password: PASSWORD },
        { headers: { 'x-forwarded-for': '198.51.100.7' } },
      );
      expect(codeOf(late)).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });

  it('limits mutations per account with RATE_LIMITED and a Retry-After', async () => {
    const limited = await startTestServer(db, {
      auth: { rateLimits: { mutationsPerAccount: { points: 3, seconds: 60 } } },
    });
    try {
      const { browser } = await signedIn(db, limited, p, 'busy');
      const codes: unknown[] = [];
      for (let i = 0; i < 3; i++) {
        codes.push(
          codeOf(
            await browser.graphql('mutation ($n: String!) { createApiToken(name: $n) { apiToken { id } } }', {
              n: `t${i}`,
            }),
          ),
        );
      }
      // Sign-in itself was the first mutation of this account? No: it ran signed out, counted per address only.
      expect(codes).toEqual([undefined, undefined, undefined]);
      const fourth = await browser.graphql('mutation { createApiToken(name: "t4") { apiToken { id } } }');
      expect(fourth.status).toBe(429);
      expect(codeOf(fourth)).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });

  describe('mutations wrapped in fragments count, and are audited, like any other', () => {
    const token = (alias: string) => `${alias}: createApiToken(name: "${alias}") { apiToken { id } }`;
    const four = ['a', 'b', 'c', 'd'].map(token).join(' ');
    it.each([
      ['a named fragment', `mutation { ...Tokens } fragment Tokens on Mutation { ${four} }`],
      ['an inline fragment', `mutation { ... on Mutation { ${four} } }`],
      [
        'nested fragments',
        `mutation { ...Outer } fragment Outer on Mutation { ... on Mutation { ...Inner } } fragment Inner on Mutation { ${four} }`,
      ],
    ])(
      'four root fields in %s are four mutations: over a limit of 3, refused with 429 and nothing written',
      async (_, query) => {
        const lines: string[] = [];
        const limited = await startTestServer(db, {
          logger: createLogger('info', false, { write: (line: string) => void lines.push(line) }),
          auth: { rateLimits: { mutationsPerAccount: { points: 3, seconds: 60 } } },
        });
        try {
          const { account, browser } = await signedIn(
            db,
            limited,
            p,
            `fragments-${lines.length}-${Math.random().toString(36).slice(2, 8)}`,
          );
          const reply = await browser.graphql(query);
          expect(reply.status).toBe(429);
          expect(codeOf(reply)).toBe('RATE_LIMITED');
          const rows = await runCypher(db.driver, 'MATCH (t:ApiToken)-[:OF]->(:Account {id: $id}) RETURN t', {
            id: account.id,
          });
          expect(rows).toEqual([]);
          // The audit entry names the mutation fields inside the fragments.
          const audit = lines
            .map((l) => JSON.parse(l) as { msg: string; fields?: string[]; account?: string })
            .filter((e) => e.msg === 'graphql mutation' && e.account === account.id)
            .at(-1);
          expect(audit?.fields).toEqual([
            'createApiToken',
            'createApiToken',
            'createApiToken',
            'createApiToken',
          ]);
        } finally {
          await limited.close();
        }
      },
    );

    it('a signIn inside a fragment is audited as signIn', async () => {
      const lines: string[] = [];
      const logged = await startTestServer(db, {
        logger: createLogger('info', false, { write: (line: string) => void lines.push(line) }),
      });
      try {
        const account = await makeAccount(db, p, 'fragment-signin');
        const reply = await new BrowserClient(logged).graphql(
          'mutation ($e: String!, $p: String!) { ...S } fragment S on Mutation { signIn(email: $e, password: $p) { csrfToken } }',
          { e: account.email, p: PASSWORD },
        );
        expect(reply.errors).toBeUndefined();
        const audit = lines
          .map((l) => JSON.parse(l) as { msg: string; fields?: string[] })
          .filter((e) => e.msg === 'graphql mutation');
        expect(audit.map((e) => e.fields)).toEqual([['signIn']]);
      } finally {
        await logged.close();
      }
    });
  });
});
