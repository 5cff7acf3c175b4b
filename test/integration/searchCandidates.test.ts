// searchCandidates (the full-text query of a text-filtered list) sends the end of each hit's element id
// after the snapshot's prefix, in rows of at most 500 hits, and the element ids that do not start with
// the prefix whole; indexAnswerOf keys them as the snapshot keys organisations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { emptyDataset } from '../../server/domain/model.ts';
import { indexAnswerOf, type CandidateRow } from '../../server/domain/network/organisationList.ts';
import { nodeKey } from '../../server/domain/network/snapshot.ts';
import { runCypher } from '../support/cypher.ts';
import { deleteByPrefix, connectTestDb, uniquePrefix, type TestDb } from '../support/db.ts';
import { org } from '../support/fixtures.ts';

let db: TestDb;
const p = uniquePrefix('cand');
const w = p.replace(/[^a-zA-Z0-9]/g, '').toLowerCase();
const HITS = 520;
let elementIds: string[];
let prefix: string;

beforeAll(async () => {
  db = connectTestDb();
  const organisations = Array.from({ length: HITS }, (_, k) =>
    org(`${p}-${k}`, `${w} Candidate ${k}`, 'NGO'),
  );
  await importSource(db.runner, sourceFromDataset({ ...emptyDataset(), organisations }), {
    recordedBy: 'import:test',
  });
  const rows = await runCypher(
    db.driver,
    'MATCH (o:Organisation) WHERE o.id STARTS WITH $p RETURN elementId(o) AS e',
    { p: `${p}-` },
  );
  elementIds = rows.map((r) => String(r.e)).sort();
  prefix = elementIds[0]!.slice(0, elementIds[0]!.lastIndexOf(':') + 1);
}, 120_000);
afterAll(async () => {
  await deleteByPrefix(db, p);
  await db.close();
});

const ask = (lucene: string, at: string) =>
  db.runner.read<CandidateRow>('searchCandidates', {
    lucene,
    candidates: 1000,
    keep: 1000,
    prefix: at,
  });

describe('searchCandidates', () => {
  it('sends every hit in rows of at most 500, keyed as the snapshot keys organisations', async () => {
    const rows = await ask(`name:${w}`, prefix);
    expect(rows.map((r) => r.tails.length).sort((a, b) => b - a)).toEqual([500, HITS - 500]);
    const answer = indexAnswerOf(rows, prefix);
    expect(answer.candidates).toBe(HITS);
    expect(answer.others).toEqual([]);
    expect(answer.keys.map((k) => `${prefix}${String(k)}`).sort()).toEqual(elementIds);
    for (const e of elementIds) expect(nodeKey(e, prefix)).toBeGreaterThanOrEqual(0);
    expect(answer.scores).toHaveLength(HITS);
    expect(typeof answer.dataVersion).toBe('number');
  });

  it('sends whole the element ids that do not start with the prefix, in hit order', async () => {
    const rows = await ask(`name:${w}`, 'not-a-prefix:');
    expect(rows.flatMap((r) => r.tails).every((t) => t === null)).toBe(true);
    const answer = indexAnswerOf(rows, 'not-a-prefix:');
    expect(answer.keys.every((k) => k === -1)).toBe(true);
    expect([...answer.others].sort()).toEqual(elementIds);
  });

  it('answers one row without hits when nothing matches', async () => {
    const rows = await ask(`name:${w}zzz`, prefix);
    expect(rows).toHaveLength(1);
    expect(indexAnswerOf(rows, prefix)).toMatchObject({ candidates: 0, last: null, keys: [], others: [] });
  });
});
