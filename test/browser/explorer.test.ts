/// <reference lib="dom" />
// The explorer in a real Chromium: search a demo organisation, see it and its neighbours in the graph.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadDemoData } from '../../server/domain/import/demo.ts';
import { CLIENT_DIST_TEST } from '../../server/http/app.ts';
import { connectTestDb, type TestDb } from '../support/db.ts';
import { ROOT } from '../support/processes.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p) => p && fs.existsSync(p),
  );
  if (!found)
    throw new Error(
      'Chromium not found: npm test installs it (apt-get install -y chromium) or set CHROMIUM_PATH.',
    );
  return found;
}

let db: TestDb;
let server: TestServer;
let browser: Browser;
let page: Page;
const artifacts = path.join(ROOT, 'test/.artifacts');

beforeAll(async () => {
  if (!fs.existsSync(path.join(CLIENT_DIST_TEST, 'index.html'))) {
    throw new Error('client/dist-test is missing: run "npm test" (its set-up builds the test build).');
  }
  db = connectTestDb();
  await loadDemoData(db.runner);
  server = await startTestServer(db, { clientDir: CLIENT_DIST_TEST });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => console.error('page error:', error));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

interface CyNodeInfo {
  id: string;
  sector: string;
}

async function graphNodes(p: Page): Promise<CyNodeInfo[]> {
  return p.evaluate(() => {
    const cy = (window as unknown as { __atlas?: { cy?: import('cytoscape').Core } }).__atlas?.cy;
    return cy ? cy.nodes().map((n) => ({ id: n.id(), sector: String(n.data('sector')) })) : [];
  });
}

describe('explorer', () => {
  it('searches a demo organisation and shows it with its neighbours, coloured by sector', async () => {
    // Pick a well-connected demo organisation through the API, as the test must not hard-code data.
    const hub = await server.graphql<{
      neighbourhood: { nodes: { id: string; name: string; degree: number }[] };
    }>(`query { searchOrganisations(query: "council", first: 10) { id name degree } }`);
    const candidates = (
      hub.data as unknown as { searchOrganisations: { id: string; name: string; degree: number }[] }
    ).searchOrganisations;
    const target = [...candidates].sort((a, b) => b.degree - a.degree)[0];
    expect(target, 'the demo data has councils').toBeDefined();
    const expected = await server.graphql<{
      neighbourhood: { nodes: { id: string }[]; edges: { id: string }[] };
    }>('query ($ids: [ID!]!) { neighbourhood(ids: $ids) { nodes { id } edges { id } } }', {
      ids: [target!.id],
    });
    const expectedIds = expected.data!.neighbourhood.nodes.map((n) => n.id).sort();
    expect(expectedIds.length).toBeGreaterThan(1);

    await page.goto(server.url);
    await page.getByTestId('search-input').fill(target!.name);
    const option = page.getByTestId('search-result').filter({ hasText: target!.name }).first();
    await option.waitFor();
    await option.click();

    await page.waitForFunction(
      (count) => {
        const cy = (window as unknown as { __atlas?: { cy?: import('cytoscape').Core } }).__atlas?.cy;
        return cy !== undefined && cy.nodes().length === count;
      },
      expectedIds.length,
      { timeout: 30_000 },
    );
    const nodes = await graphNodes(page);
    expect(nodes.map((n) => n.id).sort()).toEqual(expectedIds);
    const edgeCount = await page.evaluate(
      () => (window as unknown as { __atlas: { cy: import('cytoscape').Core } }).__atlas.cy.edges().length,
    );
    expect(edgeCount).toBe(expected.data!.neighbourhood.edges.length);

    // Sector drives colour: nodes of different sectors are painted differently.
    const colours = await page.evaluate(() => {
      const cy = (window as unknown as { __atlas: { cy: import('cytoscape').Core } }).__atlas.cy;
      const bySector: Record<string, string> = {};
      cy.nodes().forEach((n) => {
        bySector[String(n.data('sector'))] = n.style('background-color');
      });
      return bySector;
    });
    expect(Object.keys(colours).length).toBeGreaterThan(1);
    expect(new Set(Object.values(colours)).size).toBe(Object.keys(colours).length);

    await expect.poll(() => page.getByTestId('legend').textContent()).toMatch(/Government/i);
    await expect.poll(() => page.getByTestId('details-panel').textContent()).toContain(target!.name);
    expect(page.url()).toContain(`org=${encodeURIComponent(target!.id)}`);

    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'explorer.png') });
  });

  it('restores the view from the URL', async () => {
    const url = page.url();
    const before = (await graphNodes(page)).map((n) => n.id).sort();
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.goto(url);
    await fresh.waitForFunction(
      (count) =>
        (window as unknown as { __atlas?: { cy?: import('cytoscape').Core } }).__atlas?.cy?.nodes().length ===
        count,
      before.length,
      { timeout: 30_000 },
    );
    expect((await graphNodes(fresh)).map((n) => n.id).sort()).toEqual(before);
    await fresh.close();
  });

  it('expands many nodes at once with a few requests at a time, and aborts the ones a new view supersedes', async () => {
    // A well-connected demo organisation and its neighbours, from the API.
    const found = await server.graphql<{ searchOrganisations: { id: string; degree: number }[] }>(
      'query { searchOrganisations(query: "council", first: 20) { id degree } }',
    );
    const hub = [...found.data!.searchOrganisations].sort((a, b) => b.degree - a.degree)[0]!;
    const around = await server.graphql<{ neighbourhood: { nodes: { id: string }[] } }>(
      'query ($ids: [ID!]!) { neighbourhood(ids: $ids) { nodes { id } } }',
      { ids: [hub.id] },
    );
    const neighbours = around.data!.neighbourhood.nodes.map((n) => n.id).filter((id) => id !== hub.id);
    expect(neighbours.length, 'the demo hub has many neighbours').toBeGreaterThanOrEqual(10);

    const tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let inFlight = 0;
    let mostInFlight = 0;
    let aborted = 0;
    const isNeighbourhood = (request: import('playwright-core').Request) =>
      request.url().endsWith('/graphql') && (request.postData() ?? '').includes('neighbourhood(');
    tab.on('request', (request) => {
      if (!isNeighbourhood(request)) return;
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
    });
    tab.on('requestfinished', (request) => {
      if (isNeighbourhood(request)) inFlight -= 1;
    });
    tab.on('requestfailed', (request) => {
      if (!isNeighbourhood(request)) return;
      inFlight -= 1;
      if (/ABORTED/i.test(request.failure()?.errorText ?? '')) aborted += 1;
    });
    // Slow answers, so that requests overlap as they would on a real network.
    await tab.route('**/graphql', async (route) => {
      if ((route.request().postData() ?? '').includes('neighbourhood('))
        await new Promise((r) => setTimeout(r, 400));
      await route.continue().catch(() => {});
    });

    await tab.goto(`${server.url}/?org=${encodeURIComponent(hub.id)}`);
    await tab.waitForFunction(
      () =>
        ((window as unknown as { __atlas?: { cy?: import('cytoscape').Core } }).__atlas?.cy?.nodes().length ??
          0) > 1,
      undefined,
      { timeout: 30_000 },
    );
    // Expand every neighbour in one step (as a shared link does), then go back before they have all arrived.
    const expanded = `?org=${encodeURIComponent(hub.id)}${neighbours.map((id) => `&expand=${encodeURIComponent(id)}`).join('')}`;
    await tab.evaluate((search) => {
      history.pushState(null, '', search);
      dispatchEvent(new PopStateEvent('popstate'));
    }, expanded);
    await new Promise((r) => setTimeout(r, 600));
    await tab.goBack();
    await expect.poll(() => inFlight, { timeout: 30_000 }).toBe(0);

    expect(mostInFlight, 'concurrent neighbourhood requests').toBeLessThanOrEqual(4);
    expect(aborted, 'requests for the expansions that were undone').toBeGreaterThan(0);
    await tab.close();
  });
});
