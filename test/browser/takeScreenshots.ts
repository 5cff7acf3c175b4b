// `npm run screenshots`: the README's screenshots of the explorer, taken in Debian's Chromium from a running
// `npm start` (ATLAS_URL, default http://localhost:4000, with the demo data) at 1440×900 and 390×844 into
// docs/screenshots/explorer-<screen>-<width>.png. Each screen is a shareable URL of the explorer.
import path from 'node:path';
import { launchChromium } from '../support/browser.ts';
import { ROOT } from '../support/processes.ts';

const BASE = process.env.ATLAS_URL ?? 'http://localhost:4000';
const OUT = path.join(ROOT, 'docs/screenshots');
const SIZES = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

/** The main screens, as explorer URLs (see client/README.md for the URL state). */
const SCREENS: Record<string, string> = {
  start: '/',
  // "NGOs in Manchester digital inclusion" as the search box reads it: three filter chips.
  search: `/?${new URLSearchParams({ sector: 'NGO', place: 'Manchester', theme: 'Digital inclusion' }).toString()}`,
  organisation: '/?org=org-hadrian-borough-council',
  partners: '/?org=org-fernleigh-trust&tab=partners',
  path: '/?org=org-fernleigh-trust&tab=connect&to=org-hadrian-borough-council',
  pathway: '/?org=org-fernleigh-trust&pathway=ini-careroute-community-transport',
};

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    for (const size of SIZES) {
      for (const [name, url] of Object.entries(SCREENS)) {
        const page = await browser.newPage({ viewport: size });
        await page.goto(`${BASE}${url}`);
        // Data loaded and the layout settled: no spinner and no busy region left, then a moment for fcose.
        await page.waitForLoadState('networkidle');
        await page.waitForFunction(
          () => document.querySelectorAll('[aria-busy="true"], .spinner').length === 0,
          null,
          {
            timeout: 30_000,
          },
        );
        await page.waitForTimeout(1500);
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
