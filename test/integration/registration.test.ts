// Registering, claiming and editing organisations over HTTP: pending until a curator approves, visible
// meanwhile to the registrant and curators only; "is this you?" matches; ten concurrent registrations of
// one organisation give one organisation; edits by owners and curators, each in the history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import { normaliseIdentifier, normaliseName } from '../../server/domain/identity/normalise.ts';
import { toActor } from '../../server/domain/accounts/accounts.ts';
import {
  claimOrganisation,
  registerOrganisation,
  updateOrganisation,
} from '../../server/domain/curation/registration.ts';
import { approveRequest, rejectRequest } from '../../server/domain/curation/review.ts';
import { deleteAccountsData, makeAccount, signedIn } from '../support/accounts.ts';
import { BrowserClient, codeOf, problemFields } from '../support/browserClient.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, deleteByPrefix, uniquePrefix, type TestDb } from '../support/db.ts';
import { org } from '../support/fixtures.ts';
import { recording } from '../support/recordingRunner.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;
const p = uniquePrefix('reg');
const site = `${p}-listed.org`;
const HIGH = { points: 10_000, seconds: 60 };
/** A charity number of this test's own (7 digits from the prefix's random part). */
const charity = String(1_000_000 + (parseInt(p.slice(-6), 16) % 9_000_000));

beforeAll(async () => {
  db = connectTestDb();
  await importSource(
    db.runner,
    sourceFromDataset({
      organisations: [
        org(`${p}-listed`, `${p} Listed Trust Ltd`, 'NGO', {
          website: `https://www.${site}/about`,
          identifiers: [{ scheme: 'GB-CHC', value: `${p.slice(-8)}01` }],
        }),
        org(`${p}-fb`, `${p} Facebook Group`, 'CIVIC_INNOVATOR', {
          website: `https://www.facebook.com/${p}-page`,
        }),
        org(`${p}-gov`, `${p} Ministry`, 'GOVERNMENT', {
          website: `https://www.gov.uk/government/organisations/${p}-ministry`,
        }),
        org(`${p}-hidden`, `${p} Hidden Pending`, 'NGO', { status: 'PENDING' }),
        org(`${p}-bread`, `${p} Bread & Roses`, 'NGO', {
          identifiers: [{ scheme: 'GB-CHC', value: charity }],
        }),
      ],
      relationships: [],
      initiatives: [],
      participations: [],
      places: [],
    }),
    { recordedBy: 'import:test' },
  );
  server = await startTestServer(db, {
    auth: {
      rateLimits: {
        signUpsPerAddress: HIGH,
        mutationsPerAddress: HIGH,
        mutationsPerAccount: HIGH,
        signInFailuresPerAddress: HIGH,
      },
    },
  });
});
afterAll(async () => {
  await server?.close();
  await deleteAccountsData(db, p);
  await deleteByPrefix(db, p);
  await db.close();
});

const REGISTER = `mutation ($input: OrganisationInput!) {
  registerOrganisation(input: $input) {
    organisation { id name status sector kind website place { name parent { name } } themes { name } identifiers { scheme value } }
    request { id kind status }
  } }`;
type Registered = {
  registerOrganisation: {
    organisation: { id: string; status: string };
    request: { id: string; status: string };
  };
};

const valid = (name: string, extra: Record<string, unknown> = {}) => ({
  name: `${p} ${name}`,
  sector: 'CIVIC_INNOVATOR',
  kind: 'civic tech group',
  description: 'We build open tools.\nFor everyone.',
  website: `https://${name.toLowerCase().replace(/\W+/g, '-')}.${p}.org`,
  place: { country: 'United Kingdom', region: 'England', city: 'Leeds' },
  themes: ['Digital inclusion', 'Open data'],
  identifiers: ['gb-coh:01234567'],
  ...extra,
});

async function ownedByPrefix() {
  const [row] = await runCypher(
    db.driver,
    `MATCH (o:Organisation) WHERE o.name STARTS WITH $p OPTIONAL MATCH (r:Request)-[:ABOUT]->(o)
     RETURN count(DISTINCT o) AS organisations, count(DISTINCT r) AS requests`,
    { p },
  );
  const [changes] = await runCypher(
    db.driver,
    'MATCH (a:Account)-[:MADE]->(c:Change) WHERE a.email STARTS WITH $e RETURN count(c) AS changes',
    { e: `${p}-` },
  );
  return { ...row, ...changes };
}

describe('registerOrganisation', () => {
  it('registers a PENDING organisation owned by its registrant, with a pending request and a history entry', async () => {
    const { account, browser } = await signedIn(db, server, p, 'registrant');
    const reply = await browser.graphql<Registered>(REGISTER, { input: valid('Open Leeds') });
    expect(reply.errors).toBeUndefined();
    const { organisation, request } = reply.data!.registerOrganisation;
    expect(organisation).toMatchObject({
      status: 'PENDING',
      sector: 'CIVIC_INNOVATOR',
      kind: 'civic tech group',
      place: { name: 'Leeds', parent: { name: 'England' } },
      themes: [{ name: 'Digital inclusion' }, { name: 'Open data' }],
      identifiers: [{ scheme: 'GB-COH', value: '01234567' }],
    });
    expect(request).toMatchObject({ kind: 'REGISTRATION', status: 'PENDING' });

    // Not public: not by id, not in search.
    const anonymous = new BrowserClient(server);
    expect(
      (await anonymous.graphql('query ($id: ID!) { organisation(id: $id) { id } }', { id: organisation.id }))
        .data,
    ).toEqual({
      organisation: null,
    });
    const search = await anonymous.graphql<{ searchOrganisations: { id: string }[] }>(
      'query ($q: String!) { searchOrganisations(query: $q) { id } }',
      { q: `${p} Open Leeds` },
    );
    // Partial matches of other organisations may come back; the pending one never does.
    expect(search.errors).toBeUndefined();
    expect(search.data?.searchOrganisations.map((o) => o.id)).not.toContain(organisation.id);
    // Visible to its registrant: in me, with the request's status, and in the editing view.
    const mine = await browser.graphql<{
      me: { organisations: unknown[]; requests: { kind: string; status: string }[] };
    }>(
      '{ me { organisations { verified organisation { id status } } requests { kind status organisations { id } } } }',
    );
    expect(mine.data?.me.organisations).toEqual([
      { verified: false, organisation: { id: organisation.id, status: 'PENDING' } },
    ]);
    expect(mine.data?.me.requests).toEqual([
      { kind: 'REGISTRATION', status: 'PENDING', organisations: [{ id: organisation.id }] },
    ]);
    const editing = await browser.graphql<{ organisationForEditing: { id: string; viewerCan: unknown } }>(
      'query ($id: ID!) { organisationForEditing(id: $id) { id status viewerCan { edit claim proposeRelationship } } }',
      { id: organisation.id },
    );
    expect(editing.data?.organisationForEditing).toMatchObject({
      id: organisation.id,
      viewerCan: { edit: true, claim: false, proposeRelationship: false },
    });
    // …but not to another member.
    const { browser: other } = await signedIn(db, server, p, 'nosy');
    const nosy = await other.graphql('query ($id: ID!) { organisationForEditing(id: $id) { id } }', {
      id: organisation.id,
    });
    expect(codeOf(nosy)).toBe('FORBIDDEN');
    // History: who, what.
    const history = await browser.graphql<{
      history: { action: string; by: { id: string }; changes: { field: string; to: string }[] }[];
    }>(
      'query ($id: ID!) { history(organisation: $id) { action by { id name } changes { field from to } } }',
      { id: organisation.id },
    );
    expect(history.data?.history).toHaveLength(1);
    expect(history.data?.history[0]).toMatchObject({ action: 'CREATED', by: { id: account.id } });
    expect(history.data?.history[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', from: null, to: `${p} Open Leeds` },
        { field: 'place', from: null, to: 'Leeds, England, United Kingdom' },
        { field: 'status', from: null, to: 'PENDING' },
      ]),
    );
    // Signed out, the history of a pending organisation is not public.
    expect(
      codeOf(
        await anonymous.graphql('query ($id: ID!) { history(organisation: $id) { id } }', {
          id: organisation.id,
        }),
      ),
    ).toBe('UNAUTHENTICATED');
  });

  const BAD: [string, Record<string, unknown>, string[]][] = [
    ['a missing name', { name: '' }, ['input.name']],
    ['a 10,000-character name', { name: 'n'.repeat(10_000) }, ['input.name']],
    ['control characters in the name', { name: `${p} Evil\u0000Org` }, ['input.name']],
    ['a bidi override in the kind', { kind: 'civic\u202Etech' }, ['input.kind']],
    ['a javascript: URL', { website: 'javascript:alert(1)' }, ['input.website']],
    ['a data: URL', { website: 'data:text/html,<script>alert(1)</script>' }, ['input.website']],
    ['a URL without a public domain', { website: 'http://localhost:8080/' }, ['input.website']],
    ['a malformed identifier', { identifiers: ['no-scheme-here'] }, ['input.identifiers.0']],
    ['too many themes', { themes: Array.from({ length: 21 }, (_, i) => `Theme ${i}`) }, ['input.themes']],
    ['a place without a country', { place: { country: ' ', city: 'Leeds' } }, ['input.place.country']],
    ['a 10,000-character description', { description: 'd'.repeat(10_000) }, ['input.description']],
    [
      'several problems at once',
      { name: '', website: 'javascript:void(0)', kind: 'k'.repeat(101) },
      ['input.kind', 'input.name', 'input.website'],
    ],
  ];

  it.each(BAD.map((row, i) => [...row, i] as const))(
    'rejects %s with a problem per field, and writes nothing',
    async (_, change, fields, i) => {
      const { browser } = await signedIn(db, server, p, `bad-input-${i}`);
      const before = await ownedByPrefix();
      const reply = await browser.graphql(REGISTER, { input: valid('Bad Input Org', change) });
      expect(codeOf(reply)).toBe('BAD_USER_INPUT');
      expect(problemFields(reply)).toEqual(fields);
      for (const problem of reply.errors![0]!.extensions!.problems!)
        expect(problem.message.length).toBeGreaterThan(10);
      expect(await ownedByPrefix()).toEqual(before);
    },
  );

  it('rejects an unknown sector with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const { browser } = await signedIn(db, server, p, 'bad-sector');
    const before = await ownedByPrefix();
    const reply = await browser.graphql(REGISTER, { input: valid('Sector Org', { sector: 'NGOO' }) });
    expect(codeOf(reply)).toBe('BAD_USER_INPUT');
    expect(problemFields(reply)).toEqual(['input.sector']);
    expect(reply.errors![0]!.message).toMatch(/NGO/);
    expect(await ownedByPrefix()).toEqual(before);
  });

  it('rejects a missing required field (sector) before running anything', async () => {
    const { browser } = await signedIn(db, server, p, 'no-sector');
    const { sector: _s, ...input } = valid('No Sector Org');
    const reply = await browser.graphql(REGISTER, { input });
    expect(codeOf(reply)).toBe('BAD_USER_INPUT');
    expect(problemFields(reply)).toEqual(['input.sector']);
  });

  it('ten concurrent registrations of the same organisation give one organisation and nine CONFLICTs', async () => {
    const browsers = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => (await signedIn(db, server, p, `racer${i}`)).browser),
    );
    // The same normalised name and website host, written differently by each.
    const replies = await Promise.all(
      browsers.map((b, i) =>
        b.graphql<Registered>(REGISTER, {
          input: valid('Race Org', {
            name: i % 2 === 0 ? `${p} Race Org Ltd` : `The ${p.toUpperCase()} RACE ORG`,
            website: i % 2 === 0 ? `https://www.race.${p}.org/` : `http://race.${p}.org/contact`,
          }),
        }),
      ),
    );
    const ok = replies.filter((r) => r.errors === undefined);
    const conflicts = replies.filter((r) => codeOf(r) === 'CONFLICT');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(9);
    for (const c of conflicts)
      expect(c.errors![0]!.message).toMatch(/already registered or waiting for review/);
    const rows = await runCypher(
      db.driver,
      "MATCH (o:Organisation) WHERE toLower(o.name) CONTAINS 'race org' AND o.name CONTAINS $p OR o.name STARTS WITH 'The ' + toUpper($p) RETURN o.id AS id",
      { p },
    );
    expect(rows.map((r) => r.id)).toEqual([ok[0]!.data!.registerOrganisation.organisation.id]);
  });

  it('refuses to register an organisation already listed with the same name and website: claim it instead', async () => {
    const { browser } = await signedIn(db, server, p, 'duplicate');
    const reply = await browser.graphql(REGISTER, {
      input: { name: `The ${p} Listed Trust`, sector: 'NGO', website: `http://${site}` },
    });
    expect(codeOf(reply)).toBe('CONFLICT');
    expect(reply.errors![0]!.message).toContain(`${p}-listed`);
  });
});

describe('likelyMatches ("is this you?")', () => {
  const MATCHES = `query ($input: LikelyMatchInput!) { likelyMatches(input: $input) { organisation { id } rules score } }`;
  const matches = async (input: Record<string, unknown>) =>
    (
      await new BrowserClient(server).graphql<{
        likelyMatches: { organisation: { id: string }; rules: string[] }[];
      }>(MATCHES, { input })
    ).data!.likelyMatches.map((m) => [m.organisation.id, m.rules]);

  it('finds a listed organisation by normalised name, by site and by identifier, strongest first', async () => {
    expect(await matches({ name: `the ${p} LISTED trust` })).toEqual([[`${p}-listed`, ['SAME_NAME']]]);
    expect(await matches({ name: 'Something Else', website: `https://${site}/contact` })).toEqual([
      [`${p}-listed`, ['SAME_WEBSITE']],
    ]);
    expect(await matches({ identifiers: [`gb-chc:${p.slice(-8)}01`] })).toEqual([
      [`${p}-listed`, ['SAME_IDENTIFIER']],
    ]);
    expect(
      await matches({
        name: `${p} Listed Trust`,
        website: `https://www.${site}`,
        identifiers: [`GB-CHC:${p.slice(-8)}01`],
      }),
    ).toEqual([[`${p}-listed`, ['SAME_IDENTIFIER', 'SAME_WEBSITE', 'SAME_NAME']]]);
  });

  it('a name or identifier the importer treats as the same is a likely match too (one normalisation)', async () => {
    // The importers' identity rules (identity/normalise.ts) see these as one organisation…
    expect(normaliseName(`${p} Listed Trust Limited`)).toBe(normaliseName(`${p} Listed Trust Ltd`));
    expect(normaliseName(`The ${p} Bread and Roses`)).toBe(normaliseName(`${p} Bread & Roses`));
    expect(normaliseIdentifier('gb-chc', ` 0${charity}`)).toEqual(normaliseIdentifier('GB-CHC', charity));
    // …and so does registration's "is this you?".
    expect(await matches({ name: `${p} Listed Trust Limited` })).toEqual([[`${p}-listed`, ['SAME_NAME']]]);
    expect(await matches({ name: `The ${p} Bread and Roses` })).toEqual([[`${p}-bread`, ['SAME_NAME']]]);
    expect(await matches({ identifiers: [`gb-chc: 0${charity}`] })).toEqual([
      [`${p}-bread`, ['SAME_IDENTIFIER']],
    ]);
  });

  it('never matches by a shared host alone (a social network, gov.uk): only the same page', async () => {
    expect(
      await matches({ name: 'Another Group', website: `https://www.facebook.com/${p}-other-page` }),
    ).toEqual([]);
    expect(
      await matches({ name: 'Another Dept', website: 'https://www.gov.uk/government/organisations/other' }),
    ).toEqual([]);
    expect(await matches({ name: 'Same Page', website: `https://facebook.com/${p}-page/` })).toEqual([
      [`${p}-fb`, ['SAME_WEBSITE']],
    ]);
  });

  it('never shows unpublished organisations', async () => {
    expect(await matches({ name: `${p} Hidden Pending` })).toEqual([]);
  });

  it('rejects a javascript: website with a problem naming the field', async () => {
    const reply = await new BrowserClient(server).graphql(MATCHES, {
      input: { website: 'javascript:alert(1)' },
    });
    expect(problemFields(reply)).toEqual(['input.website']);
  });
});

const APPROVE =
  'mutation ($id: ID!, $reason: String) { approve(id: $id, reason: $reason) { id status decisionReason } }';
const REJECT =
  'mutation ($id: ID!, $reason: String!) { reject(id: $id, reason: $reason) { id status decisionReason } }';

describe('review of registrations', () => {
  it('a curator approves: the organisation is published, found by search, and its registrant a verified owner', async () => {
    const { browser } = await signedIn(db, server, p, 'approved-registrant');
    const reg = (await browser.graphql<Registered>(REGISTER, { input: valid('Approved Org') })).data!
      .registerOrganisation;
    // Not a curator: refused, nothing changes.
    const refused = await browser.graphql(APPROVE, { id: reg.request.id });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    const { browser: curator } = await signedIn(db, server, p, 'curator-a', 'CURATOR');
    const queue = await curator.graphql<{
      reviewQueue: { nodes: { id: string; kind: string; request: { organisations: { id: string }[] } }[] };
    }>(
      '{ reviewQueue(kinds: [REGISTRATION], first: 100) { totalCount nodes { id kind request { submittedBy { name } organisations { id status } } } } }',
    );
    expect(queue.data?.reviewQueue.nodes.map((n) => n.id)).toContain(reg.request.id);
    const approved = await curator.graphql<{ approve: unknown }>(APPROVE, {
      id: reg.request.id,
      reason: 'Checked its website.',
    });
    expect(approved.data?.approve).toEqual({
      id: reg.request.id,
      status: 'APPROVED',
      decisionReason: 'Checked its website.',
    });
    const found = await new BrowserClient(server).graphql<{ searchOrganisations: { id: string }[] }>(
      'query ($q: String!) { searchOrganisations(query: $q) { id } }',
      { q: `${p} Approved Org` },
    );
    // The best match first (partial matches of other organisations may follow it).
    expect(found.data?.searchOrganisations[0]?.id).toBe(reg.organisation.id);
    const mine = await browser.graphql<{ me: { organisations: unknown[] } }>(
      '{ me { organisations { verified organisation { status } } } }',
    );
    expect(mine.data?.me.organisations).toEqual([{ verified: true, organisation: { status: 'PUBLISHED' } }]);
    expect(codeOf(await curator.graphql(APPROVE, { id: reg.request.id }))).toBe('CONFLICT');
  });

  it('a curator rejects with a reason the registrant sees; the organisation is archived, never public', async () => {
    const { browser } = await signedIn(db, server, p, 'rejected-registrant');
    const reg = (await browser.graphql<Registered>(REGISTER, { input: valid('Rejected Org') })).data!
      .registerOrganisation;
    const { browser: curator } = await signedIn(db, server, p, 'curator-r', 'CURATOR');
    expect(problemFields(await curator.graphql(REJECT, { id: reg.request.id, reason: '' }))).toEqual([
      'reason',
    ]);
    const rejected = await curator.graphql<{ reject: unknown }>(REJECT, {
      id: reg.request.id,
      reason: 'No such organisation found.',
    });
    expect(rejected.data?.reject).toMatchObject({
      status: 'REJECTED',
      decisionReason: 'No such organisation found.',
    });
    const mine = await browser.graphql<{ me: { requests: unknown[] } }>(
      '{ me { requests { kind status decisionReason } } }',
    );
    expect(mine.data?.me.requests).toEqual([
      { kind: 'REGISTRATION', status: 'REJECTED', decisionReason: 'No such organisation found.' },
    ]);
    expect(
      (
        await new BrowserClient(server).graphql('query ($id: ID!) { organisation(id: $id) { id } }', {
          id: reg.organisation.id,
        })
      ).data,
    ).toEqual({ organisation: null });
    // The identity key is freed: the organisation can be registered again, correctly.
    expect((await browser.graphql(REGISTER, { input: valid('Rejected Org') })).errors).toBeUndefined();
  });
});

describe('claimOrganisation', () => {
  const CLAIM =
    'mutation ($id: ID!, $evidence: String!) { claimOrganisation(id: $id, evidence: $evidence) { id kind status evidence } }';

  it('a claim waits for a curator; once approved the claimant owns the organisation and can edit it', async () => {
    const { account, browser } = await signedIn(db, server, p, 'claimant');
    const EDIT =
      'mutation ($id: ID!, $changes: OrganisationChanges!) { updateOrganisation(id: $id, changes: $changes) { id kind } }';
    expect(codeOf(await browser.graphql(EDIT, { id: `${p}-gov`, changes: { kind: 'ministry' } }))).toBe(
      'FORBIDDEN',
    );
    const claim = await browser.graphql<{ claimOrganisation: { id: string; status: string } }>(CLAIM, {
      id: `${p}-gov`,
      evidence: 'I run its digital team; my address is on its staff page.',
    });
    expect(claim.data?.claimOrganisation).toMatchObject({ kind: 'CLAIM', status: 'PENDING' });
    expect(
      codeOf(await browser.graphql(CLAIM, { id: `${p}-gov`, evidence: 'Claiming it again, twice.' })),
    ).toBe('CONFLICT');
    expect(
      codeOf(
        await browser.graphql(CLAIM, { id: `${p}-hidden`, evidence: 'A pending one is not claimable.' }),
      ),
    ).toBe('NOT_FOUND');
    expect(problemFields(await browser.graphql(CLAIM, { id: `${p}-listed`, evidence: 'short' }))).toEqual([
      'evidence',
    ]);
    expect(
      problemFields(await browser.graphql(CLAIM, { id: `${p}-listed`, evidence: 'e'.repeat(10_000) })),
    ).toEqual(['evidence']);

    const { browser: curator } = await signedIn(db, server, p, 'curator-c', 'CURATOR');
    await curator.graphql(APPROVE, { id: claim.data!.claimOrganisation.id, reason: 'Confirmed by email.' });
    const edited = await browser.graphql(EDIT, { id: `${p}-gov`, changes: { kind: 'ministry' } });
    expect(edited.errors).toBeUndefined();
    const history = await new BrowserClient(server).graphql<{
      history: { action: string; by: { id: string } }[];
    }>(
      'query ($id: ID!) { history(organisation: $id) { action by { id } reason changes { field from to } } }',
      { id: `${p}-gov` },
    );
    expect(history.data?.history.map((h) => [h.action, h.by.id])).toEqual([
      ['UPDATED', account.id],
      ['OWNER_ADDED', expect.any(String)],
    ]);
  });
});

describe('updateOrganisation', () => {
  const EDIT = `mutation ($id: ID!, $changes: OrganisationChanges!, $reason: String) {
    updateOrganisation(id: $id, changes: $changes, reason: $reason) { id name kind description website themes { name } place { name } } }`;

  it('keeps the stored websites in step with the website: replaced or removed, it is gone from them too', async () => {
    const { browser } = await signedIn(db, server, p, 'sites');
    const input = valid('Sites Org');
    const id = (await browser.graphql<Registered>(REGISTER, { input })).data!.registerOrganisation
      .organisation.id;
    const sites = async () => {
      const [row] = await runCypher(
        db.driver,
        'MATCH (o:Organisation {id: $id}) RETURN o.website AS website, o.websites AS websites',
        { id },
      );
      return row;
    };
    expect(await sites()).toEqual({ website: input.website, websites: [input.website] });
    // As an import that saw another page of it would have left them.
    await runCypher(db.driver, 'MATCH (o:Organisation {id: $id}) SET o.websites = o.websites + $other', {
      id,
      other: `https://other.${p}.org`,
    });
    const next = `https://next.${p}.org`;
    expect((await browser.graphql(EDIT, { id, changes: { website: next } })).errors).toBeUndefined();
    expect(await sites()).toEqual({ website: next, websites: [next, `https://other.${p}.org`] });
    expect((await browser.graphql(EDIT, { id, changes: { website: null } })).errors).toBeUndefined();
    expect(await sites()).toEqual({ website: null, websites: [`https://other.${p}.org`] });
  });

  it("records every change (who, when, from → to, why) and refuses editing someone else's organisation", async () => {
    const { account: owner, browser } = await signedIn(db, server, p, 'editor');
    const reg = (await browser.graphql<Registered>(REGISTER, { input: valid('Edited Org') })).data!
      .registerOrganisation;
    const id = reg.organisation.id;
    const edit = await browser.graphql<{ updateOrganisation: Record<string, unknown> }>(EDIT, {
      id,
      changes: {
        kind: 'social enterprise',
        description: null,
        themes: ['Housing'],
        place: { country: 'United Kingdom', city: 'York' },
      },
    });
    expect(edit.errors).toBeUndefined();
    expect(edit.data?.updateOrganisation).toMatchObject({
      kind: 'social enterprise',
      description: null,
      themes: [{ name: 'Housing' }],
      place: { name: 'York' },
    });
    // Another member cannot edit it (it is not even visible to them while pending).
    const { browser: stranger } = await signedIn(db, server, p, 'stranger');
    expect(codeOf(await stranger.graphql(EDIT, { id, changes: { kind: 'hijacked' } }))).toBe('NOT_FOUND');
    expect(codeOf(await stranger.graphql(EDIT, { id: `${p}-listed`, changes: { kind: 'hijacked' } }))).toBe(
      'FORBIDDEN',
    );
    // A curator edits anything, but must say why.
    const { account: curatorAccount, browser: curator } = await signedIn(
      db,
      server,
      p,
      'curator-e',
      'CURATOR',
    );
    expect(
      problemFields(await curator.graphql(EDIT, { id, changes: { name: `${p} Edited Org CIC` } })),
    ).toEqual(['reason']);
    expect(
      (
        await curator.graphql(EDIT, {
          id,
          changes: { name: `${p} Edited Org CIC` },
          reason: 'Legal name from its register.',
        })
      ).errors,
    ).toBeUndefined();
    // Bad changes: rejected per field, nothing written.
    const bad = await browser.graphql(EDIT, {
      id,
      changes: { website: 'data:text/html,x', name: 'x'.repeat(10_000) },
    });
    expect(problemFields(bad)).toEqual(['changes.name', 'changes.website']);

    const history = await browser.graphql<{
      history: {
        action: string;
        by: { id: string };
        reason: string | null;
        at: string;
        changes: unknown[];
      }[];
    }>(
      'query ($id: ID!) { history(organisation: $id) { action at by { id } reason changes { field from to } } }',
      { id },
    );
    const [byCurator, byOwner, created] = history.data!.history;
    expect(history.data!.history).toHaveLength(3);
    expect(byCurator).toMatchObject({
      action: 'UPDATED',
      by: { id: curatorAccount.id },
      reason: 'Legal name from its register.',
      changes: [{ field: 'name', from: `${p} Edited Org`, to: `${p} Edited Org CIC` }],
    });
    expect(byOwner).toMatchObject({ action: 'UPDATED', by: { id: owner.id }, reason: null });
    expect(byOwner!.changes).toEqual([
      { field: 'kind', from: 'civic tech group', to: 'social enterprise' },
      { field: 'description', from: 'We build open tools.\nFor everyone.', to: null },
      { field: 'place', from: 'Leeds, England, United Kingdom', to: 'York, United Kingdom' },
      { field: 'themes', from: 'Digital inclusion; Open data', to: 'Housing' },
    ]);
    expect(created!.action).toBe('CREATED');
    expect(Date.parse(byCurator!.at)).toBeGreaterThanOrEqual(Date.parse(byOwner!.at));
  });
});

describe('the data version (it reloads the network snapshot) moves only with the public network', () => {
  it('a registration, its edits, a claim and a rejection leave it; an approval moves it', async () => {
    const registrant = toActor(await makeAccount(db, p, 'dv-registrant'), 'session');
    const curator = toActor(await makeAccount(db, p, 'dv-curator', 'CURATOR'), 'session');
    const ran = recording(db.runner);
    const bumps = () => ran.names.filter((n) => n === 'bumpDataVersion').length;

    const kept = await registerOrganisation(ran, registrant, valid('Versioned Org'));
    const dropped = await registerOrganisation(ran, registrant, valid('Versioned Dropped Org'));
    await updateOrganisation(ran, registrant, kept.organisationId, { description: 'Still pending.' }, null);
    await rejectRequest(ran, curator, dropped.requestId, 'Not an organisation we can find.');
    await claimOrganisation(ran, registrant, `${p}-listed`, 'I am its treasurer, see the annual report.');
    expect(ran.names).toContain('registerOrganisation');
    expect(ran.names).toContain('archiveRegistration');
    expect(bumps()).toBe(0);

    await approveRequest(ran, curator, kept.requestId, 'Checked.');
    expect(bumps()).toBe(1);
    // A published organisation's edit changes the public network: it moves.
    await updateOrganisation(ran, curator, kept.organisationId, { description: 'Now public.' }, 'Typo.');
    expect(bumps()).toBe(2);
  });
});
