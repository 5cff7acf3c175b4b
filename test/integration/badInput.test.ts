// Bad input to every mutation — missing fields, 10,000 characters, control characters, javascript: and
// data: URLs, an unknown sector, a malformed email or date, a weak password — is refused with
// BAD_USER_INPUT and a problem naming each field, and writes nothing: a snapshot of everything this
// test's accounts and organisations are (properties, relationships, requests, history, tokens, sessions)
// is the same before and after each refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../server/domain/accounts/accounts.ts';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { deleteAccountsData, emailOf, PASSWORD, signedIn } from '../support/accounts.ts';
import { BrowserClient, codeOf, problemFields } from '../support/browserClient.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { org, rel } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;
const p = uniquePrefix('badin');
const HIGH = { points: 10_000, seconds: 60 };
const A = `${p}-a`;
const B = `${p}-b`;
const R = `${p}-rel`;
let owner: { account: Account; browser: BrowserClient };
let curator: { account: Account; browser: BrowserClient };
let requestId: string;

const LONG = 'x'.repeat(10_000);
const CONTROL = 'bad\u0000\u001b[2J text';

beforeAll(async () => {
  db = connectTestDb();
  await importSource(
    db.runner,
    sourceFromDataset({
      organisations: [org(A, `${p} Alpha`, 'NGO'), org(B, `${p} Beta`, 'COMPANY')],
      relationships: [rel(R, A, B, 'PARTNERSHIP', { trust: 'IMPORTED', since: '2020-01-01' })],
      initiatives: [],
      participations: [],
      places: [],
    }),
    { recordedBy: 'import:test' },
  );
  server = await startTestServer(db, {
    auth: {
      rateLimits: {
        mutationsPerAddress: HIGH,
        mutationsPerAccount: HIGH,
        signInFailuresPerEmailAndAddress: HIGH,
        signUpsPerAddress: HIGH,
      },
    },
  });
  owner = await signedIn(db, server, p, 'owner');
  curator = await signedIn(db, server, p, 'curator', 'CURATOR');
  await runCypher(
    db.driver,
    `MATCH (a:Account {id: $a}), (o:Organisation {id: $o}) CREATE (a)-[:OWNS {verified: true, since: datetime()}]->(o)
     WITH o MATCH (b:Organisation {id: $b})
     CREATE (c:MergeCandidate {id: $mc, rule: 'similar-name', evidence: '{}', status: 'OPEN', createdAt: datetime()})
     CREATE (c)-[:CANDIDATE_OF]->(o), (c)-[:CANDIDATE_OF]->(b)`,
    { a: owner.account.id, o: A, b: B, mc: `${p}-mc` },
  );
  const claim = await curator.browser.graphql<{ claimOrganisation: { id: string } }>(
    'mutation ($id: ID!) { claimOrganisation(id: $id, evidence: "I work there, see the staff page.") { id } }',
    { id: B },
  );
  requestId = claim.data!.claimOrganisation.id;
});
afterAll(async () => {
  await server?.close();
  await deleteAccountsData(db, p);
  await deleteByPrefix(db, p);
  await db.close();
});

/** Everything this test owns, as text: any write would change it. */
async function snapshot(): Promise<string> {
  const rows = await runCypher(
    db.driver,
    `CALL () {
       MATCH (o:Organisation) WHERE o.id STARTS WITH $p OR o.name STARTS WITH $p
       RETURN 'org' AS kind, o.id AS id, properties(o) AS props,
              COLLECT { MATCH (o)-[r]-(x) RETURN [type(r), x.id, properties(r)] } AS links
       UNION ALL
       MATCH (a:Account) WHERE a.email STARTS WITH $e
       RETURN 'account' AS kind, a.id AS id, properties(a) AS props,
              COLLECT { MATCH (a)-[r]-(x) RETURN [type(r), coalesce(x.id, ''), properties(x)] } AS links
       UNION ALL
       MATCH (m:MergeCandidate) WHERE m.id STARTS WITH $p
       RETURN 'candidate' AS kind, m.id AS id, properties(m) AS props, [] AS links
     }
     RETURN kind, id, props, links ORDER BY kind, id`,
    { p, e: `${p}-` },
  );
  return JSON.stringify(rows, (_, v: unknown) =>
    Array.isArray(v) ? [...v].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))) : v,
  );
}

type Case = [string, string, Record<string, unknown>, string[], 'owner' | 'curator' | 'anonymous'];

const CASES: Case[] = [
  // signUp / signIn (signed out)
  [
    'signUp: malformed email',
    'mutation ($e: String!) { signUp(email: $e, password: "correct horse battery staple", name: "N") { csrfToken } }',
    { e: 'me@' },
    ['email'],
    'anonymous',
  ],
  [
    'signUp: weak password',
    'mutation ($e: String!) { signUp(email: $e, password: "qwertyuiop", name: "N") { csrfToken } }',
    { e: emailOf(p, 'weak') },
    ['password'],
    'anonymous',
  ],
  [
    'signUp: 10,000-character name',
    'mutation ($e: String!, $n: String!) { signUp(email: $e, password: "correct horse battery staple", name: $n) { csrfToken } }',
    { e: emailOf(p, 'long'), n: LONG },
    ['name'],
    'anonymous',
  ],
  [
    'signIn: malformed email',
    'mutation { signIn(email: "nobody", password: "whatever it is") { csrfToken } }',
    {},
    ['email'],
    'anonymous',
  ],
  [
    'signIn: missing password',
    'mutation ($e: String!) { signIn(email: $e, password: "") { csrfToken } }',
    { e: emailOf(p, 'owner') },
    ['password'],
    'anonymous',
  ],
  [
    'signIn: 10,000-character password',
    'mutation ($e: String!, $x: String!) { signIn(email: $e, password: $x) { csrfToken } }',
    { e: emailOf(p, 'owner'), x: LONG },
    ['password'],
    'anonymous',
  ],
  [
    'signIn: a missing variable',
    'mutation ($e: String!, $x: String!) { signIn(email: $e, password: $x) { csrfToken } }',
    { e: emailOf(p, 'owner') },
    ['x'],
    'anonymous',
  ],
  // tokens
  [
    'createApiToken: control characters',
    'mutation ($n: String!) { createApiToken(name: $n) { token } }',
    { n: CONTROL },
    ['name'],
    'owner',
  ],
  [
    'createApiToken: 10,000 characters',
    'mutation ($n: String!) { createApiToken(name: $n) { token } }',
    { n: LONG },
    ['name'],
    'owner',
  ],
  // organisations
  [
    'registerOrganisation: data: URL and unknown sector',
    'mutation ($i: OrganisationInput!) { registerOrganisation(input: $i) { request { id } } }',
    { i: { name: `${p} New`, sector: 'CHARITY', website: 'data:,x' } },
    ['i.sector'],
    'owner',
  ],
  [
    'registerOrganisation: javascript: URL',
    'mutation ($i: OrganisationInput!) { registerOrganisation(input: $i) { request { id } } }',
    { i: { name: `${p} New`, sector: 'NGO', website: 'javascript:alert(1)' } },
    ['input.website'],
    'owner',
  ],
  [
    'claimOrganisation: 10,000-character evidence',
    'mutation ($id: ID!, $x: String!) { claimOrganisation(id: $id, evidence: $x) { id } }',
    { id: A, x: LONG },
    ['evidence'],
    'curator',
  ],
  [
    'claimOrganisation: control characters',
    'mutation ($id: ID!, $x: String!) { claimOrganisation(id: $id, evidence: $x) { id } }',
    { id: A, x: `${CONTROL} long enough` },
    ['evidence'],
    'curator',
  ],
  [
    'updateOrganisation: javascript: URL, 10,000-character name',
    'mutation ($id: ID!, $c: OrganisationChanges!) { updateOrganisation(id: $id, changes: $c) { id } }',
    { id: A, c: { website: 'JAVASCRIPT:alert(1)', name: LONG } },
    ['changes.name', 'changes.website'],
    'owner',
  ],
  [
    'updateOrganisation: unknown sector',
    'mutation ($id: ID!, $c: OrganisationChanges!) { updateOrganisation(id: $id, changes: $c) { id } }',
    { id: A, c: { sector: 'PIRATE' } },
    ['c.sector'],
    'owner',
  ],
  [
    'updateOrganisation: control characters in a theme',
    'mutation ($id: ID!, $c: OrganisationChanges!) { updateOrganisation(id: $id, changes: $c) { id } }',
    { id: A, c: { themes: ['Housing', CONTROL] } },
    ['changes.themes.1'],
    'owner',
  ],
  [
    'updateOrganisation: a 10,000-character reason',
    'mutation ($id: ID!, $r: String) { updateOrganisation(id: $id, changes: { kind: "x" }, reason: $r) { id } }',
    { id: A, r: LONG },
    ['reason'],
    'owner',
  ],
  // relationships
  [
    'proposeRelationship: data: source URL',
    'mutation ($i: ProposeRelationshipInput!) { proposeRelationship(input: $i) { id } }',
    { i: { source: A, target: B, kind: 'PARTNERSHIP', sourceUrl: 'data:text/html,hi' } },
    ['input.sourceUrl'],
    'owner',
  ],
  [
    'proposeRelationship: unknown kind',
    'mutation ($i: ProposeRelationshipInput!) { proposeRelationship(input: $i) { id } }',
    { i: { source: A, target: B, kind: 'ALLIANCE' } },
    ['i.kind'],
    'owner',
  ],
  [
    'proposeRelationship: malformed date',
    'mutation ($i: ProposeRelationshipInput!) { proposeRelationship(input: $i) { id } }',
    { i: { source: A, target: B, kind: 'PARTNERSHIP', since: '31/12/2020' } },
    ['i.since'],
    'owner',
  ],
  [
    'disputeRelationship: missing reason',
    'mutation ($id: ID!) { disputeRelationship(id: $id, reason: " ") { id } }',
    { id: R },
    ['reason'],
    'owner',
  ],
  [
    'disputeRelationship: 10,000-character reason',
    'mutation ($id: ID!, $r: String!) { disputeRelationship(id: $id, reason: $r) { id } }',
    { id: R, r: LONG },
    ['reason'],
    'owner',
  ],
  [
    'endRelationship: malformed date',
    'mutation ($id: ID!) { endRelationship(id: $id, until: "2024-13-01") { id } }',
    { id: R },
    ['until'],
    'owner',
  ],
  [
    'endRelationship: before it started',
    'mutation ($id: ID!) { endRelationship(id: $id, until: "2019-12-31") { id } }',
    { id: R },
    ['until'],
    'owner',
  ],
  [
    'endRelationship: control characters in the reason',
    'mutation ($id: ID!, $r: String) { endRelationship(id: $id, reason: $r) { id } }',
    { id: R, r: CONTROL },
    ['reason'],
    'owner',
  ],
  // curation
  [
    'approve: 10,000-character reason',
    'mutation ($id: ID!, $r: String) { approve(id: $id, reason: $r) { id } }',
    { id: '', r: LONG },
    ['reason'],
    'curator',
  ],
  [
    'reject: missing reason',
    'mutation ($id: ID!) { reject(id: $id, reason: "") { id } }',
    { id: '' },
    ['reason'],
    'curator',
  ],
  [
    'reject: control characters',
    'mutation ($id: ID!, $r: String!) { reject(id: $id, reason: $r) { id } }',
    { id: '', r: CONTROL },
    ['reason'],
    'curator',
  ],
  [
    'mergeOrganisations: 10,000-character reason',
    'mutation ($k: ID!, $m: ID!, $r: String!) { mergeOrganisations(keep: $k, merge: $m, reason: $r) { id } }',
    { k: A, m: B, r: LONG },
    ['reason'],
    'curator',
  ],
  [
    'mergeOrganisations: missing keep',
    'mutation ($m: ID!) { mergeOrganisations(keep: "", merge: $m, reason: "Same body.") { id } }',
    { m: B },
    ['keep'],
    'curator',
  ],
  // A curator's decision always says why: a blank reason is a missing one.
  [
    'reject: a blank reason',
    'mutation ($id: ID!) { reject(id: $id, reason: "   ") { id } }',
    { id: '' },
    ['reason'],
    'curator',
  ],
  [
    'mergeOrganisations: a blank reason',
    'mutation ($k: ID!, $m: ID!) { mergeOrganisations(keep: $k, merge: $m, reason: " \\t ") { id } }',
    { k: A, m: B },
    ['reason'],
    'curator',
  ],
  [
    'updateOrganisation: a curator editing what they do not own, without a reason',
    'mutation ($id: ID!) { updateOrganisation(id: $id, changes: { kind: "x" }) { id } }',
    { id: A },
    ['reason'],
    'curator',
  ],
  [
    'updateOrganisation: a curator editing what they do not own, with a blank reason',
    'mutation ($id: ID!) { updateOrganisation(id: $id, changes: { kind: "x" }, reason: "  ") { id } }',
    { id: A },
    ['reason'],
    'curator',
  ],
  [
    'dismissMergeCandidate: a blank reason',
    'mutation ($id: ID!) { dismissMergeCandidate(id: $id, reason: "  ") { id } }',
    { id: `${p}-mc` },
    ['reason'],
    'curator',
  ],
  [
    'dismissMergeCandidate: missing reason',
    'mutation ($id: ID!) { dismissMergeCandidate(id: $id, reason: "") { id } }',
    { id: `${p}-mc` },
    ['reason'],
    'curator',
  ],
];

describe('bad input to every mutation', () => {
  it.each(CASES)(
    '%s → BAD_USER_INPUT naming the field, nothing written',
    async (_, query, variables, fields, who) => {
      const client =
        who === 'anonymous' ? new BrowserClient(server) : who === 'owner' ? owner.browser : curator.browser;
      const vars = { ...variables };
      if ('id' in vars && vars.id === '') vars.id = requestId;
      const before = await snapshot();
      const reply = await client.graphql(query, vars);
      expect(codeOf(reply), JSON.stringify(reply.errors)).toBe('BAD_USER_INPUT');
      expect(problemFields(reply)).toEqual(fields);
      for (const problem of reply.errors![0]!.extensions!.problems!) expect(problem.message).not.toBe('');
      expect(await snapshot()).toBe(before);
    },
  );

  it('the test owns data the refusals could have changed (so the snapshot can tell)', async () => {
    const before = await snapshot();
    expect(before).toContain(A);
    expect(before).toContain(R);
    expect(before).toContain(requestId);
    // A valid call changes the snapshot.
    const ok = await owner.browser.graphql(
      'mutation ($id: ID!) { updateOrganisation(id: $id, changes: { kind: "charity" }) { id } }',
      { id: A },
    );
    expect(ok.errors).toBeUndefined();
    expect(await snapshot()).not.toBe(before);
  });

  it('the sign-up of the weak-password case would have worked with a good password', async () => {
    const reply = await new BrowserClient(server).graphql(
      'mutation ($e: String!) { signUp(email: $e, password: "correct horse battery staple", name: "N") { csrfToken } }',
      { e: emailOf(p, 'weak') },
    );
    expect(reply.errors).toBeUndefined();
    expect(PASSWORD).not.toBe('qwertyuiop');
  });
});
