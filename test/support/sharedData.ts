// The real open data of ../shared/data (read-only, never copied into the repository). At CI the repository
// is cloned beside shared/; elsewhere ATLAS_SHARED_DATA names the folder. Missing data fails the test with
// a message naming both places: these tests never skip.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './processes.ts';

export function sharedDataDir(): string {
  const beside = path.resolve(ROOT, '../shared/data');
  if (fs.existsSync(beside)) return beside;
  const fromEnv = process.env.ATLAS_SHARED_DATA;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  throw new Error(
    `The real open data is missing: neither ${beside} (../shared/data beside the repository) nor ` +
      `ATLAS_SHARED_DATA=${fromEnv ?? '(unset)'} exists. Put the shared data folder there, or set ATLAS_SHARED_DATA to it.`,
  );
}

/** A file of the shared data, e.g. sharedFile('govuk-orgs', 'govuk-organisations.tsv'). */
export function sharedFile(...parts: string[]): string {
  const file = path.join(sharedDataDir(), ...parts);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing from the shared data folder`);
  return file;
}
