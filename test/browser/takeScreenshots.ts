// `npm run screenshots`: the README's screenshots of the explorer, taken in Debian's Chromium from a running
// `npm start` (ATLAS_URL, default http://localhost:4000, with the demo data) at 1440×900 and 390×844 into
// docs/screenshots/explorer-<screen>-<width>.png: every explorer screenshot the README shows. Each screen is a
// shareable URL of the explorer, and at most one click (a sheet the URL does not open).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SHORTLIST_KEY, type ShortlistEntry } from '../../client/state/useShortlist.ts';
import { launchChromium } from '../support/browser.ts';
import { ROOT } from '../support/processes.ts';

const BASE = process.env.ATLAS_URL ?? 'http://localhost:4000';
const OUT = path.join(ROOT, 'docs/screenshots');
const SIZES = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

interface Screen {
  /** Explorer URL (see client/README.md for the URL state). */
  url: string;
  /** Widths it is taken at (default: both sizes). */
  widths?: readonly number[];
  /** The name of a button to press once the view is drawn. */
  press?: string;
  /** A locator that shows once the screen is ready (beyond data loaded and the layout settled). */
  ready?: string;
  /** A shortlist kept in the browser before the page opens (as useShortlist keeps it). */
  shortlist?: ShortlistEntry[];
}

/** A shortlist entry suggested for the Fernleigh Trust (the notes its CSV carries). */
const shortlisted = (id: string, name: string, sector: ShortlistEntry['sector']): ShortlistEntry => ({
  id,
  name,
  sector,
  forId: 'org-fernleigh-trust',
  forName: 'Fernleigh Trust',
  notes: 'Suggested for Fernleigh Trust',
});

/** The screens of the README, as explorer URLs. */
const SCREENS: Record<string, Screen> = {
  start: { url: '/' },
  // "NGOs in Manchester digital inclusion" as the search box reads it: three filter chips.
  search: {
    url: `/?${new URLSearchParams({ sector: 'NGO', place: 'Manchester', theme: 'Digital inclusion' }).toString()}`,
  },
  organisation: { url: '/?org=org-hadrian-borough-council' },
  partners: { url: '/?org=org-fernleigh-trust&tab=partners' },
  path: { url: '/?org=org-fernleigh-trust&tab=connect&to=org-hadrian-borough-council' },
  pathway: { url: '/?org=org-fernleigh-trust&pathway=ini-careroute-community-transport' },
  // The shortlist downloaded as CSV while one entry is no longer published: the others, and that one named.
  shortlist: {
    url: '/?org=org-fernleigh-trust&tab=partners',
    shortlist: [
      shortlisted('org-hadrian-borough-council', 'Hadrian Borough Council', 'GOVERNMENT'),
      shortlisted('org-kelpie-labs', 'Kelpie Labs', 'CIVIC_INNOVATOR'),
      shortlisted('org-withdrawn-example', 'Riverside Tenants Forum', 'NGO'),
    ],
    press: 'Download CSV',
  },
  // The download menu (the toolbar's button): the formats of what is shown, GraphML with initiatives among them.
  downloads: { url: '/?org=org-hadrian-borough-council', press: 'Download what is shown' },
  // A clicked edge: the relationship in the details panel.
  relationship: { url: '/?org=org-campsie-council&edge=rel-0951', widths: [1440] },
  expanded: {
    url: '/?org=org-campsie-council&expand=org-open-budget-watch&expand=org-kelpie-labs',
    widths: [1440],
  },
  phone: { url: '/?org=org-campsie-council', widths: [390] },
  'phone-partners': { url: '/?org=org-campsie-council&tab=partners', widths: [390] },
  'phone-list': {
    url: `/?${new URLSearchParams({ place: 'Manchester', theme: 'Digital inclusion' }).toString()}`,
    widths: [390],
    press: 'Show the list',
  },
  // The query editor (the header's "Query editor / API") opened from a shared link: the query has run.
  editor: {
    url: `/graphql?${new URLSearchParams({ query: '{ organisations(filter: { sectors: [NGO] }, orderBy: DEGREE_DESC, first: 3) { totalCount nodes { name degree } } }' }).toString()}`,
    ready: '.graphiql-response :text("totalCount")',
  },
};

/**
 * Data loaded and the layout settled: no spinner and no busy region left, `ms` for fcose, then until two
 * views of the page 400 ms apart are the same (at most ~8 s more): on a slow machine the layout may still
 * be moving nodes after `ms`, and a screenshot then shows them bunched together.
 */
async function settled(page: Page, ms: number): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => document.querySelectorAll('[aria-busy="true"], .spinner').length === 0,
    null,
    { timeout: 30_000 },
  );
  await page.waitForTimeout(ms);
  let before = await page.screenshot();
  for (let tries = 0; tries < 20; tries++) {
    await page.waitForTimeout(400);
    const now = await page.screenshot();
    if (now.equals(before)) return;
    before = now;
  }
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    for (const size of SIZES) {
      for (const [name, { url, widths, press, ready, shortlist }] of Object.entries(SCREENS)) {
        if (widths && !widths.includes(size.width)) continue;
        const page = await browser.newPage({ viewport: size, acceptDownloads: true });
        if (shortlist)
          await page.addInitScript(
            ([key, entries]) => window.localStorage.setItem(key, JSON.stringify(entries)),
            [SHORTLIST_KEY, shortlist] as const,
          );
        await page.goto(`${BASE}${url}`);
        if (ready) await page.locator(ready).first().waitFor({ timeout: 30_000 });
        await settled(page, 1500);
        if (press) {
          await page.getByRole('button', { name: press }).click();
          await settled(page, 500);
        }
        const file = path.join(OUT, `explorer-${name}-${size.width}.png`);
        await page.screenshot({ path: file });
        process.stdout.write(`${path.relative(ROOT, file)}\n`);
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
