// What a browser test of the explorer (or the query editor) starts with: the demo data in the test database, the server serving
// the test build of the client (the one with window.__atlas), and Debian's Chromium.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { loadDemoData } from '../../server/domain/import/demo.ts';
import { CLIENT_DIST_TEST } from '../../server/http/app.ts';
import { launchChromium } from './browser.ts';
import { connectTestDb, type TestDb } from './db.ts';
import { startTestServer, type TestServer } from './server.ts';

export interface ExplorerRig {
  db: TestDb;
  server: TestServer;
  browser: Browser;
  /** Closes the browser, the server and the database connection (each only if it was started). */
  close(): Promise<void>;
}

/** Fails with what to run when the test build is missing (npm test's set-up makes it). */
export async function startExplorerWithDemo(): Promise<ExplorerRig> {
  if (!fs.existsSync(path.join(CLIENT_DIST_TEST, 'index.html'))) {
    throw new Error('client/dist-test is missing: run "npm test" (its set-up builds the test build).');
  }
  const rig: Partial<ExplorerRig> = {};
  const close = async () => {
    await rig.browser?.close();
    await rig.server?.close();
    await rig.db?.close();
  };
  try {
    rig.db = connectTestDb();
    await loadDemoData(rig.db.runner);
    rig.server = await startTestServer(rig.db, { clientDir: CLIENT_DIST_TEST });
    rig.browser = await launchChromium();
  } catch (error) {
    await close();
    throw error;
  }
  return { db: rig.db, server: rig.server, browser: rig.browser, close };
}
