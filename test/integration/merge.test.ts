// Merging two organisations (identity model of ../shared/API-CONTRACT.md): every relationship of the
// merged one moves to the kept one with its id, trust, provenance and history; participations,
// identifiers, themes, websites, owners and history move too; the merged id becomes an Alias; merge
// candidates between them are MERGED, others follow the kept organisation; curators only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataVersion } from '../../server/domain/dataVersion.ts';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { NO_PROVENANCE } from '../../server/domain/model.ts';
import { deleteAccountsData, signedIn } from '../support/accounts.ts';
import { codeOf, problemFields, type BrowserClient } from '../support/browserClient.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { initiative, org, participation, rel } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;
const p = uniquePrefix('merge');
const K = `${p}-keep`;
const M = `${p}-merged`;
const [X, Y, Z, W] = ['x', 'y', 'z', 'w'].map((s) => `${p}-${s}`) as [string, string, string, string];
const HIGH = { points: 10_000, seconds: 60 };
let curator: BrowserClient;
let ownerOfM: { id: string; browser: BrowserClient };
let proposedId: string;

beforeAll(async () => {
  db = connectTestDb();
  const source = {
    ...NO_PROVENANCE,
    sourceDataset: '360giving',
    sourceRecord: 'grant-7',
    sourceUrl: 'https://example.org/g7',
  };
  await importSource(
    db.runner,
    sourceFromDataset({
      organisations: [
        org(K, `${p} Keep Trust`, 'NGO', {
          website: 'https://keep.example.org',
          themes: ['Health'],
          identifiers: [{ scheme: 'GB-COH', value: '00000002' }],
        }),
        org(M, `${p} Keep Trust (duplicate)`, 'NGO', {
          website: 'https://keep-trust.example.com',
          themes: ['Housing'],
          identifiers: [{ scheme: 'GB-CHC', value: '1000001' }],
          country: 'United Kingdom',
          city: 'Bristol',
        }),
        org(X, `${p} X Foundation`, 'NGO'),
        org(Y, `${p} Y Council`, 'GOVERNMENT'),
        org(Z, `${p} Z Lab`, 'ACADEMIC'),
        org(W, `${p} W Group`, 'CIVIC_INNOVATOR'),
      ],
      relationships: [
        rel(`${p}-m-x`, M, X, 'FUNDING', {
          trust: 'SOURCED',
          amount: 1200,
          currency: 'GBP',
          since: '2020-01-01',
          provenance: source,
        }),
        rel(`${p}-y-m`, Y, M, 'PARTNERSHIP', { trust: 'CONFIRMED' }),
        rel(`${p}-m-k`, M, K, 'PARTNERSHIP', { trust: 'IMPORTED' }),
        rel(`${p}-k-x`, K, X, 'PARTNERSHIP', { trust: 'IMPORTED' }),
      ],
      initiatives: [initiative(`${p}-i1`, `${p}-i1`, 'PILOT'), initiative(`${p}-i2`, `${p}-i2`, 'PILOT')],
      participations: [
        participation(`${p}-i1`, K, 'LEAD'),
        participation(`${p}-i1`, M, 'PARTNER'),
        participation(`${p}-i2`, M, 'FUNDER', { since: '2021-01-01' }),
      ],
      places: [],
    }),
    { recordedBy: 'import:test' },
  );
  server = await startTestServer(db, {
    auth: { rateLimits: { mutationsPerAddress: HIGH, mutationsPerAccount: HIGH } },
  });
  curator = (await signedIn(db, server, p, 'curator', 'CURATOR')).browser;
  const owner = await signedIn(db, server, p, 'owner');
  ownerOfM = { id: owner.account.id, browser: owner.browser };
  await runCypher(
    db.driver,
    `MATCH (a:Account {id: $a}), (m:Organisation {id: $m}) CREATE (a)-[:OWNS {verified: true, since: datetime()}]->(m)
     CREATE (:Alias {id: $old})-[:ALIAS_OF]->(m)
     WITH m MATCH (k:Organisation {id: $k}), (w:Organisation {id: $w})
     CREATE (c1:MergeCandidate {id: $mc1, rule: 'similar-name', evidence: '{"names":["a","b"]}', score: 0.8, status: 'OPEN', createdAt: datetime('2024-01-01T00:00:00Z'), importRunId: 'run-1'})
     CREATE (c1)-[:CANDIDATE_OF]->(k), (c1)-[:CANDIDATE_OF]->(m)
     CREATE (c2:MergeCandidate {id: $mc2, rule: 'same-host', evidence: '{}', score: 0.4, status: 'OPEN', createdAt: '2024-01-02T00:00:00Z', importRunId: 'run-1'})
     CREATE (c2)-[:CANDIDATE_OF]->(m), (c2)-[:CANDIDATE_OF]->(w)`,
    { a: owner.account.id, m: M, k: K, w: W, old: `${p}-old-id`, mc1: `${p}-mc1`, mc2: `${p}-mc2` },
  );
  // History on the merged organisation and on a relationship it proposed, made through the API.
  const edit = await ownerOfM.browser.graphql(
    'mutation ($id: ID!) { updateOrganisation(id: $id, changes: { kind: "charity" }) { id } }',
    { id: M },
  );
  expect(edit.errors).toBeUndefined();
  const proposal = await ownerOfM.browser.graphql<{ proposeRelationship: { id: string } }>(
    'mutation ($input: ProposeRelationshipInput!) { proposeRelationship(input: $input) { id } }',
    { input: { source: M, target: Z, kind: 'DATA_SHARING' } },
  );
  proposedId = proposal.data!.proposeRelationship.id;
});
afterAll(async () => {
  await server?.close();
  await deleteAccountsData(db, p);
  await deleteByPrefix(db, p);
  await db.close();
});

const MERGE =
  'mutation ($keep: ID!, $merge: ID!, $reason: String!) { mergeOrganisations(keep: $keep, merge: $merge, reason: $reason) { id } }';

async function relationshipsOf(id: string) {
  return runCypher(
    db.driver,
    `MATCH (o:Organisation {id: $id})-[r]-(other:Organisation)
     RETURN r.id AS id, type(r) AS kind, startNode(r).id AS source, endNode(r).id AS target, r.trust AS trust,
            r.amount AS amount, r.sourceDataset AS sourceDataset, r.sourceRecord AS sourceRecord, r.since AS since,
            r.proposedBy AS proposedBy
     ORDER BY id`,
    { id },
  );
}

describe('the review queue lists merge candidates', () => {
  it('shows open candidates with their rule, evidence and both organisations, oldest first, paged', async () => {
    const first = await curator.graphql<{
      reviewQueue: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: { id: string; kind: string; mergeCandidate: unknown }[];
      };
    }>(
      `{ reviewQueue(kinds: [MERGE_CANDIDATE], first: 100) { totalCount pageInfo { hasNextPage endCursor }
          nodes { id kind mergeCandidate { rule evidence score status importRunId organisations { id } } } } }`,
    );
    const mine = first.data!.reviewQueue.nodes.filter((n) => n.id.startsWith(p));
    expect(mine).toEqual([
      {
        id: `${p}-mc1`,
        kind: 'MERGE_CANDIDATE',
        mergeCandidate: {
          rule: 'similar-name',
          evidence: '{"names":["a","b"]}',
          score: 0.8,
          status: 'OPEN',
          importRunId: 'run-1',
          organisations: [{ id: K }, { id: M }],
        },
      },
      {
        id: `${p}-mc2`,
        kind: 'MERGE_CANDIDATE',
        mergeCandidate: {
          rule: 'same-host',
          evidence: '{}',
          score: 0.4,
          status: 'OPEN',
          importRunId: 'run-1',
          organisations: [{ id: M }, { id: W }],
        },
      },
    ]);
    // Pages of one follow each other without repeats.
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 200; i++) {
      const page: {
        data?: {
          reviewQueue: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
        };
      } = await curator.graphql(
        'query ($after: String) { reviewQueue(kinds: [MERGE_CANDIDATE], first: 1, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      seen.push(...page.data!.reviewQueue.nodes.map((n) => n.id));
      if (!page.data!.reviewQueue.pageInfo.hasNextPage) break;
      after = page.data!.reviewQueue.pageInfo.endCursor;
    }
    expect(seen.filter((id) => id.startsWith(p))).toEqual([`${p}-mc1`, `${p}-mc2`]);
    expect(new Set(seen).size).toBe(seen.length);
    const foreign = await curator.graphql(
      '{ reviewQueue(first: 1, after: "eyJsIjoib3RoZXIiLCJrIjpbXSwiaSI6IngifQ") { totalCount } }',
    );
    expect(problemFields(foreign)).toEqual(['after']);
  });
});

describe('mergeOrganisations', () => {
  it('refuses members, a merge with itself, and a missing reason', async () => {
    expect(codeOf(await ownerOfM.browser.graphql(MERGE, { keep: K, merge: M, reason: 'Same body.' }))).toBe(
      'FORBIDDEN',
    );
    expect(problemFields(await curator.graphql(MERGE, { keep: K, merge: K, reason: 'Same body.' }))).toEqual([
      'merge',
    ]);
    expect(problemFields(await curator.graphql(MERGE, { keep: K, merge: M, reason: '' }))).toEqual([
      'reason',
    ]);
    expect(await runCypher(db.driver, 'MATCH (m:Organisation {id: $m}) RETURN m.id AS id', { m: M })).toEqual(
      [{ id: M }],
    );
  });

  it('keeps every relationship (same id, kind, direction, trust, provenance) and its history, and everything else', async () => {
    const versionBefore = await dataVersion(db.runner);
    const movedBefore = (await relationshipsOf(M)).filter((r) => r.id !== `${p}-m-k`);
    expect(movedBefore.map((r) => r.id).sort()).toEqual([`${p}-m-x`, `${p}-y-m`, proposedId].sort());

    const reply = await curator.graphql<{ mergeOrganisations: { id: string } }>(MERGE, {
      keep: K,
      merge: M,
      reason: 'The same charity, registered twice.',
    });
    expect(reply.errors).toBeUndefined();
    expect(reply.data?.mergeOrganisations.id).toBe(K);

    // Every relationship of M now hangs on K, unchanged but for that end; the M–K tie is removed.
    const after = await relationshipsOf(K);
    const expected = movedBefore.map((r) => ({
      ...r,
      source: r.source === M ? K : r.source,
      target: r.target === M ? K : r.target,
    }));
    for (const r of expected) expect(after).toContainEqual(r);
    expect(after.find((r) => r.id === `${p}-m-x`)).toMatchObject({
      trust: 'SOURCED',
      amount: 1200,
      sourceDataset: '360giving',
      since: '2020-01-01',
    });
    expect(after.map((r) => r.id)).toContain(`${p}-k-x`);
    expect(after.map((r) => r.id)).not.toContain(`${p}-m-k`);

    // The merged organisation is gone; its id and its aliases resolve to the kept one.
    const [state] = await runCypher(
      db.driver,
      `OPTIONAL MATCH (m:Organisation {id: $m})
       MATCH (k:Organisation {id: $k})
       RETURN m IS NULL AS gone, k.identifiers AS identifiers, k.websites AS websites, k.website AS website,
              COLLECT { MATCH (a:Alias)-[:ALIAS_OF]->(k) RETURN a.id ORDER BY a.id } AS aliases,
              COLLECT { MATCH (k)-[:WORKS_ON]->(t) RETURN t.name ORDER BY t.name } AS themes,
              COLLECT { MATCH (k)-[pi:PARTICIPATES_IN]->(i) RETURN [i.id, pi.role] ORDER BY i.id } AS participations,
              COLLECT { MATCH (k)-[:LOCATED_IN]->(pl) RETURN pl.name } AS place,
              COLLECT { MATCH (a:Account)-[w:OWNS]->(k) RETURN [a.id, w.verified] } AS owners`,
      { m: M, k: K },
    );
    expect(state).toEqual({
      gone: true,
      identifiers: ['GB-COH:00000002', 'GB-CHC:1000001'],
      websites: ['https://keep.example.org', 'https://keep-trust.example.com'],
      website: 'https://keep.example.org',
      aliases: [M, `${p}-old-id`].sort(),
      themes: ['Health', 'Housing'],
      participations: [
        [`${p}-i1`, 'LEAD'],
        [`${p}-i2`, 'FUNDER'],
      ],
      place: ['Bristol'],
      owners: [[ownerOfM.id, true]],
    });
    // Candidates: the pair's is MERGED (and still names the merged id), the other follows the kept one.
    const candidates = await runCypher(
      db.driver,
      `MATCH (c:MergeCandidate) WHERE c.id IN [$mc1, $mc2]
       RETURN c.id AS id, c.status AS status, COLLECT { MATCH (c)-[:CANDIDATE_OF]->(n) RETURN n.id ORDER BY n.id } AS ends ORDER BY id`,
      { mc1: `${p}-mc1`, mc2: `${p}-mc2` },
    );
    expect(candidates).toEqual([
      { id: `${p}-mc1`, status: 'MERGED', ends: [K, M].sort() },
      { id: `${p}-mc2`, status: 'OPEN', ends: [K, W].sort() },
    ]);
    // History: the merged organisation's entries moved to the kept one, with the merge on top.
    const history = await curator.graphql<{
      history: { action: string; reason: string | null; changes: { field: string; to: string }[] }[];
    }>('query ($id: ID!) { history(organisation: $id) { action reason changes { field from to } } }', {
      id: K,
    });
    expect(history.data?.history.map((h) => h.action)).toEqual(['MERGED', 'UPDATED']);
    expect(history.data?.history[0]).toMatchObject({
      reason: 'The same charity, registered twice.',
      changes: expect.arrayContaining([
        { field: 'merged', from: null, to: `${p} Keep Trust (duplicate) (${M})` },
      ]),
    });
    // A moved relationship keeps its history, with the move added.
    const relHistory = await curator.graphql<{ history: { action: string; changes: unknown[] }[] }>(
      'query ($id: ID!) { history(relationship: $id) { action changes { field from to } } }',
      { id: proposedId },
    );
    expect(relHistory.data?.history).toEqual([
      { action: 'MERGED', changes: [{ field: 'source', from: M, to: K }] },
      expect.objectContaining({ action: 'CREATED' }),
    ]);
    const removed = await curator.graphql<{ history: { action: string }[] }>(
      'query ($id: ID!) { history(relationship: $id) { action } }',
      {
        id: `${p}-m-k`,
      },
    );
    expect(removed.data?.history).toEqual([{ action: 'REMOVED' }]);
    // The proposal moved with its relationship: the proposing side is still an owner's organisation.
    expect(after.find((r) => r.id === proposedId)?.proposedBy).toBe(ownerOfM.id);
    expect(await dataVersion(db.runner)).toBeGreaterThan(versionBefore);
    // The merged id is an alias now, not an organisation: merging it again is NOT_FOUND.
    expect(codeOf(await curator.graphql(MERGE, { keep: K, merge: M, reason: 'Again.' }))).toBe('NOT_FOUND');
    // The public API shows the kept organisation with the moved relationships.
    const publicView = await curator.graphql<{ organisation: { relationships: { id: string }[] } }>(
      'query ($id: ID!) { organisation(id: $id) { relationships { id } } }',
      { id: K },
    );
    expect(publicView.data?.organisation.relationships.map((r) => r.id).sort()).toEqual(
      [`${p}-m-x`, `${p}-y-m`, `${p}-k-x`, proposedId].sort(),
    );
  });

  it('dismisses an open candidate once, with a reason', async () => {
    const DISMISS =
      'mutation ($id: ID!, $r: String!) { dismissMergeCandidate(id: $id, reason: $r) { id status organisations { id } } }';
    expect(codeOf(await ownerOfM.browser.graphql(DISMISS, { id: `${p}-mc2`, r: 'Different groups.' }))).toBe(
      'FORBIDDEN',
    );
    const dismissed = await curator.graphql(DISMISS, { id: `${p}-mc2`, r: 'Different groups.' });
    expect(dismissed.data).toEqual({
      dismissMergeCandidate: { id: `${p}-mc2`, status: 'DISMISSED', organisations: [{ id: K }, { id: W }] },
    });
    expect(codeOf(await curator.graphql(DISMISS, { id: `${p}-mc2`, r: 'Different groups.' }))).toBe(
      'CONFLICT',
    );
    expect(codeOf(await curator.graphql(DISMISS, { id: `${p}-nope`, r: 'Different groups.' }))).toBe(
      'NOT_FOUND',
    );
  });
});
