// Debian's Chromium driven by playwright-core (never a downloaded browser), with the flags this
// machine needs, and a page that records what browser tests must not see: console errors, page errors,
// and requests to another origin.
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p) => p && fs.existsSync(p),
  );
  if (!found) {
    throw new Error(
      'Chromium not found: npm test installs it (apt-get install -y chromium) or set CHROMIUM_PATH.',
    );
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught page errors, as text. */
  errors: string[];
  /** Requests to any origin but `origin`. */
  foreign: string[];
}

export async function watchedPage(
  browser: Browser,
  origin: string,
  viewport = { width: 1440, height: 900 },
): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return { page, errors, foreign };
}
