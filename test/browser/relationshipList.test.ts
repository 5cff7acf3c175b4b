/// <reference lib="dom" />
// The details panel's relationship list in a real Chromium, on a small graph this file imports under its
// own prefix: a funder with more ties than one page (RELATIONSHIP_PAGE_SIZE) shows the true total in the
// header and in the kind and trust filters, reaches every tie through "Show more", filters by kind on the
// server, says when a sort or the name filter covers only the loaded ties and loads them all for it; and
// "How connected?" names an organisation no path reaches. Screenshots at 1440×900 and 390×844 go to test/.artifacts.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELATIONSHIP_PAGE_SIZE } from '../../client/state/useRelationshipList.ts';
import { watchedPage } from '../support/browser.ts';
import { startExplorerWithDemo, type ExplorerRig } from '../support/explorer.ts';
import { importFiles, importWorkspace } from '../support/imports.ts';
import { ROOT } from '../support/processes.ts';
import type { TestDb } from '../support/db.ts';
import type { TestServer } from '../support/server.ts';

let rig: ExplorerRig;
let db: TestDb;
let server: TestServer;
let browser: Browser;
const artifacts = path.join(ROOT, 'test/.artifacts');
const { namespace, folder, cleanup } = importWorkspace('atlas-relpage-');
const ns = namespace('relpage');

/** Grants from the funder: more than two pages of one kind ("Load all" asks for two more). */
const GRANTS = 2 * RELATIONSHIP_PAGE_SIZE + 20;
const PARTNERS = 10;
const TIES = GRANTS + PARTNERS;
/** Every fifth grant is SOURCED, the rest IMPORTED; the partnerships CONFIRMED. */
const SOURCED = Math.ceil(GRANTS / 5);
const FUNDER = `${ns}funder`;
const ISLAND = `${ns}island`;
const pad = (i: number) => String(i).padStart(3, '0');
/** Grant i started on day i after 2001-01-01: grant 1 is the oldest tie, so it sorts last (newest first). */
const day = (i: number) => new Date(Date.UTC(2001, 0, 1 + i)).toISOString().slice(0, 10);

beforeAll(async () => {
  rig = await startExplorerWithDemo();
  ({ db, server, browser } = rig);
  fs.mkdirSync(artifacts, { recursive: true });
  const organisations = [
    'id,name,sector,kind,description,website,country,region,city,themes,identifiers',
    'funder,Relpage Endowment Fund,NGO,foundation,,,,,,,',
    'island,Relpage Island Trust,NGO,charity,No ties at all,,,,,,',
    ...Array.from({ length: GRANTS }, (_, k) => `g${pad(k + 1)},Grantee ${pad(k + 1)},NGO,charity,,,,,,,`),
    ...Array.from({ length: PARTNERS }, (_, k) => `p${pad(k + 1)},Partner ${pad(k + 1)},COMPANY,,,,,,,,`),
  ];
  const relationships = [
    'source,target,kind,since,until,amount,currency,trust,source_url,description',
    ...Array.from({ length: GRANTS }, (_, k) => {
      const i = k + 1;
      const trust = i % 5 === 0 ? 'SOURCED' : 'IMPORTED';
      return `funder,g${pad(i)},FUNDING,${day(i)},,${i * 1000},GBP,${trust},https://example.org/grant/${i},`;
    }),
    ...Array.from(
      { length: PARTNERS },
      (_, k) => `funder,p${pad(k + 1)},PARTNERSHIP,${day(500 + k)},,,,CONFIRMED,https://example.org/p/${k},`,
    ),
  ];
  const dir = folder({ 'organisations.csv': organisations, 'relationships.csv': relationships });
  const report = await importFiles(db, 'atlas', [dir], ns);
  expect(report.status).toBe('PUBLISHED');
  expect(report.counts.relationships.created).toBe(TIES);
});

afterAll(async () => {
  if (db) {
    // It bumps the data version, so the server's snapshot (shared with the other test files of the run)
    // stops listing these organisations, e.g. in explorer.test.ts's NGO results list.
    await cleanup(db);
  }
  await rig?.close();
});

function poll<T>(fn: () => T | Promise<T>, options: { timeout?: number } = {}) {
  return expect.poll(fn, { timeout: 20_000, ...options });
}

/** The labels of a filter's options, e.g. ["All kinds", "Partnership (10)", "Funding (120)"]. */
function optionLabels(page: Page, testId: string): Promise<string[]> {
  return page
    .getByTestId(testId)
    .locator('option')
    .evaluateAll((options) => options.map((o) => o.textContent ?? ''));
}

function shownIds(page: Page): Promise<string[]> {
  return page
    .getByTestId('relationship')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-id') ?? ''));
}

/** The id of the grant to grantee i, from the API (the list's rows carry relationship ids). */
async function grantId(i: number): Promise<string> {
  const { data, errors } = await server.graphql<{
    relationships: { nodes: { id: string; target: { id: string } }[] };
  }>(
    `query ($ids: [ID!]!) { relationships(filter: { organisations: $ids }, first: 5) {
       nodes { id target { id } } } }`,
    { ids: [`${ns}g${pad(i)}`] },
  );
  expect(errors).toBeUndefined();
  const [tie] = data!.relationships.nodes;
  expect(tie?.target.id).toBe(`${ns}g${pad(i)}`);
  return tie!.id;
}

describe('the relationship list of an organisation with more ties than one page', () => {
  it('shows the true totals, reaches every tie with "Show more", and filters by kind on the server', async () => {
    const oldest = await grantId(1);
    const { page, errors, foreign } = await watchedPage(browser, server.url);
    await page.goto(`${server.url}/?org=${encodeURIComponent(FUNDER)}`);
    const list = page.getByRole('region', { name: 'Relationships' });
    const count = page.getByTestId('relationship-count');
    await poll(() => page.getByTestId('relationship').count()).toBe(RELATIONSHIP_PAGE_SIZE);
    await poll(() => count.textContent()).toBe(String(TIES));
    await poll(() => optionLabels(page, 'relationship-kind-filter')).toEqual([
      'All kinds',
      `Partnership (${PARTNERS})`,
      `Funding (${GRANTS})`,
    ]);
    expect(await optionLabels(page, 'relationship-trust-filter')).toEqual([
      'Any trust',
      `Confirmed (${PARTNERS})`,
      `Sourced (${SOURCED})`,
      `Imported (${GRANTS - SOURCED})`,
    ]);
    // Newest first: the oldest grant is on no loaded page yet.
    expect(await shownIds(page)).not.toContain(oldest);
    const more = page.getByTestId('relationships-more');
    expect(await more.textContent()).toBe(`Show more (${RELATIONSHIP_PAGE_SIZE} of ${TIES})`);

    // The name filter and a sort other than the server's say they cover the loaded ties only.
    await page.getByTestId('relationship-text-filter').fill('Grantee 001');
    await poll(() => list.textContent()).toContain(`None of the ${RELATIONSHIP_PAGE_SIZE} loaded match.`);
    expect(await page.getByTestId('relationship-scope').textContent()).toBe(
      `Filtered by name among the ${RELATIONSHIP_PAGE_SIZE} loaded of ${TIES}. Load all ${TIES}`,
    );
    expect(await count.textContent()).toBe(`0 of ${RELATIONSHIP_PAGE_SIZE} loaded`);
    // "Show more": the next page, still without the oldest grant.
    await more.click();
    const twoPages = 2 * RELATIONSHIP_PAGE_SIZE;
    await poll(() => list.textContent()).toContain(`None of the ${twoPages} loaded match.`);
    expect(await count.textContent()).toBe(`0 of ${twoPages} loaded`);
    expect(await page.getByTestId('relationship-scope').textContent()).toBe(
      `Filtered by name among the ${twoPages} loaded of ${TIES}. Load all ${TIES}`,
    );
    expect(await more.textContent()).toBe(`Show more (${twoPages} of ${TIES})`);
    // "Load all": the rest; the oldest grant is found, and nothing is left to load.
    await page.getByTestId('relationships-load-all').click();
    await poll(() => shownIds(page)).toEqual([oldest]);
    expect(await count.textContent()).toBe(`1 of ${TIES}`);
    expect(await page.getByTestId('relationship-scope').count()).toBe(0);
    expect(await more.count()).toBe(0);
    await page.getByTestId('relationship-text-filter').fill('');
    await poll(() => page.getByTestId('relationship').count()).toBe(TIES);
    expect(new Set(await shownIds(page)).size).toBe(TIES);
    expect(await count.textContent()).toBe(String(TIES));
    await page.screenshot({ path: path.join(artifacts, 'relationship-list-1440.png') });

    // A kind is filtered by the server: its true total, and its own pages.
    await page.getByTestId('relationship-kind-filter').selectOption('FUNDING');
    await poll(() => count.textContent()).toBe(`${GRANTS} of ${TIES}`);
    await poll(() => page.getByTestId('relationship').count()).toBe(RELATIONSHIP_PAGE_SIZE);
    expect(await more.textContent()).toBe(`Show more (${RELATIONSHIP_PAGE_SIZE} of ${GRANTS})`);
    await page.getByTestId('relationship-sort').selectOption('amount');
    expect(await page.getByTestId('relationship-scope').textContent()).toBe(
      `Sorted among the ${RELATIONSHIP_PAGE_SIZE} loaded of ${GRANTS}. Load all ${GRANTS}`,
    );
    await page.screenshot({ path: path.join(artifacts, 'relationship-list-kind-1440.png') });
    // "Load all": every page left (two more), so the sort covers every grant.
    await page.getByTestId('relationships-load-all').click();
    await poll(() => page.getByTestId('relationship').count()).toBe(GRANTS);
    const kinds = await page
      .getByTestId('relationship')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
    expect(new Set(kinds)).toEqual(new Set(['FUNDING']));
    // Every grant loaded: the largest amount first is the largest of all, the oldest grant's the smallest.
    expect((await shownIds(page)).at(-1)).toBe(oldest);
    expect(await page.getByTestId('relationship').first().textContent()).toContain(`Grantee ${pad(GRANTS)}`);
    expect(await more.count()).toBe(0);
    expect(await page.getByTestId('relationship-scope').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('on a 390 px phone: the totals and "Show more" in the opened sheet, nothing wider than the screen', async () => {
    const { page, errors } = await watchedPage(browser, server.url, { width: 390, height: 844 });
    await page.goto(`${server.url}/?org=${encodeURIComponent(FUNDER)}`);
    await page.getByTestId('sheet-handle').click();
    await poll(() => page.getByTestId('relationship-count').textContent()).toBe(String(TIES));
    const more = page.getByTestId('relationships-more');
    await more.scrollIntoViewIfNeeded();
    const box = (await more.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('relationship-controls').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'relationship-list-390.png') });
    await more.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'relationship-list-more-390.png') });
    await more.click();
    await poll(() => page.getByTestId('relationship').count()).toBe(2 * RELATIONSHIP_PAGE_SIZE);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('"How connected?" with no path', () => {
  it('names the other organisation, not its id', async () => {
    const { page, errors } = await watchedPage(browser, server.url);
    const query = new URLSearchParams({ org: FUNDER, tab: 'connect', to: ISLAND });
    await page.goto(`${server.url}/?${query.toString()}`);
    await page.getByTestId('no-path').waitFor({ timeout: 30_000 });
    const target = page.getByTestId('connect-target');
    expect(await target.getAttribute('data-id')).toBe(ISLAND);
    expect(await target.textContent()).toBe('Relpage Island Trust');
    expect(await page.getByTestId('connect').textContent()).not.toContain(ISLAND);
    await page.screenshot({ path: path.join(artifacts, 'connect-no-path-1440.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
