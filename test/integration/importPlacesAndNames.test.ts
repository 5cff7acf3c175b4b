// Import quality on small known 360Giving inputs (QA M6, M1): where funders and recipients are placed (no
// United Kingdom for an address whose postcode is foreign, streets are not cities, towns given as
// addressRegion are cities, not UK regions), and the same name in two files with no place to tell them
// apart becomes a merge candidate for the curator, never a merge.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationsByIds, type Place } from '../../server/domain/organisations.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, type TestDb } from '../support/db.ts';
import { importFiles, importWorkspace } from '../support/imports.ts';

let db: TestDb;
const workspace = importWorkspace('atlas-importq-');
const dirs: string[] = [];

beforeAll(() => {
  db = connectTestDb();
});
afterAll(async () => {
  await workspace.cleanup(db);
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  await db.close();
});

type Org = Record<string, string>;

/** A 360Giving file with one grant per recipient, all from one funder. */
function grantsFile(name: string, funder: Org, recipients: Org[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-importq-'));
  dirs.push(dir);
  const file = path.join(dir, name);
  const grants = recipients.map((recipient, i) => ({
    id: `${name}-g${i}`,
    title: `Grant ${i}`,
    amountAwarded: 1000 + i,
    currency: 'GBP',
    awardDate: '2020-04-01',
    fundingOrganization: [funder],
    recipientOrganization: [recipient],
  }));
  fs.writeFileSync(file, JSON.stringify({ grants }));
  return file;
}

/** A place as "country / region / city" ('' for a missing level), or null. */
function placeText(place: Place | null | undefined): string | null {
  if (!place) return null;
  const levels: Record<string, string> = {};
  for (let p: Place | null = place; p !== null; p = p.parent) levels[p.level] = p.name;
  return [levels.country ?? '', levels.region ?? '', levels.city ?? ''].join(' / ');
}

describe('360Giving places', () => {
  const ns = workspace.namespace('importq-places');
  const funder = {
    id: 'GB-CHC-1000001',
    name: 'Places Test Fund',
    addressCountry: 'UK',
    addressLocality: 'Leeds',
  };
  const recipients: Org[] = [
    // QA M6: Eyelliance - Tides Center, under Indigo Trust's GB- org-id, in San Francisco.
    {
      id: 'GB-CHC-1000001:org-1',
      name: 'Tides Center Test',
      addressRegion: 'San Francisco',
      postalCode: 'CA 94129',
    },
    { id: 'GB-COH-09000002', name: 'Geneva Society', addressLocality: 'Geneva', postalCode: 'CH-1204' },
    // A UK postcode places an address without a country in the United Kingdom, whatever the org-id.
    { id: '360G-test-3', name: 'Leeds Postcode Group', addressLocality: 'Leeds', postalCode: 'LS1 4AP' },
    // A GB- org-id with no postcode still does.
    { id: 'GB-CHC-1000004', name: 'York Group', addressLocality: 'York' },
    // Streets are not cities; the town in addressRegion is.
    {
      id: 'GB-CHC-1000005',
      name: 'Marchmont Group',
      addressLocality: 'Marchmont Street',
      addressRegion: 'London',
      addressCountry: 'UK',
    },
    {
      id: 'GB-CHC-1000006',
      name: 'Harrow Group',
      addressLocality: 'Watford Road',
      addressRegion: 'Harrow',
      addressCountry: 'UK',
    },
    {
      id: '360G-test-7',
      name: 'Ngong Group',
      addressLocality: 'Ngong Road',
      addressRegion: 'Nairobi',
      addressCountry: 'KENYA',
    },
    {
      id: '360G-test-8',
      name: 'Corner Group',
      addressLocality: 'Cnr. Beyers Naude and Marina Street',
      addressRegion: 'Zandspruit',
      addressCountry: 'SOUTH AFRICA',
    },
    // Only a street and a UK postcode: the country, no city.
    {
      id: 'GB-CHC-1000009',
      name: 'Sunderland Road Group',
      addressLocality: 'Sunderland Road',
      postalCode: 'DH1 2LL',
    },
    // Real places with street words in their names stay cities.
    {
      id: 'GB-CHC-1000010',
      name: 'Chester Group',
      addressLocality: 'Chester-le-Street',
      addressRegion: 'County Durham',
      addressCountry: 'UK',
    },
    {
      id: 'GB-CHC-1000011',
      name: 'Easington Group',
      addressLocality: 'Easington Lane',
      addressCountry: 'UK',
    },
    // A town as addressRegion is the city; a county stays the region; London is the region beside a district.
    { id: 'GB-CHC-1000012', name: 'Botley Group', addressRegion: 'Botley', addressCountry: 'UK' },
    {
      id: 'GB-CHC-1000013',
      name: 'Hexham Group',
      addressLocality: 'Hexham',
      addressRegion: 'Northumberland',
      addressCountry: 'UK',
    },
    {
      id: 'GB-CHC-1000014',
      name: 'Hammersmith Group',
      addressLocality: 'Hammersmith',
      addressRegion: 'London',
      addressCountry: 'UK',
    },
    {
      id: 'GB-CHC-1000015',
      name: 'Wallsend Group',
      addressLocality: 'Wallsend',
      addressRegion: 'North Tyneside',
      addressCountry: 'UK',
    },
    {
      id: 'GB-CHC-1000016',
      name: 'Botley England Group',
      addressRegion: 'Botley',
      addressCountry: 'England',
    },
  ];

  it('places each address as its values say, and reports every repair', async () => {
    const file = grantsFile('places.json', funder, recipients);
    const report = await importFiles(db, '360giving', [file], ns);
    expect(report.status).toBe('PUBLISHED');
    const ids = recipients.map((r) => `${ns}${r.id}`);
    const found = await organisationsByIds(db.runner, ids);
    expect(found.map((o) => o?.id)).toEqual(ids);
    const placed = Object.fromEntries(recipients.map((r, i) => [r.name, placeText(found[i]?.place)]));
    expect(placed).toEqual({
      'Tides Center Test': null,
      'Geneva Society': null,
      'Leeds Postcode Group': 'United Kingdom /  / Leeds',
      'York Group': 'United Kingdom /  / York',
      'Marchmont Group': 'United Kingdom /  / London',
      'Harrow Group': 'United Kingdom /  / Harrow',
      'Ngong Group': 'Kenya / Nairobi / ',
      'Corner Group': 'South Africa / Zandspruit / ',
      'Sunderland Road Group': 'United Kingdom /  / ',
      'Chester Group': 'United Kingdom / County Durham / Chester-le-Street',
      'Easington Group': 'United Kingdom /  / Easington Lane',
      'Botley Group': 'United Kingdom /  / Botley',
      'Hexham Group': 'United Kingdom / Northumberland / Hexham',
      'Hammersmith Group': 'United Kingdom / London / Hammersmith',
      'Wallsend Group': 'United Kingdom /  / Wallsend',
      'Botley England Group': 'United Kingdom / England / Botley',
    });
    expect(report.repairCounts).toMatchObject({ NOT_A_PLACE: 5, NOT_A_REGION: 5, LOCATION: 2 });
    const messages = report.repairs.map((r) => `${r.code} ${r.field}: ${r.message}`);
    expect(messages).toContain(
      'LOCATION address: San Francisco is given without a country; the place is left out (the org-id is British, but postcode "CA 94129" is not a UK postcode, so the United Kingdom is not assumed)',
    );
    expect(messages).toContain(
      'NOT_A_PLACE addressLocality: addressLocality "Ngong Road" looks like a street address, not a town; not used as the city',
    );
    expect(messages).toContain(
      'NOT_A_REGION addressRegion: addressRegion "Botley" is a town, not a UK region (a nation, an ITL1 region or a county); read as the city',
    );
    expect(messages).toContain(
      'NOT_A_REGION addressRegion: addressRegion "North Tyneside" is a town, not a UK region (a nation, an ITL1 region or a county); left out beside the city Wallsend',
    );
    // No place named after a street, and no UK region that is a town, was created.
    const names = await runCypher(
      db.driver,
      `MATCH (o:Organisation)-[:LOCATED_IN]->(:Place)-[:IN*0..2]->(p:Place) WHERE o.id STARTS WITH $ns
       RETURN DISTINCT p.name AS name ORDER BY name`,
      { ns },
    );
    const placeNames = names.map((r) => r.name as string);
    for (const wrong of ['Marchmont Street', 'Watford Road', 'Ngong Road', 'San Francisco', 'Geneva'])
      expect(placeNames).not.toContain(wrong);
  });
});

describe('the same name in two files with no place to tell them apart', () => {
  const ns = workspace.namespace('importq-names');
  const recipient = (id: string, name: string, extra: Org = {}) => ({ id, name, ...extra });

  it('becomes a merge candidate for the curator, never a merge; different places stay apart', async () => {
    // indigo.json names its funder by its own 360G id and no place; the COVID-19 file by its charity number.
    const first = grantsFile('first.json', { id: '360G-namestest', name: 'Namestest Trust' }, [
      recipient('360G-namestest:org-1', 'Namestest Community Links', {
        addressLocality: 'Pwllheli',
        addressCountry: 'UK',
      }),
      recipient('360G-namestest:org-2', 'Namestest Kenya Red Cross', { addressCountry: 'Kenya' }),
    ]);
    const second = grantsFile('second.json', { id: 'GB-CHC-1900001', name: 'The Namestest Trust' }, [
      recipient('GB-CHC-1900002', 'Namestest Community Links', {
        addressLocality: 'Canning Town',
        addressRegion: 'London',
        addressCountry: 'UK',
      }),
      recipient('GB-CHC-1900003', 'Namestest Kenya Red Cross', { addressCountry: 'UK' }),
    ]);
    expect((await importFiles(db, '360giving', [first], ns)).candidates).toEqual([]);
    const report = await importFiles(db, '360giving', [second], ns);
    expect(report.status).toBe('PUBLISHED');
    expect(report.counts.organisations).toMatchObject({ created: 3, merged: 0 });
    expect(report.merges).toEqual([]);
    expect(report.candidates).toEqual([
      expect.objectContaining({
        rule: 'SIMILAR_NAME',
        organisations: [`${ns}360G-namestest`, `${ns}GB-CHC-1900001`],
        evidence: { names: ['The Namestest Trust', 'Namestest Trust'], places: [null, null] },
        score: 0.5,
      }),
    ]);
    const stored = await runCypher(
      db.driver,
      `MATCH (c:MergeCandidate)-[:CANDIDATE_OF]->(o:Organisation) WHERE o.id STARTS WITH $ns
       WITH c, collect(o.id) AS ids RETURN c.rule AS rule, c.status AS status, size(ids) AS n`,
      { ns },
    );
    expect(stored).toEqual([{ rule: 'SIMILAR_NAME', status: 'OPEN', n: 2 }]);
    const both = await organisationsByIds(db.runner, [`${ns}360G-namestest`, `${ns}GB-CHC-1900001`]);
    expect(both.map((o) => o?.id).sort()).toEqual([`${ns}360G-namestest`, `${ns}GB-CHC-1900001`]);
    // Imported again: the candidate is not repeated.
    expect((await importFiles(db, '360giving', [second], ns)).counts.candidates).toBe(0);
  });
});
