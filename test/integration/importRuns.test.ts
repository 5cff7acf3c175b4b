// The run pipeline's promises on data a test writes itself: the atlas format's tolerant reading and
// identity resolution (one organisation repeated under several ids), all or nothing (readers never see a
// run's staging data; a run that fails leaves nothing behind), dry runs, and the run record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationsByIds } from '../../server/domain/organisations.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, type TestDb } from '../support/db.ts';
import { importFiles, importWorkspace, owned } from '../support/imports.ts';
import { startTestServer } from '../support/server.ts';
import { sharedFile } from '../support/sharedData.ts';

let db: TestDb;
const { namespace, folder, cleanup } = importWorkspace('atlas-run-');

beforeAll(() => {
  db = connectTestDb();
});
afterAll(async () => {
  await cleanup(db);
  await db.close();
});

const ORG = 'id,name,sector,kind,description,website,country,region,city,themes,identifiers';
const REL = 'id,source,target,kind,since,until,amount,currency,trust,source_url,description';

describe('atlas: tolerant reading and identity resolution', () => {
  it('imports one organisation repeated under several ids as one, with warnings; ties to any id hang on it', async () => {
    const ns = namespace('atlas');
    const dir = folder({
      'organisations.csv': [
        ORG,
        'civic-1,Open Data Leeds,CIVIC_INNOVATOR,civic tech group,,www.opendataleeds.org,United Kingdom,England,Leeds,Open data,',
        'civic-1-dup,Open Data Leeds,CIVIC_INNOVATOR,,Meets monthly,opendataleeds.org/,United Kingdom,England,Leeds,,',
        'civic-1-old,Open Data Leeds,CIVIC_INNOVATOR,,,https://meetup.com/open-data-leeds,United Kingdom,England,Leeds,,',
        'council,Leeds City Council,GOVERNMENT,local authority,null,N/A,United Kingdom,England,Leeds,-,GOVUK:leeds',
        'trust,Leeds Community Trust,NGO,,,not a website,,,United Kingdom,,',
      ],
      'relationships.csv': [
        REL,
        'r1,council,civic-1-dup,FUNDING,2023-01-01,,5000,GBP,SOURCED,,Small grant',
        'r2,civic-1-old,trust,PARTNERSHIP,2022-05-01,,,,CLAIMED,,',
        'r3,civic-1,council,DATA_SHARING,,,,,,,',
      ],
    });
    const report = await importFiles(db, 'atlas', [dir], ns);
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('PUBLISHED');
    expect(report.counts.organisations).toMatchObject({ read: 5, created: 3, merged: 2 });
    expect(report.repairCounts).toMatchObject({ WEBSITE_WITHOUT_SCHEME: 2, NOT_A_URL: 1, LOCATION: 1 });
    expect(report.repairs).toContainEqual(
      expect.objectContaining({
        where: 'organisations.csv:2',
        field: 'website',
        code: 'WEBSITE_WITHOUT_SCHEME',
        message: expect.stringContaining('https://www.opendataleeds.org'),
      }),
    );
    expect(report.repairs).toContainEqual(
      expect.objectContaining({
        where: 'organisations.csv:6',
        code: 'LOCATION',
        message: 'city "United Kingdom" names a country; read as country United Kingdom',
      }),
    );
    const [civic] = await organisationsByIds(db.runner, [`${ns}civic-1-dup`]);
    expect(civic).toMatchObject({
      id: `${ns}civic-1`,
      kind: 'civic tech group',
      description: 'Meets monthly',
      website: 'https://www.opendataleeds.org',
      websites: [
        'https://www.opendataleeds.org',
        'https://opendataleeds.org/',
        'https://meetup.com/open-data-leeds',
      ],
    });
    const [council] = await organisationsByIds(db.runner, [`${ns}council`]);
    expect(council).toMatchObject({ description: null, website: null, themes: [] });
    const [trust] = await organisationsByIds(db.runner, [`${ns}trust`]);
    expect(trust?.place).toMatchObject({ name: 'United Kingdom', level: 'country' });
    const tiesOfCivic = await runCypher(
      db.driver,
      'MATCH (o:Organisation {id: $id})-[r]-(m:Organisation) RETURN r.id AS id, type(r) AS kind, r.trust AS trust, m.id AS other ORDER BY id',
      { id: `${ns}civic-1` },
    );
    expect(tiesOfCivic).toEqual([
      { id: `${ns}r1`, kind: 'FUNDING', trust: 'SOURCED', other: `${ns}council` },
      { id: `${ns}r2`, kind: 'PARTNERSHIP', trust: 'CLAIMED', other: `${ns}trust` },
      { id: `${ns}r3`, kind: 'DATA_SHARING', trust: 'IMPORTED', other: `${ns}council` },
    ]);
    expect(await owned(db, ns)).toEqual({
      Alias: 2,
      DATA_SHARING: 1,
      FUNDING: 1,
      ImportRun: 1,
      Organisation: 3,
      PARTNERSHIP: 1,
    });

    // Over the API, a merged id finds the organisation wherever an id is asked for.
    const server = await startTestServer(db);
    try {
      const { data, errors } = await server.graphql<{
        organisation: { id: string };
        neighbourhood: { nodes: { id: string }[] };
        shortestPaths: { organisations: { id: string }[] }[];
      }>(
        `query ($alias: ID!, $other: ID!) {
          organisation(id: $alias) { id }
          neighbourhood(ids: [$alias], depth: 1) { nodes { id } }
          shortestPaths(from: $alias, to: $other) { organisations { id } }
        }`,
        { alias: `${ns}civic-1-old`, other: `${ns}trust` },
      );
      expect(errors).toBeUndefined();
      expect(data!.organisation.id).toBe(`${ns}civic-1`);
      expect(data!.neighbourhood.nodes.map((n) => n.id).sort()).toEqual(
        [`${ns}civic-1`, `${ns}council`, `${ns}trust`].sort(),
      );
      expect(data!.shortestPaths[0]!.organisations.map((o) => o.id)).toEqual([`${ns}civic-1`, `${ns}trust`]);
    } finally {
      await server.close();
    }

    // Importing again changes nothing; a later file may refer to a merged id.
    const again = await importFiles(db, 'atlas', [dir], ns);
    // Five records, three organisations: each stored organisation is matched once.
    expect(again.counts.organisations).toMatchObject({ created: 0, updated: 0, matched: 3 });
    const later = folder({
      'organisations.csv': [ORG],
      'relationships.csv': [REL, 'r4,civic-1-old,council,ADOPTION,,,,,,,'],
    });
    const third = await importFiles(db, 'atlas', [later], ns);
    expect(third.problems).toEqual([]);
    expect(third.counts.relationships.created).toBe(1);
    const [adoption] = await runCypher(
      db.driver,
      'MATCH (a)-[r:ADOPTION {id: $id}]->(b) RETURN a.id AS a, b.id AS b',
      { id: `${ns}r4` },
    );
    expect(adoption).toEqual({ a: `${ns}civic-1`, b: `${ns}council` });
  });

  it('makes the repairs errors under --strict, and writes nothing', async () => {
    const ns = namespace('strict');
    const dir = folder({ 'organisations.csv': [ORG, 'a,Alpha,NGO,,,alpha.example.org,United Kingdom,,,,'] });
    const report = await importFiles(db, 'atlas', [dir], ns, { strict: true });
    expect(report.status).toBe('REJECTED');
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'WEBSITE_WITHOUT_SCHEME', field: 'website' }),
    ]);
    expect(await owned(db, ns)).toEqual({});
  });

  it('with --no-merge, keeps repeated organisations apart', async () => {
    const ns = namespace('nomerge');
    const dir = folder({
      'organisations.csv': [
        ORG,
        'a,Alpha,NGO,,,https://alpha.example,United Kingdom,,Leeds,,',
        'b,Alpha,NGO,,,https://alpha.example,United Kingdom,,Leeds,,',
      ],
    });
    const report = await importFiles(db, 'atlas', [dir], ns, { merge: false });
    expect(report.counts.organisations).toMatchObject({ created: 2, merged: 0 });
    expect(await owned(db, ns)).toMatchObject({ Organisation: 2 });
  });

  it('never merges the same name in different places', async () => {
    const ns = namespace('albany');
    const dir = folder({
      'organisations.csv': [
        ORG,
        'ny,City of Albany,GOVERNMENT,,,,United States,New York,Albany,,',
        'ga,City of Albany,GOVERNMENT,,,,United States,Georgia,Albany,,',
        'or,City of Albany,GOVERNMENT,,,,United States,Oregon,Albany,,',
      ],
    });
    // The same city name in three states: the regions tell them apart.
    const report = await importFiles(db, 'atlas', [dir], ns);
    expect(report.counts.organisations).toMatchObject({ created: 3, merged: 0 });
  });
});

describe('all or nothing', () => {
  it('keeps a run invisible until it publishes, and leaves nothing when it fails before publishing', async () => {
    const ns = namespace('fail');
    let seenWhileStaged: Record<string, unknown> = {};
    const report = await importFiles(
      db,
      'cfa-brigades',
      [sharedFile('cfa-brigades', 'organizations.json')],
      ns,
      {
        beforePublish: async () => {
          seenWhileStaged = {
            visible: (
              await runCypher(
                db.driver,
                'MATCH (o:Organisation) WHERE o.id STARTS WITH $ns RETURN count(o) AS n',
                { ns },
              )
            )[0]?.n,
            staged: (
              await runCypher(
                db.driver,
                'MATCH (o:StagedOrganisation) WHERE o.id STARTS WITH $ns RETURN count(o) AS n',
                { ns },
              )
            )[0]?.n,
            viaApi: (await organisationsByIds(db.runner, [`${ns}cfa:code-for-boston@boston`]))[0],
          };
          throw new Error('simulated crash before publishing');
        },
      },
    );
    expect(seenWhileStaged).toEqual({ visible: 0, staged: 222, viaApi: null });
    expect(report.status).toBe('FAILED');
    expect(report.error).toMatch(/simulated crash/);
    expect(await owned(db, ns)).toEqual({ ImportRun: 1 });
    const [run] = await runCypher(
      db.driver,
      'MATCH (r:ImportRun {namespace: $ns}) RETURN r.status AS status',
      { ns },
    );
    expect(run).toEqual({ status: 'FAILED' });
  });

  it('writes nothing in a dry run, yet reports what it would do and checks references against the database', async () => {
    const ns = namespace('dry');
    const report = await importFiles(db, 'govuk', [sharedFile('govuk-orgs', 'govuk-organisations.tsv')], ns, {
      dryRun: true,
    });
    expect(report.status).toBe('DRY_RUN');
    expect(report.counts.organisations.created).toBe(1016);
    expect(report.counts.relationships.created).toBe(578);
    expect(await owned(db, ns)).toEqual({});
    const dangling = folder({
      'organisations.csv': [ORG],
      'relationships.csv': [REL, 'x,nobody,noone,PARTNERSHIP,,,,,,,'],
    });
    const bad = await importFiles(db, 'atlas', [dangling], ns, { dryRun: true });
    expect(bad.status).toBe('REJECTED');
    expect(bad.problems.map((p) => [p.file, p.line, p.field, p.code])).toEqual([
      ['relationships.csv', 2, 'source', 'DANGLING_REFERENCE'],
      ['relationships.csv', 2, 'target', 'DANGLING_REFERENCE'],
    ]);
  });

  it('records each run once, with its files, checksum and report', async () => {
    const ns = namespace('record');
    const file = sharedFile('govuk-orgs', 'govuk-organisations.tsv');
    const report = await importFiles(db, 'govuk', [file], ns);
    const [run] = await runCypher(db.driver, 'MATCH (r:ImportRun {id: $id}) RETURN r {.*} AS r', {
      id: report.runId,
    });
    const r = run?.r as Record<string, unknown>;
    expect(r).toMatchObject({
      format: 'govuk',
      files: [file],
      status: 'PUBLISHED',
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(JSON.parse(r.report as string)).toMatchObject({ counts: { organisations: { created: 1016 } } });
  });
});
