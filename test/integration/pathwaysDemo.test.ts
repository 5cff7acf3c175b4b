// The demo data shows what innovation pathways are for: several complete pathways (IDEA → PILOT →
// SCALING → ADOPTED), some that stalled (pilots with no step for two years or more, pilots that ended),
// and at least one innovation adopted by more than one government. Other tests share the database, so
// only the demo's own initiatives (data/demo/initiatives.csv) are looked at.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIR, loadDemoData } from '../../server/domain/import/demo.ts';
import { connectTestDb, type TestDb } from '../support/db.ts';
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

const demoIds = new Set(
  fs
    .readFileSync(path.join(DEMO_DIR, 'initiatives.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(0, line.indexOf(','))),
);

interface Node {
  initiative: { id: string; name: string };
  currentStage: string;
  stages: { stage: string; from: string; funders: unknown[]; partners: unknown[] }[];
  adoptedBy: { organisation: { id: string; sector: string } }[];
}

interface Page {
  innovationPathways: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Node[] };
}

const QUERY = `query ($after: String) {
  innovationPathways(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      initiative { id name }
      currentStage
      stages { stage from funders { since } partners { since } }
      adoptedBy { organisation { id sector } }
    }
  } }`;

async function demoPathways(): Promise<Node[]> {
  const all: Node[] = [];
  let after: string | null = null;
  for (;;) {
    const result: { data?: Page; errors?: unknown[] } = await server.graphql<Page>(QUERY, { after });
    const { data, errors } = result;
    expect(errors).toBeUndefined();
    all.push(...data!.innovationPathways.nodes);
    if (!data!.innovationPathways.pageInfo.hasNextPage) break;
    after = data!.innovationPathways.pageInfo.endCursor;
  }
  return all.filter((n) => demoIds.has(n.initiative.id));
}

describe('innovation pathways in the demo data', () => {
  it('has every demo initiative with a history', async () => {
    expect(demoIds.size).toBeGreaterThan(30);
    expect((await demoPathways()).map((n) => n.initiative.id).sort()).toEqual([...demoIds].sort());
  });

  it('shows several complete pathways, some stalled ones and one adopted by more than one government', async () => {
    const pathways = await demoPathways();
    const complete = pathways.filter(
      (n) => n.stages.map((s) => s.stage).join(' ') === 'IDEA PILOT SCALING ADOPTED',
    );
    expect(complete.length).toBeGreaterThanOrEqual(3);
    // Complete pathways show their supporters along the way.
    expect(complete.some((n) => n.stages.some((s) => s.funders.length + s.partners.length > 0))).toBe(true);

    const stuck = pathways.filter(
      (n) => n.currentStage === 'PILOT' && n.stages[n.stages.length - 1]!.from <= '2023-12-31',
    );
    const endedAfterPilot = pathways.filter(
      (n) => n.currentStage === 'ENDED' && n.stages[n.stages.length - 2]?.stage === 'PILOT',
    );
    expect(stuck.length).toBeGreaterThanOrEqual(2);
    expect(endedAfterPilot.length).toBeGreaterThanOrEqual(2);

    const byGovernments = pathways.filter(
      (n) =>
        new Set(
          n.adoptedBy.filter((a) => a.organisation.sector === 'GOVERNMENT').map((a) => a.organisation.id),
        ).size >= 2,
    );
    expect(byGovernments.length).toBeGreaterThanOrEqual(1);
  });
});
