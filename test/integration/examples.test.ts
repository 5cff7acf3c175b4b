// Every example the product shows runs without errors and finds something in the demo data: the query
// editor's tabs (client/editor/examples.graphql).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExamples } from '../../client/editor/parseExamples.ts';
import { loadDemoData } from '../../server/domain/import/demo.ts';
import { connectTestDb, type TestDb } from '../support/db.ts';
import { ROOT } from '../support/processes.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;

beforeAll(async () => {
  db = connectTestDb();
  await loadDemoData(db.runner);
  server = await startTestServer(db);
});
afterAll(async () => {
  await server?.close();
  await db.close();
});

const examples = parseExamples(fs.readFileSync(path.join(ROOT, 'client/editor/examples.graphql'), 'utf8'));

/** True when some list in the answer has items, or some count is above zero. */
function foundSomething(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return value > 0;
  if (value && typeof value === 'object') return Object.values(value).some(foundSomething);
  return false;
}

describe('the query editor examples', () => {
  it('are one per research question', () => {
    expect(examples.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        'DegreeRanking',
        'FundingOverAmount',
        'Path',
        'SectorMix',
        'AsOfComparison',
        'DisputedTies',
      ]),
    );
    for (const e of examples) expect(e.comment.length).toBeGreaterThan(10);
  });

  it.each(examples.map((e) => [e.name, e.query] as const))(
    '%s runs on the demo data and finds something',
    async (_, query) => {
      const { data, errors } = await server.graphql(query);
      expect(errors).toBeUndefined();
      expect(foundSomething(data)).toBe(true);
    },
  );
});
