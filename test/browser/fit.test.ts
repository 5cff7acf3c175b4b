/// <reference lib="dom" />
// Fitting the graph to the view in a real Chromium, on a phone (390×844) and a desktop (1440×900): after the
// fit that follows a layout, and after "Fit to view" (key 0) from a zoomed-in view, every name drawn lies
// whole inside the graph area, clear of the legend, of the controls along the top and of a phone's details
// sheet drawn over the graph (no node either), and
// the graph still fills the view (the fit does not shrink it needlessly). Names are drawn by our label layer
// (client/graph/labelLayer.ts), which Cytoscape's own bounding box of the nodes does not know about. Screenshots of each view go to test/.artifacts/screenshots.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIT_PADDING, MAX_FIT_ZOOM } from '../../client/graph/layouts.ts';
import { watchedPage } from '../support/browser.ts';
import { startExplorerWithDemo, type ExplorerRig } from '../support/explorer.ts';
import { ROOT } from '../support/processes.ts';
import type { TestServer } from '../support/server.ts';

type Cy = import('cytoscape').Core;

const SIZES = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
] as const;
const SHOTS = path.join(ROOT, 'test/.artifacts/screenshots');

let rig: ExplorerRig;
let server: TestServer;
let browser: Browser;
/** Explorer views (URL queries) to fit: the best-connected councils of the demo data, and the README's screens. */
let views: { name: string; query: string }[] = [];

beforeAll(async () => {
  rig = await startExplorerWithDemo();
  ({ server, browser } = rig);
  fs.mkdirSync(SHOTS, { recursive: true });
  // Found through the API: big neighbourhoods with long names at every edge of the graph.
  const councils = await server.graphql<{ searchOrganisations: { id: string; degree: number }[] }>(
    'query { searchOrganisations(query: "council", first: 20) { id degree } }',
  );
  const hubs = [...councils.data!.searchOrganisations].sort((a, b) => b.degree - a.degree).slice(0, 2);
  expect(hubs.length, 'the demo data has councils').toBe(2);
  views = [
    ...hubs.map((hub, i) => ({ name: `hub${i + 1}`, query: `?org=${encodeURIComponent(hub.id)}` })),
    // The screens of the README (test/browser/takeScreenshots.ts): suggestions and a path add emphasised names.
    { name: 'partners', query: '?org=org-fernleigh-trust&tab=partners' },
    { name: 'path', query: '?org=org-fernleigh-trust&tab=connect&to=org-hadrian-borough-council' },
    // An expansion of the demo's best connected organisation: a wide graph, whose names were cut at 1440 too.
    { name: 'expanded', query: '?org=org-fernleigh-trust&expand=org-larkfield-foundation' },
  ];
});

afterAll(async () => {
  await rig?.close();
});

/** Waits until the graph is drawn and quiet: nothing loading, and the picture in the URL unchanged for a while. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const cy = (window as unknown as { __atlas?: { cy?: Cy } }).__atlas?.cy;
      return (
        cy !== undefined &&
        cy.nodes().length > 1 &&
        location.hash.includes('p=') &&
        document.querySelectorAll('[aria-busy="true"], .spinner').length === 0
      );
    },
    undefined,
    { timeout: 30_000 },
  );
  let state = '';
  let quiet = 0;
  // The picture is written 180 ms after the last pan or zoom, once the names are placed again: quiet means
  // the same picture, and nothing loading, for 600 ms (over three times that delay; each read also waits for
  // a busy page to answer).
  while (quiet < 6) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await page.evaluate(
      () => `${location.hash} ${document.querySelectorAll('[aria-busy="true"], .spinner').length}`,
    );
    quiet = now === state ? quiet + 1 : 0;
    state = now;
  }
}

interface Check {
  /** Names (with their box on screen) not whole inside the graph area, or under the legend or the controls. */
  cut: string[];
  named: number;
  zoom: number;
  /** How much of the view the nodes and their names fill, the larger of width and height (1 = all of it). */
  fill: number;
}

/** Every drawn name's box, on screen, against the graph area and the legend. */
function checkLabels(page: Page): Promise<Check> {
  return page.evaluate(
    ({ padding }) => {
      const cy = (window as unknown as { __atlas: { cy: Cy } }).__atlas.cy;
      const area = cy.container()!.getBoundingClientRect();
      const legend = document.querySelector('[data-testid="legend"]')?.getBoundingClientRect();
      // A phone's details sheet drawn over the lower part of the graph (half-way, with a path above it).
      const sheet = document.querySelector('[data-over-graph="bottom"]')?.getBoundingClientRect();
      const sheetTop = sheet && sheet.top < area.bottom ? sheet.top - area.top : cy.height();
      // The controls over the top of the graph: "List & filters" (with its summary) and the toolbar.
      const controls = ['toggle-list', 'map-summary', 'graph-toolbar'].flatMap((id) => {
        const r = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
        return r
          ? [
              {
                id,
                x1: r.left - area.left,
                y1: r.top - area.top,
                x2: r.right - area.left,
                y2: r.bottom - area.top,
              },
            ]
          : [];
      });
      const under = (b: { x1: number; y1: number; x2: number; y2: number }) =>
        controls.filter((c) => b.x1 < c.x2 && c.x1 < b.x2 && b.y1 < c.y2 && c.y1 < b.y2).map((c) => c.id);
      const cut: string[] = [];
      let named = 0;
      const content = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
      const grow = (b: { x1: number; y1: number; x2: number; y2: number }) => {
        content.x1 = Math.min(content.x1, b.x1);
        content.y1 = Math.min(content.y1, b.y1);
        content.x2 = Math.max(content.x2, b.x2);
        content.y2 = Math.max(content.y2, b.y2);
      };
      cy.nodes().forEach((node) => {
        if (!node.visible()) return;
        const shape = node.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
        grow(shape);
        for (const id of under(shape)) cut.push(`node ${node.id()} under ${id}`);
        if (shape.y2 > sheetTop + 0.5) cut.push(`node ${node.id()} under the details sheet`);
        const text = String(node.style('label') ?? '');
        if (text === '') return;
        named += 1;
        const b = node.renderedBoundingBox({
          includeNodes: false,
          includeEdges: false,
          includeLabels: true,
          includeOverlays: false,
          includeUnderlays: false,
        });
        grow(b);
        const box = `${text} [${b.x1.toFixed(1)}, ${b.y1.toFixed(1)}, ${b.x2.toFixed(1)}, ${b.y2.toFixed(1)}]`;
        for (const id of under(b)) cut.push(`${box} under ${id}`);
        if (b.y2 > sheetTop + 0.5) cut.push(`${box} under the details sheet`);
        if (b.x1 < -0.5 || b.y1 < -0.5 || b.x2 > cy.width() + 0.5 || b.y2 > cy.height() + 0.5) {
          cut.push(`${box} outside the graph area ${cy.width()}×${cy.height()}`);
        }
        if (legend) {
          const l = {
            x1: legend.left - area.left,
            y1: legend.top - area.top,
            x2: legend.right - area.left,
            y2: legend.bottom - area.top,
          };
          if (b.x1 < l.x2 && l.x1 < b.x2 && b.y1 < l.y2 && l.y1 < b.y2) cut.push(`${box} under the legend`);
        }
      });
      // The fit puts the graph below the controls along the top and above a sheet over the bottom, and above
      // the legend or to its right (client/graph/layouts.ts, fitViewport).
      const width = content.x2 - content.x1;
      const height = content.y2 - content.y1;
      const coveredWidth = legend ? legend.right - area.left : 0;
      const coveredHeight = legend ? area.bottom - legend.top : 0;
      const sheetHeight = cy.height() - sheetTop;
      const top = Math.max(0, ...controls.map((c) => c.y2));
      const fill = Math.max(
        width / (cy.width() - 2 * padding),
        height / (cy.height() - top - Math.max(coveredHeight, sheetHeight) - 2 * padding),
        width / (cy.width() - coveredWidth - 2 * padding),
        height / (cy.height() - top - sheetHeight - 2 * padding),
      );
      return { cut, named, zoom: cy.zoom(), fill };
    },
    { padding: FIT_PADDING },
  );
}

/** What is wrong with a fitted view: names cut or under the legend, a graph smaller than it need be. */
function problemsOf(check: Check, what: string): string[] {
  const problems = check.cut.map((cut) => `${what}: ${cut}`);
  if (check.named < 2) problems.push(`${what}: only ${check.named} names drawn`);
  // Not needlessly small: nodes and names span (nearly) the whole width or height, unless the fit is at its
  // largest zoom.
  if (check.zoom < MAX_FIT_ZOOM - 1e-6 && check.fill < 0.9) {
    problems.push(`${what}: the graph fills only ${Math.round(check.fill * 100)}% of the view`);
  }
  return problems;
}

describe('fitting the graph to the view', () => {
  // The answers come in any order: a path answered before the organisation's neighbourhood sends a phone's
  // sheet half-way over the graph (making the graph taller) before there is anything to fit.
  for (const [first, delayed] of [
    ['the path', 'neighbourhood('],
    ['the neighbourhood', 'shortestPaths('],
  ] as const) {
    it(`at 390×844, fits a path above the details sheet when ${first} answers first`, async () => {
      const { page, errors } = await watchedPage(browser, server.url, SIZES[0]);
      await page.route('**/graphql', async (route) => {
        if ((route.request().postData() ?? '').includes(delayed))
          await new Promise((r) => setTimeout(r, 1500));
        await route.continue().catch(() => {});
      });
      await page.goto(`${server.url}/?org=org-fernleigh-trust&tab=connect&to=org-hadrian-borough-council`);
      await page.waitForFunction(() => document.querySelector('[data-sheet="half"]') !== null, undefined, {
        timeout: 30_000,
      });
      await settled(page);
      expect(problemsOf(await checkLabels(page), `path, ${first} first`)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('fits to the size the graph has now, even before Cytoscape has been told it changed', async () => {
    const { page, errors } = await watchedPage(browser, server.url, SIZES[1]);
    await page.goto(`${server.url}/${views[0]!.query}`);
    await settled(page);
    // In one task, so no ResizeObserver callback runs in between: the graph loses its lower 400 px (as when a
    // phone's sheet comes over it), then "Fit to view".
    const outside = await page.evaluate(() => {
      const cy = (window as unknown as { __atlas: { cy: Cy } }).__atlas.cy;
      const container = cy.container()!;
      container.style.bottom = '400px';
      container.dispatchEvent(new KeyboardEvent('keydown', { key: '0', bubbles: true }));
      const height = container.clientHeight;
      return cy
        .nodes()
        .filter((n) => n.renderedBoundingBox({ includeLabels: false }).y2 > height + 0.5)
        .map((n) => n.id());
    });
    expect(outside, 'nodes below the graph after the fit').toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}, shows every drawn name whole after a fit, and the graph fills the view`, async () => {
      const problems: string[] = [];
      for (const view of views) {
        const { page, errors } = await watchedPage(browser, server.url, size);
        await page.goto(`${server.url}/${view.query}`);
        await settled(page);
        const what = `${view.name} at ${size.width}`;
        problems.push(...problemsOf(await checkLabels(page), `${what}, after the layout`));
        await page.screenshot({ path: path.join(SHOTS, `fit-${view.name}-${size.width}.png`) });

        // Zoomed in, names are smaller in model units than after a fit: "Fit to view" must place them anew.
        const graph = page.getByTestId('graph');
        await graph.focus();
        await graph.press('+');
        await graph.press('+');
        await settled(page);
        await graph.press('0');
        await settled(page);
        problems.push(...problemsOf(await checkLabels(page), `${what}, after "Fit to view"`));
        await page.screenshot({ path: path.join(SHOTS, `fit-${view.name}-${size.width}-key0.png`) });
        expect(errors, what).toEqual([]);
        await page.close();
      }
      expect(problems).toEqual([]);
    });
  }
});

/**
 * The names of the chosen organisation and of the selection, with what they collide with: not named, not whole
 * inside the graph area, or over another node's body or another name (model coordinates, as drawn).
 */
function mustNameProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __atlas: { cy: Cy } }).__atlas.cy;
    type B = { x1: number; y1: number; x2: number; y2: number };
    const meets = (a: B, b: B) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const labelOf = (node: import('cytoscape').NodeSingular) =>
      node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
    const problems: string[] = [];
    const must = cy.nodes('.root, :selected');
    if (must.length !== 2)
      problems.push(`expected the chosen organisation and a selection, got ${must.length}`);
    must.forEach((node) => {
      const text = String(node.style('label') ?? '');
      if (text === '') {
        problems.push(`${node.id()} has no name`);
        return;
      }
      const box = labelOf(node);
      const shown = node.renderedBoundingBox({
        includeNodes: false,
        includeEdges: false,
        includeLabels: true,
      });
      if (shown.x1 < 0 || shown.y1 < 0 || shown.x2 > cy.width() || shown.y2 > cy.height())
        problems.push(`${text} is not whole inside the graph area`);
      cy.nodes().forEach((other) => {
        if (other === node || !other.visible()) return;
        if (meets(box, other.boundingBox({ includeLabels: false })))
          problems.push(`${text} over the node ${other.id()}`);
        if (String(other.style('label') ?? '') !== '' && meets(box, labelOf(other)))
          problems.push(`${text} over the name ${String(other.style('label'))}`);
      });
    });
    return problems;
  });
}

describe('the names of the chosen organisation and of the selection', () => {
  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}, show after an expansion in a dense picture, over no other node or name`, async () => {
      const { page, errors } = await watchedPage(browser, server.url, size);
      // The demo's best connected organisation, then its best connected neighbour expanded: over 50 nodes, the
      // chosen one in the middle of its 40 neighbours, the expanded one among its own.
      await page.goto(`${server.url}/?org=org-larkfield-foundation`);
      await settled(page);
      const { neighbour, count } = await page.evaluate(() => {
        const cy = (window as unknown as { __atlas: { cy: Cy } }).__atlas.cy;
        const best = cy
          .nodes('[role = "organisation"]')
          .filter((n) => !n.hasClass('root'))
          .sort((a, b) => Number(b.data('degree')) - Number(a.data('degree')))[0]!;
        return { neighbour: best.id(), count: cy.nodes().length };
      });
      await page.evaluate((id) => {
        (window as unknown as { __atlas: { cy: Cy } }).__atlas.cy.getElementById(id).emit('tap');
      }, neighbour);
      await page.getByTestId('expand').click();
      await page.waitForFunction(
        (n) => (window as unknown as { __atlas: { cy: Cy } }).__atlas.cy.nodes().length > n,
        count,
        { timeout: 30_000 },
      );
      await settled(page);
      await page.screenshot({ path: path.join(SHOTS, `fit-expanded-names-${size.width}.png`) });
      expect(await mustNameProblems(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
