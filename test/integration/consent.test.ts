// Relationships with two-sided consent over HTTP: proposed (CLAIMED, public at once), confirmed by the
// other side (CONFIRMED), verified by a curator (SOURCED), disputed and settled, ended; each step in the
// relationship's history, and every refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../server/domain/accounts/accounts.ts';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { deleteAccountsData, signedIn } from '../support/accounts.ts';
import { BrowserClient, codeOf, problemFields } from '../support/browserClient.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { org, rel } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;
const p = uniquePrefix('consent');
const HIGH = { points: 10_000, seconds: 60 };
type Signed = { account: Account; browser: BrowserClient };
let alice: Signed; // owns A
let bob: Signed; // owns B
let carol: Signed; // owns C
let curator: Signed;
let stranger: Signed;
const A = `${p}-a`;
const B = `${p}-b`;
const C = `${p}-c`;

async function own(account: Account, organisationId: string) {
  await runCypher(
    db.driver,
    'MATCH (a:Account {id: $a}), (o:Organisation {id: $o}) CREATE (a)-[:OWNS {verified: true, since: datetime()}]->(o)',
    { a: account.id, o: organisationId },
  );
}

beforeAll(async () => {
  db = connectTestDb();
  await importSource(
    db.runner,
    sourceFromDataset({
      organisations: [
        org(A, `${p} Alpha`, 'CIVIC_INNOVATOR'),
        org(B, `${p} Beta Council`, 'GOVERNMENT'),
        org(C, `${p} Gamma Trust`, 'NGO'),
        org(`${p}-pending`, `${p} Pending`, 'NGO', { status: 'PENDING' }),
      ],
      relationships: [rel(`${p}-imported`, B, C, 'FUNDING', { trust: 'IMPORTED' })],
      initiatives: [],
      participations: [],
      places: [],
    }),
    { recordedBy: 'import:test' },
  );
  server = await startTestServer(db, {
    auth: { rateLimits: { mutationsPerAddress: HIGH, mutationsPerAccount: HIGH } },
  });
  [alice, bob, carol, curator, stranger] = await Promise.all([
    signedIn(db, server, p, 'alice'),
    signedIn(db, server, p, 'bob'),
    signedIn(db, server, p, 'carol'),
    signedIn(db, server, p, 'curator', 'CURATOR'),
    signedIn(db, server, p, 'stranger'),
  ]);
  await own(alice.account, A);
  await own(bob.account, B);
  await own(carol.account, C);
});
afterAll(async () => {
  await server?.close();
  await deleteAccountsData(db, p);
  await deleteByPrefix(db, p);
  await db.close();
});

const PROPOSE = `mutation ($input: ProposeRelationshipInput!) {
  proposeRelationship(input: $input) { id kind trust since amount currency source { id } target { id }
    provenance { sourceUrl recordedBy } consent { proposedBy { id name } proposingOrganisationId } } }`;
const CONFIRM = 'mutation ($id: ID!) { confirmRelationship(id: $id) { id trust } }';
const DISPUTE =
  'mutation ($id: ID!, $reason: String!) { disputeRelationship(id: $id, reason: $reason) { id trust consent { disputeReason disputedBy { id } } } }';
const END =
  'mutation ($id: ID!, $until: Date, $reason: String) { endRelationship(id: $id, until: $until, reason: $reason) { id until } }';
const HISTORY =
  'query ($id: ID!) { history(relationship: $id) { action by { id } reason changes { field from to } } }';
const QUEUE = `query ($kinds: [ReviewKind!]) { reviewQueue(kinds: $kinds, first: 100) {
  totalCount nodes { id kind request { id relationship { id trust } reason submittedBy { id } } } } }`;
type Queue = {
  reviewQueue: {
    nodes: { id: string; kind: string; request: { id: string; relationship: { id: string } | null } }[];
  };
};

async function propose(who: Signed, input: Record<string, unknown>) {
  const reply = await who.browser.graphql<{ proposeRelationship: { id: string; trust: string } }>(PROPOSE, {
    input,
  });
  if (reply.errors) throw new Error(JSON.stringify(reply.errors));
  return reply.data!.proposeRelationship;
}

async function queueItemFor(relationshipId: string, kind: string) {
  const queue = await curator.browser.graphql<Queue>(QUEUE, { kinds: [kind] });
  return queue.data!.reviewQueue.nodes.find((n) => n.request.relationship?.id === relationshipId);
}

describe('proposeRelationship and confirmRelationship', () => {
  it('a proposal is public at once (CLAIMED); only the other side confirms it (CONFIRMED)', async () => {
    const reply = await alice.browser.graphql<{
      proposeRelationship: Record<string, unknown> & { id: string };
    }>(PROPOSE, {
      input: {
        source: B,
        target: A,
        kind: 'FUNDING',
        since: '2024-04-01',
        amount: 5000,
        currency: 'gbp',
        sourceUrl: `https://${p}.example.org/grants`,
      },
    });
    expect(reply.errors).toBeUndefined();
    const proposed = reply.data!.proposeRelationship;
    expect(proposed).toMatchObject({
      kind: 'FUNDING',
      trust: 'CLAIMED',
      since: '2024-04-01',
      amount: 5000,
      currency: 'GBP',
      source: { id: B },
      target: { id: A },
      provenance: { sourceUrl: `https://${p}.example.org/grants`, recordedBy: alice.account.name },
      consent: { proposedBy: { id: alice.account.id }, proposingOrganisationId: A },
    });
    // Public from the start, drawn as claimed.
    const anonymous = new BrowserClient(server);
    const seen = await anonymous.graphql<{ neighbourhood: { edges: { id: string; trust: string }[] } }>(
      'query ($ids: [ID!]!) { neighbourhood(ids: $ids) { edges { id trust } } }',
      { ids: [A] },
    );
    expect(seen.data?.neighbourhood.edges).toEqual([{ id: proposed.id, trust: 'CLAIMED' }]);
    const publicView = await anonymous.graphql<{
      organisation: { relationships: { viewerCan: Record<string, boolean> }[] };
    }>(
      'query ($id: ID!) { organisation(id: $id) { relationships { id viewerCan { confirm dispute end } } } }',
      { id: A },
    );
    expect(publicView.data?.organisation.relationships[0]!.viewerCan).toEqual({
      confirm: false,
      dispute: false,
      end: false,
    });
    // The proposer cannot confirm it, nor can a stranger or nobody.
    expect(codeOf(await alice.browser.graphql(CONFIRM, { id: proposed.id }))).toBe('FORBIDDEN');
    expect(codeOf(await stranger.browser.graphql(CONFIRM, { id: proposed.id }))).toBe('FORBIDDEN');
    expect(codeOf(await anonymous.graphql(CONFIRM, { id: proposed.id }))).toBe('UNAUTHENTICATED');
    // The other side sees it can confirm, and does.
    const bobView = await bob.browser.graphql<{
      organisation: { relationships: { viewerCan: Record<string, boolean> }[] };
    }>(
      'query ($id: ID!) { organisation(id: $id) { relationships { id viewerCan { confirm dispute end } } } }',
      { id: B },
    );
    expect(bobView.data?.organisation.relationships[0]!.viewerCan).toEqual({
      confirm: true,
      dispute: true,
      end: true,
    });
    const confirmed = await bob.browser.graphql(CONFIRM, { id: proposed.id });
    expect(confirmed.data).toEqual({ confirmRelationship: { id: proposed.id, trust: 'CONFIRMED' } });
    expect(codeOf(await bob.browser.graphql(CONFIRM, { id: proposed.id }))).toBe('CONFLICT');
    // The proposal left the queue, and the history tells the story.
    expect(await queueItemFor(proposed.id, 'PROPOSED_RELATIONSHIP')).toBeUndefined();
    const history = await anonymous.graphql<{ history: { action: string; by: { id: string } }[] }>(HISTORY, {
      id: proposed.id,
    });
    expect(history.data?.history.map((h) => [h.action, h.by.id])).toEqual([
      ['CONFIRMED', bob.account.id],
      ['CREATED', alice.account.id],
    ]);
    const edges = await anonymous.graphql<{ neighbourhood: { edges: { trust: string }[] } }>(
      'query ($ids: [ID!]!) { neighbourhood(ids: $ids) { edges { trust } } }',
      { ids: [A] },
    );
    expect(edges.data?.neighbourhood.edges).toEqual([{ trust: 'CONFIRMED' }]);
  });

  it('refuses proposals for an organisation you do not own, and to an unpublished one', async () => {
    expect(
      codeOf(
        await stranger.browser.graphql(PROPOSE, { input: { source: A, target: B, kind: 'PARTNERSHIP' } }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await alice.browser.graphql(PROPOSE, {
          input: { source: A, target: `${p}-pending`, kind: 'PARTNERSHIP' },
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  const BAD: [string, Record<string, unknown>, string[]][] = [
    ['the same organisation at both ends', { target: A }, ['input.target']],
    ['until before since', { since: '2024-05-01', until: '2024-04-30' }, ['input.until']],
    ['an amount without its currency', { amount: 100 }, ['input.currency']],
    ['a negative amount', { amount: -5, currency: 'GBP' }, ['input.amount']],
    ['a bad currency', { amount: 5, currency: 'pounds' }, ['input.currency']],
    ['a javascript: source URL', { sourceUrl: 'javascript:alert(document.cookie)' }, ['input.sourceUrl']],
    ['a data: source URL', { sourceUrl: 'data:text/html;base64,PHNjcmlwdD4=' }, ['input.sourceUrl']],
    ['a 10,000-character description', { description: 'x'.repeat(10_000) }, ['input.description']],
    ['control characters in the description', { description: 'ok\u0000\u0008' }, ['input.description']],
    ['an unknown kind', { kind: 'FRIENDSHIP' }, ['input.kind']],
    ['a malformed date', { since: '2024-02-30' }, ['input.since']],
  ];

  it.each(BAD)('rejects %s with a problem per field, and writes nothing', async (_, change, fields) => {
    const count = async () =>
      (
        await runCypher(
          db.driver,
          'MATCH (:Organisation {id: $a})-[r]-(:Organisation) RETURN count(r) AS n',
          { a: A },
        )
      )[0]!.n;
    const before = await count();
    const reply = await alice.browser.graphql(PROPOSE, {
      input: { source: A, target: C, kind: 'PARTNERSHIP', ...change },
    });
    expect(codeOf(reply)).toBe('BAD_USER_INPUT');
    expect(problemFields(reply)).toEqual(fields);
    expect(await count()).toBe(before);
  });
});

describe('disputes and curators', () => {
  it('either side disputes (DISPUTED, into the queue); a curator settles it (trust restored) or upholds it (removed)', async () => {
    const proposal = await propose(alice, { source: A, target: C, kind: 'PARTNERSHIP', since: '2023-01-01' });
    expect(
      codeOf(await stranger.browser.graphql(DISPUTE, { id: proposal.id, reason: 'I do not like it.' })),
    ).toBe('FORBIDDEN');
    expect(problemFields(await carol.browser.graphql(DISPUTE, { id: proposal.id, reason: '' }))).toEqual([
      'reason',
    ]);
    const disputed = await carol.browser.graphql<{ disputeRelationship: unknown }>(DISPUTE, {
      id: proposal.id,
      reason: 'We never worked with them.',
    });
    expect(disputed.data?.disputeRelationship).toEqual({
      id: proposal.id,
      trust: 'DISPUTED',
      consent: { disputeReason: 'We never worked with them.', disputedBy: { id: carol.account.id } },
    });
    expect(codeOf(await carol.browser.graphql(CONFIRM, { id: proposal.id }))).toBe('CONFLICT');
    // The proposal request was closed by the dispute; the dispute waits for a curator.
    expect(await queueItemFor(proposal.id, 'PROPOSED_RELATIONSHIP')).toBeUndefined();
    const item = await queueItemFor(proposal.id, 'DISPUTE');
    expect(item?.kind).toBe('DISPUTE');
    // Members cannot read the queue or decide.
    expect(codeOf(await alice.browser.graphql(QUEUE, {}))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await carol.browser.graphql('mutation ($id: ID!) { approve(id: $id) { id } }', {
          id: item!.request.id,
        }),
      ),
    ).toBe('FORBIDDEN');
    // Settled in favour of the relationship: back to CLAIMED.
    const settled = await curator.browser.graphql(
      'mutation ($id: ID!, $reason: String!) { reject(id: $id, reason: $reason) { status decisionReason relationship { trust } } }',
      { id: item!.request.id, reason: 'Their joint report is public.' },
    );
    expect(settled.data).toEqual({
      reject: {
        status: 'REJECTED',
        decisionReason: 'Their joint report is public.',
        relationship: { trust: 'CLAIMED' },
      },
    });
    // Disputed again, and this time upheld: the relationship goes, its history stays (for curators).
    await carol.browser.graphql(DISPUTE, { id: proposal.id, reason: 'Still not true.' });
    const again = await queueItemFor(proposal.id, 'DISPUTE');
    const upheld = await curator.browser.graphql<{ approve: { status: string; relationship: unknown } }>(
      'mutation ($id: ID!, $reason: String) { approve(id: $id, reason: $reason) { status relationship { id } } }',
      { id: again!.request.id, reason: 'Carol is right.' },
    );
    expect(upheld.data?.approve).toEqual({ status: 'APPROVED', relationship: null });
    const gone = await runCypher(db.driver, 'MATCH ()-[r {id: $id}]->() RETURN r', { id: proposal.id });
    expect(gone).toEqual([]);
    const history = await curator.browser.graphql<{ history: { action: string; reason: string | null }[] }>(
      HISTORY,
      { id: proposal.id },
    );
    expect(history.data?.history.map((h) => h.action)).toEqual([
      'REMOVED',
      'DISPUTED',
      'DISPUTE_SETTLED',
      'DISPUTED',
      'CREATED',
    ]);
    expect(history.data?.history[0]!.reason).toBe('Carol is right.');
    expect(codeOf(await new BrowserClient(server).graphql(HISTORY, { id: proposal.id }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('a curator verifies a proposal with a source URL (SOURCED); one without a source cannot be verified', async () => {
    const sourced = await propose(alice, {
      source: A,
      target: B,
      kind: 'DATA_SHARING',
      sourceUrl: `https://${p}.example.org/data`,
    });
    const item = await queueItemFor(sourced.id, 'PROPOSED_RELATIONSHIP');
    const VERIFY =
      'mutation ($id: ID!, $reason: String) { approve(id: $id, reason: $reason) { status relationship { trust } } }';
    // Verifying is a curator's statement: without a reason (or a blank one) it is refused, nothing changes.
    for (const reason of [null, '   ']) {
      const unexplained = await curator.browser.graphql(VERIFY, { id: item!.request.id, reason });
      expect(codeOf(unexplained)).toBe('BAD_USER_INPUT');
      expect(problemFields(unexplained)).toEqual(['reason']);
    }
    expect((await queueItemFor(sourced.id, 'PROPOSED_RELATIONSHIP'))?.request.id).toBe(item!.request.id);
    const approved = await curator.browser.graphql(VERIFY, {
      id: item!.request.id,
      reason: 'The data-sharing agreement is on their site.',
    });
    expect(approved.data).toEqual({ approve: { status: 'APPROVED', relationship: { trust: 'SOURCED' } } });

    const unsourced = await propose(alice, { source: A, target: B, kind: 'MEMBERSHIP' });
    const other = await queueItemFor(unsourced.id, 'PROPOSED_RELATIONSHIP');
    const refused = await curator.browser.graphql(VERIFY, { id: other!.request.id, reason: 'Looks right.' });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    // Rejected instead, with a reason: DISPUTED by the curator.
    const rejected = await curator.browser.graphql(
      'mutation ($id: ID!, $r: String!) { reject(id: $id, reason: $r) { status relationship { trust consent { disputeReason } } } }',
      { id: other!.request.id, r: 'No source for this membership.' },
    );
    expect(rejected.data).toEqual({
      reject: {
        status: 'REJECTED',
        relationship: { trust: 'DISPUTED', consent: { disputeReason: 'No source for this membership.' } },
      },
    });
  });
});

describe('imported relationships', () => {
  it('have no consent until one side disputes one: then the dispute shows, and a curator settles it', async () => {
    const id = `${p}-imported`;
    const CONSENT =
      'query ($id: ID!) { organisation(id: $id) { relationships { id trust consent { proposedBy { id } disputeReason } } } }';
    type Rels = { organisation: { relationships: { id: string; trust: string; consent: unknown }[] } };
    const find = async () =>
      (
        await new BrowserClient(server).graphql<Rels>(CONSENT, { id: C })
      ).data?.organisation.relationships.find((r) => r.id === id);
    expect(await find()).toMatchObject({ trust: 'IMPORTED', consent: null });
    expect(codeOf(await carol.browser.graphql(CONFIRM, { id }))).toBe('FORBIDDEN');
    await carol.browser.graphql(DISPUTE, { id, reason: 'This grant went to another Gamma.' });
    expect(await find()).toEqual({
      id,
      trust: 'DISPUTED',
      consent: { proposedBy: null, disputeReason: 'This grant went to another Gamma.' },
    });
    const item = await queueItemFor(id, 'DISPUTE');
    await curator.browser.graphql('mutation ($id: ID!, $r: String!) { reject(id: $id, reason: $r) { id } }', {
      id: item!.request.id,
      r: 'The 360Giving record names this Gamma.',
    });
    expect((await find())?.trust).toBe('IMPORTED');
  });
});

describe('endRelationship', () => {
  it('either side ends it (until), once; not before it started; strangers cannot', async () => {
    const proposal = await propose(alice, { source: A, target: B, kind: 'PARTNERSHIP', since: '2022-01-01' });
    expect(codeOf(await stranger.browser.graphql(END, { id: proposal.id }))).toBe('FORBIDDEN');
    expect(problemFields(await bob.browser.graphql(END, { id: proposal.id, until: '2021-12-31' }))).toEqual([
      'until',
    ]);
    const ended = await bob.browser.graphql(END, {
      id: proposal.id,
      until: '2024-12-31',
      reason: 'The programme closed.',
    });
    expect(ended.data).toEqual({ endRelationship: { id: proposal.id, until: '2024-12-31' } });
    expect(codeOf(await alice.browser.graphql(END, { id: proposal.id }))).toBe('CONFLICT');
    const history = await new BrowserClient(server).graphql<{ history: unknown[] }>(HISTORY, {
      id: proposal.id,
    });
    expect(history.data?.history[0]).toEqual({
      action: 'ENDED',
      by: { id: bob.account.id },
      reason: 'The programme closed.',
      changes: [{ field: 'until', from: null, to: '2024-12-31' }],
    });
  });
});
