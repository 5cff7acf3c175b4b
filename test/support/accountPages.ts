// What the browser tests of accounts and curation share: viewports, the poll budget, pages in contexts of
// their own (closed together), signing in through the header's dialog, and screenshots by name.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CLIENT_DIST_TEST } from '../../server/http/app.ts';
import { deleteAccountsData, PASSWORD } from './accounts.ts';
import { launchChromium } from './browser.ts';
import { connectTestDb, type TestDb } from './db.ts';
import { ROOT } from './processes.ts';
import { startTestServer, type TestServer } from './server.ts';

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };
/** The machine is shared: answers can take seconds. */
export const POLL = { timeout: 20_000 };

/** Pages, each in a browser context of its own (its own cookies: one signed-in person), closed together. */
export class PageOpener {
  private readonly contexts: BrowserContext[] = [];

  constructor(private readonly browser: () => Browser) {}

  async open(viewport = DESKTOP): Promise<Page> {
    const context = await this.browser().newContext({ viewport });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error));
    return page;
  }

  async closeAll(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => {});
  }
}

/** Signs `email` in (with the test password) through the header's "Sign in" dialog. */
export async function signInThroughHeader(page: Page, email: string): Promise<void> {
  await page.getByTestId('sign-in').click();
  const dialog = page.getByTestId('account-dialog');
  await dialog.getByTestId('account-email').fill(email);
  await dialog.getByTestId('account-password').fill(PASSWORD);
  await dialog.getByTestId('account-submit').click();
  await page.getByTestId('account-menu').waitFor();
}

/**
 * Takes screenshots named `<prefix>-<name>.png` into test/.artifacts/screenshots, or, when `docs` and
 * ATLAS_SCREENSHOTS=1, into docs/screenshots (the README's).
 */
export function screenshotter(prefix: string, { docs = false } = {}) {
  const dir = path.join(
    ROOT,
    docs && process.env.ATLAS_SCREENSHOTS ? 'docs/screenshots' : 'test/.artifacts/screenshots',
  );
  return (page: Page, name: string) => {
    fs.mkdirSync(dir, { recursive: true });
    return page.screenshot({ path: path.join(dir, `${prefix}-${name}.png`) });
  };
}

/** A server on the test build of the client, a Chromium, pages in it; `close` removes the prefix's accounts. */
export interface AccountsRig {
  db: TestDb;
  server: TestServer;
  browser: Browser;
  pages: PageOpener;
  close(): Promise<void>;
}

export async function openAccountsRig(prefix: string): Promise<AccountsRig> {
  if (!fs.existsSync(path.join(CLIENT_DIST_TEST, 'index.html'))) {
    throw new Error('client/dist-test is missing: run "npm test" (its set-up builds the test build).');
  }
  const db = connectTestDb();
  const server = await startTestServer(db, { clientDir: CLIENT_DIST_TEST });
  const browser = await launchChromium();
  const pages = new PageOpener(() => browser);
  return {
    db,
    server,
    browser,
    pages,
    async close() {
      await pages.closeAll();
      await browser.close();
      await server.close();
      await deleteAccountsData(db, prefix);
      await db.close();
    },
  };
}
