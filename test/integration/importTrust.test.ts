// Re-importing open data never overwrites what people decided about a relationship: a trust state set by
// people (CONFIRMED, CLAIMED, DISPUTED, a curator's SOURCED) and its consent and dispute data stay, the
// imported values (amount, dates…) are corrected, and the run report says how many it kept. The atlas
// format (an admin's restore or round trip) writes what its file says.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeReport } from '../../server/domain/import/report.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, uniquePrefix, type TestDb } from '../support/db.ts';
import { deleteNamespace, importFiles } from '../support/imports.ts';

let db: TestDb;
const p = uniquePrefix('trust');
const ns = `${p}/`;
let dir: string;

beforeAll(() => {
  db = connectTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-trust-'));
});
afterAll(async () => {
  await deleteNamespace(db, ns);
  fs.rmSync(dir, { recursive: true, force: true });
  await db.close();
});

const grantsFile = (amount: number) => {
  const funder = { id: 'GB-CHC-1000008', name: `${p} Harbour Fund` };
  const grant = (n: number) => ({
    id: `g-${n}`,
    title: `Grant ${n}`,
    amountAwarded: amount + n,
    currency: 'GBP',
    awardDate: '2022-01-01',
    fundingOrganization: [funder],
    recipientOrganization: [{ id: `GB-CHC-200000${n}`, name: `${p} Recipient ${n}` }],
  });
  const file = path.join(dir, 'grants.json');
  fs.writeFileSync(file, JSON.stringify({ grants: [1, 2, 3, 4, 5].map(grant) }));
  return file;
};

const relId = (n: number) => `${ns}360g:g-${n}`;

async function ties() {
  return runCypher(
    db.driver,
    `MATCH ()-[r:FUNDING]->() WHERE r.id STARTS WITH $ns
     RETURN r.id AS id, r.trust AS trust, r.amount AS amount, r.disputeReason AS disputeReason,
            r.disputedBy AS disputedBy, r.previousTrust AS previousTrust, r.confirmedBy AS confirmedBy,
            r.sourcedBy AS sourcedBy
     ORDER BY id`,
    { ns },
  );
}

describe('an open-data re-import and trust set by people', () => {
  it('keeps CONFIRMED, CLAIMED, DISPUTED (with its dispute) and a curator’s SOURCED; corrects the values; reports how many it kept', async () => {
    const first = await importFiles(db, '360giving', [grantsFile(1000)], ns);
    expect(first.status).toBe('PUBLISHED');
    expect((await ties()).map((t) => t.trust)).toEqual(Array(5).fill('IMPORTED'));

    // People act on four of the five ties (as confirmRelationship, disputeRelationship and a curator's
    // approval store it).
    await runCypher(
      db.driver,
      `MATCH ()-[r:FUNDING]->() WHERE r.id = $g1 SET r.trust = 'CONFIRMED', r.confirmedBy = 'acc-x', r.confirmedAt = datetime()
       WITH 1 AS _ MATCH ()-[r:FUNDING]->() WHERE r.id = $g2
       SET r.trust = 'DISPUTED', r.previousTrust = 'IMPORTED', r.disputeReason = 'We never got this grant.', r.disputedBy = 'acc-y', r.disputedAt = datetime()
       WITH 1 AS _ MATCH ()-[r:FUNDING]->() WHERE r.id = $g3 SET r.trust = 'CLAIMED', r.proposedBy = 'acc-z'
       WITH 1 AS _ MATCH ()-[r:FUNDING]->() WHERE r.id = $g4 SET r.trust = 'SOURCED', r.sourcedBy = 'acc-curator'`,
      { g1: relId(1), g2: relId(2), g3: relId(3), g4: relId(4) },
    );

    // The same dataset again, with corrected amounts: the `correct` mode.
    const again = await importFiles(db, '360giving', [grantsFile(2000)], ns);
    expect(again.status).toBe('PUBLISHED');
    expect(again.counts.relationships).toMatchObject({ updated: 5, keptTrust: 4 });
    expect(describeReport(again).join('\n')).toContain('kept 4 people-set trust states');

    expect(await ties()).toEqual([
      {
        id: relId(1),
        trust: 'CONFIRMED',
        amount: 2001,
        disputeReason: null,
        disputedBy: null,
        previousTrust: null,
        confirmedBy: 'acc-x',
        sourcedBy: null,
      },
      {
        id: relId(2),
        trust: 'DISPUTED',
        amount: 2002,
        disputeReason: 'We never got this grant.',
        disputedBy: 'acc-y',
        previousTrust: 'IMPORTED',
        confirmedBy: null,
        sourcedBy: null,
      },
      expect.objectContaining({ id: relId(3), trust: 'CLAIMED', amount: 2003 }),
      expect.objectContaining({ id: relId(4), trust: 'SOURCED', amount: 2004, sourcedBy: 'acc-curator' }),
      expect.objectContaining({ id: relId(5), trust: 'IMPORTED', amount: 2005 }),
    ]);
  });

  it('a person’s confirmation made while a re-import runs is kept by the run’s final transaction', async () => {
    // Ties 1–4 keep the states people set above. The run reads tie 5 as IMPORTED, then (before it
    // publishes) its other side confirms it: the run's final transaction must not undo that.
    const during = await importFiles(db, '360giving', [grantsFile(3000)], ns, {
      beforePublish: async () => {
        await runCypher(
          db.driver,
          `MATCH ()-[r:FUNDING]->() WHERE r.id = $id SET r.trust = 'CONFIRMED', r.confirmedBy = 'acc-w'`,
          { id: relId(5) },
        );
      },
    });
    expect(during.status).toBe('PUBLISHED');
    expect(during.counts.relationships).toMatchObject({ updated: 5, keptTrust: 4 });
    const [tie] = await runCypher(
      db.driver,
      'MATCH ()-[r:FUNDING]->() WHERE r.id = $id RETURN r.trust AS trust, r.amount AS amount, r.confirmedBy AS by',
      { id: relId(5) },
    );
    expect(tie).toEqual({ trust: 'CONFIRMED', amount: 3005, by: 'acc-w' });
  });

  it('the atlas format writes the trust state its file gives (an admin’s restore), and keeps none', async () => {
    const atlas = path.join(dir, 'atlas');
    fs.mkdirSync(atlas);
    fs.writeFileSync(
      path.join(atlas, 'organisations.csv'),
      'id,name,sector,kind,description,website,country,region,city,themes,identifiers\n' +
        `${p}-a,${p} Atlas A,NGO,,,,,,,,\n${p}-b,${p} Atlas B,NGO,,,,,,,,\n`,
    );
    fs.writeFileSync(
      path.join(atlas, 'relationships.csv'),
      'id,source,target,kind,since,until,amount,currency,trust,description,source_url\n' +
        `atlas-1,${p}-a,${p}-b,PARTNERSHIP,,,,,SOURCED,,https://example.org/${p}/mou\n`,
    );
    const atlasNs = `${ns}atlas/`;
    const first = await importFiles(db, 'atlas', [atlas], atlasNs);
    expect(first.problems).toEqual([]);
    expect(first.status).toBe('PUBLISHED');
    await runCypher(
      db.driver,
      `MATCH ()-[r:PARTNERSHIP {id: $id}]->() SET r.trust = 'DISPUTED', r.disputeReason = 'Wrong.'`,
      { id: `${atlasNs}atlas-1` },
    );
    const restored = await importFiles(db, 'atlas', [atlas], atlasNs);
    expect(restored.status).toBe('PUBLISHED');
    expect(restored.counts.relationships).toMatchObject({ updated: 1, keptTrust: 0 });
    expect(describeReport(restored).join('\n')).not.toContain('people-set');
    const [tie] = await runCypher(
      db.driver,
      'MATCH ()-[r:PARTNERSHIP {id: $id}]->() RETURN r.trust AS trust',
      { id: `${atlasNs}atlas-1` },
    );
    expect(tie).toEqual({ trust: 'SOURCED' });
  });
});
