// Merge rules (issue 9 review): the kept organisation is published; archived organisations and pending
// registrations are never merged (their unreviewed data and private history stay private); every stored
// reference to the merged id outside relationships is rewritten (proposals, claims); and merge candidates
// made by the real importer reach the curator's queue, are merged there, and the merged id resolves.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { deleteAccountsData, signedIn } from '../support/accounts.ts';
import { BrowserClient, codeOf } from '../support/browserClient.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { org } from '../support/fixtures.ts';
import { deleteNamespace, importFiles } from '../support/imports.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;
const p = uniquePrefix('mrules');
const [A, B, C, D] = ['a', 'b', 'c', 'd'].map((s) => `${p}-${s}`) as [string, string, string, string];
const HIGH = { points: 10_000, seconds: 60 };
let curator: BrowserClient;

beforeAll(async () => {
  db = connectTestDb();
  await importSource(
    db.runner,
    sourceFromDataset({
      organisations: [
        org(A, `${p} Alpha Trust`, 'NGO'),
        org(B, `${p} Alpha Trust (copy)`, 'NGO'),
        org(C, `${p} Gamma Council`, 'GOVERNMENT'),
        org(D, `${p} Delta Lab`, 'ACADEMIC'),
      ],
      relationships: [],
      initiatives: [],
      participations: [],
      places: [],
    }),
    { recordedBy: 'import:test' },
  );
  server = await startTestServer(db, {
    auth: {
      rateLimits: { mutationsPerAddress: HIGH, mutationsPerAccount: HIGH, signUpsPerAddress: HIGH },
    },
  });
  curator = (await signedIn(db, server, p, 'curator', 'CURATOR')).browser;
});
afterAll(async () => {
  await server?.close();
  await deleteAccountsData(db, p);
  await deleteByPrefix(db, p);
  await db.close();
});

const MERGE =
  'mutation ($keep: ID!, $merge: ID!, $reason: String!) { mergeOrganisations(keep: $keep, merge: $merge, reason: $reason) { id } }';
const REGISTER =
  'mutation ($input: OrganisationInput!) { registerOrganisation(input: $input) { organisation { id } request { id } } }';
const CLAIM =
  'mutation ($id: ID!) { claimOrganisation(id: $id, evidence: "I run it; see the staff page.") { id } }';

async function owns(accountId: string, organisationId: string) {
  await runCypher(
    db.driver,
    'MATCH (a:Account {id: $a}), (o:Organisation {id: $o}) CREATE (a)-[:OWNS {verified: true, since: datetime()}]->(o)',
    { a: accountId, o: organisationId },
  );
}

describe('merge rules: what may be merged', () => {
  it('refuses to keep a pending registration, or to merge one in: its data was never reviewed', async () => {
    const { browser } = await signedIn(db, server, p, 'registrant');
    const registered = await browser.graphql<{ registerOrganisation: { organisation: { id: string } } }>(
      REGISTER,
      { input: { name: `${p} Alpha Trust Pending`, sector: 'NGO', description: 'Unreviewed text.' } },
    );
    expect(registered.errors).toBeUndefined();
    const pending = registered.data!.registerOrganisation.organisation.id;

    const into = await curator.graphql(MERGE, { keep: pending, merge: D, reason: 'Same body.' });
    expect(codeOf(into)).toBe('CONFLICT');
    expect(into.errors![0]!.message).toMatch(/waiting for review.*approve it first/i);

    const from = await curator.graphql(MERGE, { keep: A, merge: pending, reason: 'Same body.' });
    expect(codeOf(from)).toBe('CONFLICT');
    expect(from.errors![0]!.message).toMatch(/reject it.*claim/i);

    // Nothing moved: the registration is still its own, pending and private, and A has not changed.
    const [state] = await runCypher(
      db.driver,
      `MATCH (o:Organisation {id: $pending}) MATCH (a:Organisation {id: $a})
       RETURN o.status AS status, a.description AS description,
              EXISTS { (:Alias {id: $pending}) } AS aliased,
              COUNT { (:Change {subjectId: $a}) } AS historyOfA`,
      { pending, a: A },
    );
    expect(state).toEqual({ status: 'PENDING', description: null, aliased: false, historyOfA: 0 });
    const publicView = await new BrowserClient(server).graphql<{
      history: unknown[];
    }>('query ($id: ID!) { history(organisation: $id) { action } }', { id: A });
    expect(publicView.data?.history).toEqual([]);
  });

  it('refuses archived organisations on either side (a rejected registration stays rejected)', async () => {
    const { browser } = await signedIn(db, server, p, 'rejected-registrant');
    const registered = await browser.graphql<{
      registerOrganisation: { organisation: { id: string }; request: { id: string } };
    }>(REGISTER, { input: { name: `${p} Alpha Trust Rejected`, sector: 'NGO' } });
    const { organisation, request } = registered.data!.registerOrganisation;
    const rejected = await curator.graphql(
      'mutation ($id: ID!) { reject(id: $id, reason: "Already listed as Alpha Trust.") { status } }',
      { id: request.id },
    );
    expect(rejected.errors).toBeUndefined();

    const from = await curator.graphql(MERGE, { keep: A, merge: organisation.id, reason: 'Same body.' });
    expect(codeOf(from)).toBe('CONFLICT');
    expect(from.errors![0]!.message).toMatch(/archived/i);
    const into = await curator.graphql(MERGE, { keep: organisation.id, merge: D, reason: 'Same body.' });
    expect(codeOf(into)).toBe('CONFLICT');
    expect(into.errors![0]!.message).toMatch(/archived/i);
    const [state] = await runCypher(
      db.driver,
      'MATCH (o:Organisation {id: $id}) RETURN o.status AS status, EXISTS { (:Alias {id: $id}) } AS aliased',
      { id: organisation.id },
    );
    expect(state).toEqual({ status: 'ARCHIVED', aliased: false });
  });
});

describe('a merge rewrites every stored reference to the merged id', () => {
  it('proposals, open claims and history now name the kept organisation; nothing holds the merged id but its alias', async () => {
    const ownerOfB = await signedIn(db, server, p, 'owner-b');
    const ownerOfC = await signedIn(db, server, p, 'owner-c');
    await owns(ownerOfB.account.id, B);
    await owns(ownerOfC.account.id, C);
    // B proposes a tie with C (proposingOrganisationId = B); it waits for C's answer.
    const proposal = await ownerOfB.browser.graphql<{ proposeRelationship: { id: string } }>(
      'mutation ($input: ProposeRelationshipInput!) { proposeRelationship(input: $input) { id } }',
      { input: { source: B, target: C, kind: 'PARTNERSHIP' } },
    );
    expect(proposal.errors).toBeUndefined();
    const proposed = proposal.data!.proposeRelationship.id;
    // One member claims B; another claims both A and B.
    const claimant = await signedIn(db, server, p, 'claimant');
    const both = await signedIn(db, server, p, 'claims-both');
    for (const [who, id] of [
      [claimant.browser, B],
      [both.browser, A],
      [both.browser, B],
    ] as const) {
      expect((await who.graphql(CLAIM, { id })).errors).toBeUndefined();
    }

    const merged = await curator.graphql(MERGE, { keep: A, merge: B, reason: 'The same trust twice.' });
    expect(merged.errors).toBeUndefined();

    const [tie] = await runCypher(
      db.driver,
      'MATCH ()-[r:PARTNERSHIP {id: $id}]->() RETURN startNode(r).id AS source, r.proposingOrganisationId AS proposing',
      { id: proposed },
    );
    expect(tie).toEqual({ source: A, proposing: A });
    const claims = await runCypher(
      db.driver,
      `MATCH (a:Account)-[:SUBMITTED]->(r:Request {kind: 'CLAIM'}) WHERE a.id IN [$one, $both]
       RETURN a.id AS account, r.status AS status, r.openKey AS openKey, r.decisionReason AS decision,
              COLLECT { MATCH (r)-[:ABOUT]->(o) RETURN o.id } AS about
       ORDER BY account, status`,
      { one: claimant.account.id, both: both.account.id },
    );
    expect(claims).toEqual(
      [
        {
          account: claimant.account.id,
          status: 'PENDING',
          openKey: `CLAIM|${claimant.account.id}|${A}`,
          decision: null,
          about: [A],
        },
        {
          account: both.account.id,
          status: 'PENDING',
          openKey: `CLAIM|${both.account.id}|${A}`,
          decision: null,
          about: [A],
        },
        {
          account: both.account.id,
          status: 'REJECTED',
          openKey: null,
          decision: expect.stringContaining(A),
          about: [A],
        },
      ].sort((x, y) => x.account.localeCompare(y.account) || x.status.localeCompare(y.status)),
    );
    // Nowhere does a stored value still name B, but its alias and the history's record of the merge.
    const leftovers = await runCypher(
      db.driver,
      `CALL () {
         MATCH (n) WHERE NOT n:Alias
         UNWIND keys(n) AS k
         WITH n, k WHERE n[k] = $b OR (n[k] IS :: STRING AND k = 'openKey' AND n[k] CONTAINS $b)
         WITH n, k WHERE NOT (n:Change AND k = 'mergedFrom')
         RETURN labels(n)[0] + '.' + k AS where
         UNION ALL
         MATCH ()-[r]->() UNWIND keys(r) AS k WITH r, k WHERE r[k] = $b
         RETURN type(r) + '.' + k AS where
       }
       RETURN collect(where) AS found`,
      { b: B },
    );
    expect(leftovers).toEqual([{ found: [] }]);
    // The consent still works: C's owner confirms the proposal that now comes from A.
    const confirmed = await ownerOfC.browser.graphql<{ confirmRelationship: { trust: string } }>(
      'mutation ($id: ID!) { confirmRelationship(id: $id) { trust } }',
      { id: proposed },
    );
    expect(confirmed.data?.confirmRelationship.trust).toBe('CONFIRMED');
  });
});

describe('merge candidates from the importer', () => {
  const ns = `${p}-imp:`;
  let dir: string;
  afterAll(async () => {
    await deleteNamespace(db, ns);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an import flags a likely duplicate; the curator sees it in the queue, merges it; the merged id resolves', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-candidates-'));
    const file = path.join(dir, 'grants.json');
    const recipient = (id: string, name: string) => ({
      id,
      name,
      addressLocality: 'Leeds',
      addressCountry: 'United Kingdom',
    });
    const grant = (id: string, to: ReturnType<typeof recipient>) => ({
      id,
      title: id,
      amountAwarded: 5000,
      currency: 'GBP',
      awardDate: '2023-04-01',
      fundingOrganization: [{ id: 'GB-CHC-1000007', name: `${p} Riverside Fund` }],
      recipientOrganization: [to],
    });
    const first = recipient('360G-test-riverside-1', `${p} Riverside Community Trust`);
    const second = recipient('360G-test-riverside-2', `${p} Riverside Communty Trust`);
    fs.writeFileSync(file, JSON.stringify({ grants: [grant('g-1', first), grant('g-2', second)] }));
    const report = await importFiles(db, '360giving', [file], ns);
    expect(report.status).toBe('PUBLISHED');
    const [candidate] = report.candidates;
    expect(candidate).toMatchObject({ rule: 'SIMILAR_NAME' });
    const [keep, merge] = candidate!.organisations;

    const queue = await curator.graphql<{
      reviewQueue: {
        nodes: {
          id: string;
          kind: string;
          mergeCandidate: { rule: string; evidence: string; status: string; organisations: { id: string }[] };
        }[];
      };
    }>(
      `{ reviewQueue(kinds: [MERGE_CANDIDATE], first: 100) { nodes { id kind
          mergeCandidate { rule evidence status organisations { id } } } } }`,
    );
    const item = queue.data!.reviewQueue.nodes.find((n) => n.id === candidate!.id);
    expect(item).toMatchObject({
      kind: 'MERGE_CANDIDATE',
      mergeCandidate: {
        rule: 'SIMILAR_NAME',
        status: 'OPEN',
        organisations: [{ id: keep }, { id: merge }],
      },
    });
    expect(JSON.parse(item!.mergeCandidate.evidence)).toMatchObject({
      names: expect.arrayContaining([expect.stringContaining('riverside')]),
    });

    const merged = await curator.graphql(MERGE, { keep, merge, reason: 'One trust, a typo in a grant.' });
    expect(merged.errors).toBeUndefined();

    const resolved = await server.graphql<{
      organisation: { id: string; name: string };
      neighbourhood: { nodes: { id: string }[] };
    }>(
      `query ($id: ID!) { organisation(id: $id) { id name }
         neighbourhood(ids: [$id], depth: 1) { nodes { id } } }`,
      { id: merge },
    );
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data?.organisation).toEqual({ id: keep, name: `${p} Riverside Community Trust` });
    expect(resolved.data?.neighbourhood.nodes.map((n) => n.id)).toContain(keep);
    const [status] = await runCypher(db.driver, 'MATCH (c:MergeCandidate {id: $id}) RETURN c.status AS s', {
      id: candidate!.id,
    });
    expect(status).toEqual({ s: 'MERGED' });
    const after = await curator.graphql<{ reviewQueue: { nodes: { id: string }[] } }>(
      '{ reviewQueue(kinds: [MERGE_CANDIDATE], first: 100) { nodes { id } } }',
    );
    expect(after.data!.reviewQueue.nodes.map((n) => n.id)).not.toContain(candidate!.id);
  });
});
