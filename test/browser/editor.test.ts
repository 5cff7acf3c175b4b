/// <reference lib="dom" />
// The offline query editor at /graphql in a real Chromium: no request leaves our origin, the examples
// are there as tabs, one runs and gets data, and a shared GET link opens with its query loaded and run.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExamples } from '../../client/editor/parseExamples.ts';
import { watchedPage } from '../support/browser.ts';
import { startExplorerWithDemo, type ExplorerRig } from '../support/explorer.ts';
import { ROOT } from '../support/processes.ts';
import type { TestServer } from '../support/server.ts';

let rig: ExplorerRig;
let server: TestServer;
let browser: Browser;
const artifacts = path.join(ROOT, 'test/.artifacts');
const EXAMPLES = parseExamples(fs.readFileSync(path.join(ROOT, 'client/editor/examples.graphql'), 'utf8'));

beforeAll(async () => {
  rig = await startExplorerWithDemo();
  ({ server, browser } = rig);
});
afterAll(async () => {
  await rig?.close();
});

/** The text of GraphiQL's response panel. */
const responseText = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.querySelector('.graphiql-response')?.textContent ?? '');

describe('the query editor at /graphql', () => {
  it('works offline: examples as tabs, one runs and gets data, nothing loads from another origin', async () => {
    const { page, errors, foreign } = await watchedPage(browser, server.url);
    await page.goto(`${server.url}/graphql`);
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.graphiql-tab').count(), { timeout: 30_000 }).toBe(EXAMPLES.length);
    // The schema's documentation is there.
    await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
    await expect
      .poll(() => page.locator('.graphiql-doc-explorer').textContent(), { timeout: 30_000 })
      .toMatch(/Query/);
    // The first tab is the degree ranking: run it.
    await page.locator('.graphiql-tab').first().click();
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => responseText(page), { timeout: 30_000 }).toMatch(/"totalCount"/);
    expect(await responseText(page)).toMatch(/"degree"/);
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'editor.png') });
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a shared GET link with its query loaded and run', async () => {
    const { page, errors, foreign } = await watchedPage(browser, server.url);
    const query = '{ organisations(filter: {sectors: [ACADEMIC]}, first: 2) { totalCount nodes { name } } }';
    await page.goto(`${server.url}/graphql?query=${encodeURIComponent(query)}`);
    await expect.poll(() => responseText(page), { timeout: 30_000 }).toMatch(/"totalCount":\s*\d+/);
    const editor = await page.evaluate(
      () => document.querySelector('.graphiql-query-editor')?.textContent ?? '',
    );
    expect(editor.replace(/\s+/g, ' ')).toContain('sectors: [ACADEMIC]');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a shared link holding a mutation', () => {
  it('is loaded into the editor but not run on opening', async () => {
    const { page, errors } = await watchedPage(browser, server.url);
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/graphql'))
        sent.push(request.postData() ?? '');
    });
    const mutation = 'mutation { signOut }';
    await page.goto(`${server.url}/graphql?query=${encodeURIComponent(mutation)}`);
    await page.getByText('Opened from a link: not run').waitFor({ timeout: 30_000 });
    // The schema has loaded (the run would start then): wait for its documentation to be usable.
    await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
    await expect
      .poll(() => page.locator('.graphiql-doc-explorer').textContent(), { timeout: 30_000 })
      .toMatch(/Mutation/);
    await page.waitForTimeout(1_000);
    expect(sent.filter((body) => body.includes('signOut'))).toEqual([]);
    const editor = await page.evaluate(
      () => document.querySelector('.graphiql-query-editor')?.textContent ?? '',
    );
    expect(editor).toContain('signOut');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the query editor on a 390 px phone', () => {
  it("stacks a shared link's query above its result, each as wide as the editor", async () => {
    const { page, errors } = await watchedPage(browser, server.url, { width: 390, height: 844 });
    const query = '{ organisations(first: 2) { totalCount nodes { name } } }';
    await page.goto(`${server.url}/graphql?query=${encodeURIComponent(query)}`);
    // The result's first lines (the response editor draws only the lines in view).
    await expect.poll(() => responseText(page), { timeout: 30_000 }).toMatch(/"organisations"/);
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'editor-390.png') });
    const box = (selector: string) => page.locator(selector).first().boundingBox();
    const editors = (await box('.graphiql-editors'))!;
    const response = (await box('.graphiql-response'))!;
    // Side by side, the result was a 52 px column with one character per line.
    expect(response.width).toBeGreaterThan(250);
    expect(response.width).toBeCloseTo(editors.width, 0);
    expect(response.y).toBeGreaterThanOrEqual(editors.y + editors.height);
    expect(response.y + response.height).toBeLessThanOrEqual(844);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('GET /graphql from a program', () => {
  it('answers a query with JSON and refuses a mutation with 405', async () => {
    const query = encodeURIComponent('{ organisations(first: 1) { totalCount } }');
    const ok = await fetch(`${server.url}/graphql?query=${query}`, {
      headers: { accept: 'application/json' },
    });
    expect(ok.status).toBe(200);
    expect(
      ((await ok.json()) as { data: { organisations: { totalCount: number } } }).data.organisations
        .totalCount,
    ).toBeGreaterThan(0);
    const mutation = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('mutation { signOut }')}`,
      {
        headers: { accept: 'application/json' },
      },
    );
    expect(mutation.status).toBe(405);
  });
});
