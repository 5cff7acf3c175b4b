// Acronyms of names that open with an abbreviation ("HM Revenue & Customs" → "HMRC"), on a small known
// graph: search finds the organisation by that acronym ahead of names that are typos of it, and the
// migrations that store it for organisations written before (0008, 0009) give the importer's value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../server/db/migrate.ts';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { emptyDataset } from '../../server/domain/model.ts';
import { searchOrganisations } from '../../server/domain/organisations.ts';
import { acronymOf } from '../../server/domain/search.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { org } from '../support/fixtures.ts';

let db: TestDb;
const p = uniquePrefix('acronym');
// Three capitals of this run (the hex of the prefix spelled in letters), and words of this run only.
const caps = p
  .slice(-3)
  .replace(/[0-9a-f]/g, (c) => 'QRSTUVWXYZJKLMNP'[parseInt(c, 16)]!)
  .toUpperCase();
const word = p.replace(/[^a-z]/g, '') + caps.toLowerCase();
const name = `${caps} Revenue & Customs ${word}`;
const acronym = `${caps}RC${word[0]!.toUpperCase()}`;
// Names with a word one letter off the acronym (which ends in A: `word` starts with it): typo matches of
// it as far as the index goes.
const typo = (last: string) => `${acronym.slice(0, -1)}${last} Holdings`;

beforeAll(async () => {
  db = connectTestDb();
  const organisations = [
    org(`${p}-typo-a`, typo('E'), 'COMPANY'),
    org(`${p}-typo-b`, typo('O'), 'COMPANY'),
    org(`${p}-target`, name, 'GOVERNMENT'),
    org(`${p}-capitals`, name.toUpperCase(), 'GOVERNMENT'),
    // Two capitals and no other word: no acronym (fewer than three letters).
    org(`${p}-short`, `${caps.slice(0, 2)} (draft)`, 'NGO'),
  ];
  await importSource(db.runner, sourceFromDataset({ ...emptyDataset(), organisations }), {
    recordedBy: 'import:test',
  });
});
afterAll(async () => {
  await deleteByPrefix(db, p);
  await db.close();
});

const stored = async () =>
  Object.fromEntries(
    (
      await runCypher(
        db.driver,
        'MATCH (o:Organisation) WHERE o.id STARTS WITH $p RETURN o.id AS id, o.acronym AS acronym',
        { p },
      )
    ).map((r) => [String(r.id).slice(p.length + 1), r.acronym]),
  );

describe('acronyms that keep an opening abbreviation whole', () => {
  it('stores the acronym with the abbreviation whole', async () => {
    expect(acronymOf(name)).toBe(acronym);
    const acronyms = await stored();
    expect(acronyms.target).toBe(acronym);
    // A name in capitals throughout has no abbreviation to keep: one letter per word.
    expect(acronyms.capitals).toBe(`${caps[0]}RC${word[0]!.toUpperCase()}`);
  });

  it('finds the organisation by that acronym ahead of names that are typos of it', async () => {
    const found = (await searchOrganisations(db.runner, acronym.toLowerCase(), 10)).map((o) => o.id);
    expect(found[0]).toBe(`${p}-target`);
    expect(found).toContain(`${p}-typo-a`);
    expect(found.indexOf(`${p}-typo-a`)).toBeGreaterThan(0);
  });

  it('gives organisations stored before the rule the same acronym in the migrations', async () => {
    // As the importer stored it before: one letter per word.
    await runCypher(db.driver, 'MATCH (o:Organisation) WHERE o.id STARTS WITH $p SET o.acronym = "OLD"', {
      p,
    });
    for (const file of ['acronym_abbreviations', 'short_acronyms']) {
      const migration = loadMigrations().find((m) => m.name.includes(file));
      expect(migration, `cypher/migrations/*_${file}.cypher`).toBeDefined();
      for (const statement of migration!.statements) await db.runner.runMigrationStatement(statement);
    }
    const acronyms = await stored();
    expect(acronyms.target).toBe(acronymOf(name));
    expect(acronymOf(`${caps.slice(0, 2)} (draft)`)).toBeNull();
    expect(acronyms.short).toBeNull();
    // Only names that open with an abbreviation are worked out again.
    expect(acronyms.capitals).toBe('OLD');
    expect(acronyms['typo-a']).toBe('OLD');
  });
});
