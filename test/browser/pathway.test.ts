/// <reference lib="dom" />
// The pathway timeline in a real Chromium: a demo initiative with a complete pathway (IDEA → PILOT →
// SCALING → ADOPTED) opened with `?org=<its lead>&pathway=<id>` shows its stages in order as a list with
// their dates, the supporters of each stage and the governments that adopted it; left to right at
// 1440×900, top to bottom and without sideways scrolling at 390×844. Screenshots go to test/.artifacts.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIR } from '../../server/domain/import/demo.ts';
import { watchedPage } from '../support/browser.ts';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { emptyDataset } from '../../server/domain/model.ts';
import { deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { deleteNamespace, importFiles } from '../support/imports.ts';
import { startExplorerWithDemo, type ExplorerRig } from '../support/explorer.ts';
import { ROOT } from '../support/processes.ts';
import type { TestServer } from '../support/server.ts';
import { initiative, org, participation } from '../support/fixtures.ts';
import { sharedFile } from '../support/sharedData.ts';

let rig: ExplorerRig;
let db: TestDb;
let server: TestServer;
let browser: Browser;
const artifacts = path.join(ROOT, 'test/.artifacts');

beforeAll(async () => {
  rig = await startExplorerWithDemo();
  ({ db, server, browser } = rig);
  fs.mkdirSync(artifacts, { recursive: true });
});
const cfa = `${uniquePrefix('cfa-ui')}/`;
const lone = uniquePrefix('no-history');

afterAll(async () => {
  if (db) await deleteNamespace(db, cfa);
  if (db) await deleteByPrefix(db, lone);
  await rig?.close();
});

interface Chosen {
  initiative: { id: string; name: string };
  innovators: { role: string; organisation: { id: string } }[];
  stages: { stage: string; from: string; funders: { organisation: { name: string } }[] }[];
  adoptedBy: { organisation: { name: string; sector: string } }[];
}

/** A demo initiative with a complete pathway, supporters and the most adopting governments (from the API). */
async function completeDemoPathway(): Promise<Chosen> {
  const demo = new Set(
    fs
      .readFileSync(path.join(DEMO_DIR, 'initiatives.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.slice(0, line.indexOf(','))),
  );
  const { data, errors } = await server.graphql<{ innovationPathways: { nodes: Chosen[] } }>(
    `{ innovationPathways(filter: { stagesReached: [ADOPTED] }, first: 100) { nodes {
        initiative { id name }
        innovators { role organisation { id } }
        stages { stage from funders { organisation { name } } }
        adoptedBy { organisation { name sector } }
      } } }`,
  );
  expect(errors).toBeUndefined();
  const complete = data!.innovationPathways.nodes
    .filter((n) => demo.has(n.initiative.id))
    .filter((n) => n.stages.map((s) => s.stage).join(' ') === 'IDEA PILOT SCALING ADOPTED')
    .filter((n) => n.adoptedBy.length > 0 && n.innovators.some((i) => i.role === 'LEAD'))
    .sort((a, b) => b.adoptedBy.length - a.adoptedBy.length);
  expect(complete.length, 'the demo data has complete, adopted pathways').toBeGreaterThan(0);
  return complete[0]!;
}

async function stagesShown(page: Page) {
  return page.$$eval('[data-testid="pathway-timeline"] ol[aria-label="Stages"] > li', (items) =>
    items.map((li) => {
      const box = li.getBoundingClientRect();
      return {
        stage: li.getAttribute('data-stage'),
        heading: li.querySelector('h3')?.textContent ?? '',
        from: li.querySelector('time')?.getAttribute('datetime') ?? null,
        dates: li.querySelector('.pathway-dates')?.textContent ?? '',
        current: li.getAttribute('aria-current'),
        funders: Array.from(li.querySelectorAll('ul[data-kind="funders"] > li')).map(
          (x) => x.textContent ?? '',
        ),
        x: Math.round(box.left),
        y: Math.round(box.top),
      };
    }),
  );
}

/** The nodes drawn (even in part) under the element with this test id (the timeline card, the legend). */
function nodesUnder(page: Page, testId: string): Promise<string[]> {
  return page.evaluate((testId) => {
    type Box = { x1: number; y1: number; x2: number; y2: number };
    type Cy = {
      container(): HTMLElement;
      nodes(): { id(): string; visible(): boolean; renderedBoundingBox(o: object): Box }[];
    };
    const cy = (window as unknown as { __atlas: { cy: Cy } }).__atlas.cy;
    const area = cy.container().getBoundingClientRect();
    const card = document.querySelector(`[data-testid="${testId}"]`)!.getBoundingClientRect();
    const c = {
      x1: card.left - area.left,
      y1: card.top - area.top,
      x2: card.right - area.left,
      y2: card.bottom - area.top,
    };
    return cy
      .nodes()
      .filter((n) => n.visible())
      .filter((n) => {
        const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
        return b.x1 < c.x2 && c.x1 < b.x2 && b.y1 < c.y2 && c.y1 < b.y2;
      })
      .map((n) => n.id());
  }, testId);
}

/** The picture in the address once it is written and stays put for a while (a layout or a pan has settled). */
async function settledHash(page: Page): Promise<string> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(() => window.location.hash);
        const same = now === last && now.startsWith('#v=');
        last = now;
        return same;
      },
      { interval: 500 },
    )
    .toBe(true);
  return last;
}

/** Whether the legend is open (its entries shown) or folded to its title. */
function legendOpen(page: Page): Promise<string | null> {
  return page.getByTestId('legend').getByRole('button', { name: 'Legend' }).getAttribute('aria-expanded');
}

describe('the pathway timeline', () => {
  it('shows a complete demo pathway: stages in order with dates, supporters and adopters', async () => {
    const chosen = await completeDemoPathway();
    const lead = chosen.innovators.find((i) => i.role === 'LEAD')!.organisation.id;
    const url = `${server.url}/?${new URLSearchParams({ org: lead, pathway: chosen.initiative.id }).toString()}`;

    const { page, errors, foreign } = await watchedPage(browser, server.url);
    await page.goto(url);
    const timeline = page.locator('[data-testid="pathway-timeline"]');
    await timeline.locator('[data-testid="pathway-stage"]').first().waitFor();
    expect(await timeline.locator('h2').textContent()).toContain(chosen.initiative.name);

    const shown = await stagesShown(page);
    expect(shown.map((s) => [s.stage, s.heading, s.from])).toEqual(
      chosen.stages.map((s) => [s.stage, s.stage[0] + s.stage.slice(1).toLowerCase(), s.from]),
    );
    expect(shown.map((s) => s.current)).toEqual([null, null, null, 'step']);
    // Dates are written out (e.g. "1 Apr 2021 – 1 Oct 2022 (1 year 6 months)").
    for (const s of shown.slice(0, 3))
      expect(s.dates).toMatch(/^\d{1,2} \w{3} \d{4} – \d{1,2} \w{3} \d{4} \(/);
    // Left to right on one line at 1440 wide.
    expect(new Set(shown.map((s) => s.y)).size).toBe(1);
    expect(shown.map((s) => s.x)).toEqual([...shown.map((s) => s.x)].sort((a, b) => a - b));
    expect(shown.map((s) => s.funders.length)).toEqual(chosen.stages.map((s) => s.funders.length));
    expect(shown.flatMap((s) => s.funders).join('|')).toContain(
      chosen.stages.flatMap((s) => s.funders.map((f) => f.organisation.name))[0] ?? '',
    );

    const adopters = await timeline.locator('[data-testid="pathway-adopters"] > li').allTextContents();
    expect(adopters).toHaveLength(chosen.adoptedBy.length);
    for (const [k, a] of chosen.adoptedBy.entries()) expect(adopters[k]).toContain(a.organisation.name);
    // The graph is still there beside it.
    await page.locator('[data-testid="graph"]').waitFor();
    await page.locator('[data-testid="details-title"]').waitFor();
    await page.waitForFunction(
      () =>
        ((window as { __atlas?: { cy?: { nodes(): { length: number } } } }).__atlas?.cy?.nodes().length ??
          0) > 1,
    );
    // The graph fits itself below the card, which covers the top of it; the legend folds to leave it room.
    await expect.poll(() => nodesUnder(page, 'pathway-timeline'), { timeout: 10_000 }).toEqual([]);
    expect(await legendOpen(page)).toBe('false');
    expect(await nodesUnder(page, 'legend')).toEqual([]);
    await page.screenshot({ path: path.join(artifacts, 'pathway-1440.png') });

    // 390 wide: top to bottom, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    const narrow = await stagesShown(page);
    expect(narrow.map((s) => s.stage)).toEqual(shown.map((s) => s.stage));
    expect(new Set(narrow.map((s) => s.x)).size).toBe(1);
    expect(narrow.map((s) => s.y)).toEqual([...narrow.map((s) => s.y)].sort((a, b) => a - b));
    const widths = await timeline.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      right: el.getBoundingClientRect().right,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(widths.right).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(artifacts, 'pathway-390.png') });

    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it("opens from an organisation's initiatives in its details, stays while the graph is explored, and closes", async () => {
    const chosen = await completeDemoPathway();
    const lead = chosen.innovators.find((i) => i.role === 'LEAD')!.organisation.id;
    const { page, errors } = await watchedPage(browser, server.url);
    await page.goto(`${server.url}/?${new URLSearchParams({ org: lead }).toString()}`);
    const initiatives = page.locator('[data-testid="initiatives"]');
    const link = initiatives.getByRole('link', { name: chosen.initiative.name });
    await link.waitFor();
    expect(await initiatives.textContent()).toContain('leads');
    const timeline = page.locator('[data-testid="pathway-timeline"]');
    expect(await timeline.count()).toBe(0);
    expect(await legendOpen(page)).toBe('true');
    // The link is a real address (a new tab opens the same view) …
    expect(new URL((await link.getAttribute('href'))!, server.url).searchParams.get('pathway')).toBe(
      chosen.initiative.id,
    );
    // The picture in its address follows the graph: after a pan (written to the address bar without a
    // render), pressing the link gives it the picture as it is now, so a new tab opens that picture.
    const before = await settledHash(page);
    await page.evaluate(() => {
      const cy = (window as unknown as { __atlas: { cy: { panBy(p: object): void } } }).__atlas.cy;
      cy.panBy({ x: 37, y: -23 });
    });
    await expect.poll(() => page.evaluate(() => window.location.hash)).not.toBe(before);
    const moved = await settledHash(page);
    await link.dispatchEvent('pointerdown');
    expect(new URL((await link.getAttribute('href'))!, server.url).hash).toBe(moved);
    // … followed inside the page: no reload (a mark left on the window stays), the picture kept.
    await page.evaluate(() => ((window as { stayed?: boolean }).stayed = true));
    await link.click();
    await timeline.locator('[data-testid="pathway-stage"]').first().waitFor();
    expect(new URL(page.url()).searchParams.get('pathway')).toBe(chosen.initiative.id);
    expect(new URL(page.url()).searchParams.get('org')).toBe(lead);
    expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true);
    expect(await legendOpen(page)).toBe('false');

    // Choosing another organisation on the graph keeps the timeline beside it.
    const other = await page.evaluate((root) => {
      type Cy = { nodes(s?: string): { id(): string; emit(e: string): void }[] };
      const cy = (window as unknown as { __atlas: { cy: Cy } }).__atlas.cy;
      const node = cy.nodes('[role = "organisation"]').find((n) => n.id() !== root)!;
      node.emit('tap');
      return node.id();
    }, lead);
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(other);
    expect(new URL(page.url()).searchParams.get('pathway')).toBe(chosen.initiative.id);
    expect(await timeline.count()).toBe(1);

    // Closing it is a step of its own: the graph stays as it was, and undo brings the timeline back.
    await page.getByTestId('pathway-close').click();
    await expect.poll(() => timeline.count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('pathway')).toBeNull();
    expect(new URL(page.url()).searchParams.get('sel')).toBe(other);
    expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true);
    // The legend opens again, and the graph fits itself clear of it.
    expect(await legendOpen(page)).toBe('true');
    await expect.poll(() => nodesUnder(page, 'legend'), { timeout: 10_000 }).toEqual([]);
    await page.getByTestId('undo').click();
    await timeline.locator('[data-testid="pathway-stage"]').first().waitFor();
    expect(new URL(page.url()).searchParams.get('pathway')).toBe(chosen.initiative.id);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows where an imported organisation comes from: dataset, record and licence (real CFA data)', async () => {
    const report = await importFiles(
      db,
      'cfa-brigades',
      [sharedFile('cfa-brigades', 'organizations.json')],
      cfa,
    );
    expect(report.status).toBe('PUBLISHED');
    const { page, errors } = await watchedPage(browser, server.url);
    await page.goto(
      `${server.url}/?${new URLSearchParams({ org: `${cfa}cfa:code-for-boston@boston` }).toString()}`,
    );
    await page.locator('[data-testid="details-title"]', { hasText: 'Code for Boston' }).waitFor();
    const source = page.locator('.organisation-source [data-testid="provenance"]');
    const text = (await source.textContent()) ?? '';
    expect(text).toContain('record');
    const dataset = (await source.locator('[data-testid="provenance-dataset"]').textContent())?.trim() ?? '';
    expect(dataset.length).toBeGreaterThan(0);
    const licence = (await source.locator('[data-testid="provenance-licence"]').textContent()) ?? '';
    expect(licence).toMatch(/licence: \S/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so when no initiative has the id', async () => {
    const { page, errors } = await watchedPage(browser, server.url);
    await page.goto(`${server.url}/?pathway=no-such-initiative`);
    await page.getByText('No initiative has the id').waitFor();
    expect(await page.locator('[data-testid="pathway-stage"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names an initiative without a stage history and gives its stage and dates', async () => {
    // As CORDIS projects come: dates and a stage, no stage history.
    const project = initiative(`${lone}-project`, `${lone} Project`, 'PILOT', {
      startDate: '2019-03-01',
      endDate: '2021-02-28',
    });
    await importSource(db.runner, sourceFromDataset({ ...emptyDataset(), initiatives: [project] }), {
      recordedBy: 'import:test',
    });
    const { page, errors } = await watchedPage(browser, server.url);
    await page.goto(`${server.url}/?${new URLSearchParams({ pathway: project.id }).toString()}`);
    const timeline = page.locator('[data-testid="pathway-timeline"]');
    await timeline.getByText('No stage history is recorded for this initiative').waitFor();
    expect(await timeline.locator('h2').textContent()).toContain(project.name);
    expect(await timeline.textContent()).toContain('(stage Pilot; 1 Mar 2019 – 28 Feb 2021)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says when an organisation takes part in more initiatives than its details list', async () => {
    // As a CORDIS participant in hundreds of projects: 101 initiatives, one more than the list shows.
    const member = org(`${lone}-member`, `${lone} Member`, 'ACADEMIC');
    const projects = Array.from({ length: 101 }, (_, k) =>
      initiative(
        `${lone}-p${String(k).padStart(3, '0')}`,
        `${lone} P${String(k).padStart(3, '0')}`,
        'PILOT',
        {
          startDate: `20${String(10 + (k % 10)).padStart(2, '0')}-01-01`,
        },
      ),
    );
    const participations = projects.map((project) => participation(project.id, member.id, 'PARTNER'));
    await importSource(
      db.runner,
      sourceFromDataset({
        ...emptyDataset(),
        organisations: [member],
        initiatives: projects,
        participations,
      }),
      { recordedBy: 'import:test' },
    );
    const { page, errors } = await watchedPage(browser, server.url);
    await page.goto(`${server.url}/?${new URLSearchParams({ org: member.id }).toString()}`);
    const list = page.locator('[data-testid="initiatives"]');
    await list.waitFor();
    expect(await list.locator('h3').textContent()).toBe('Initiatives (the newest 100 of more than 100)');
    expect(await list.locator('[data-testid="initiative-link"]').count()).toBe(100);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the pathway alone when no organisation is open: no empty-state card over it (1440×900)', async () => {
    const chosen = await completeDemoPathway();
    const { page, errors } = await watchedPage(browser, server.url);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${server.url}/?${new URLSearchParams({ pathway: chosen.initiative.id }).toString()}`);
    await page.locator('[data-testid="pathway-stage"]').first().waitFor();
    expect(await page.locator('[data-testid="status"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
