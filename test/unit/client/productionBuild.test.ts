// The production build carries no test hooks: window.__atlas exists only in the test build.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_DIST, CLIENT_DIST_TEST } from '../../../server/http/app.ts';

function bundle(dir: string): string {
  const assets = path.join(dir, 'assets');
  if (!fs.existsSync(assets)) throw new Error(`${dir} is not built: run "npm test" (its set-up builds it).`);
  return fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => fs.readFileSync(path.join(assets, f), 'utf8'))
    .join('\n');
}

describe('review findings: the production build', () => {
  it('does not contain the window.__atlas test hook', () => {
    const at = bundle(CLIENT_DIST).indexOf('__atlas');
    expect(at === -1 ? null : `found "__atlas" in client/dist at offset ${at}`).toBeNull();
  });

  it('while the test build has it (so the check above looks for the right name)', () => {
    expect(bundle(CLIENT_DIST_TEST)).toContain('__atlas');
  });
});
