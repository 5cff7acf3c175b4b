// Small hand-made datasets owned by one test: every id and search word carries the test's prefix.
import type {
  Dataset,
  InitiativeRecord,
  InitiativeStage,
  OrganisationRecord,
  ParticipationRecord,
  ParticipationRole,
  Provenance,
  RelationshipRecord,
  Sector,
} from '../../server/domain/model.ts';
import { NO_PROVENANCE } from '../../server/domain/model.ts';

export function org(
  id: string,
  name: string,
  sector: Sector,
  extra: Partial<OrganisationRecord> = {},
): OrganisationRecord {
  return {
    id,
    name,
    sector,
    kind: null,
    description: null,
    website: null,
    country: null,
    region: null,
    city: null,
    themes: [],
    identifiers: [],
    status: 'PUBLISHED',
    provenance: NO_PROVENANCE,
    ...extra,
  };
}

export function rel(
  id: string,
  source: string,
  target: string,
  kind: RelationshipRecord['kind'],
  extra: Partial<RelationshipRecord> = {},
): RelationshipRecord {
  return {
    id,
    source,
    target,
    kind,
    since: null,
    until: null,
    amount: null,
    currency: null,
    trust: 'IMPORTED',
    description: null,
    provenance: NO_PROVENANCE,
    ...extra,
  };
}

export function initiative(
  id: string,
  name: string,
  stage: InitiativeStage,
  extra: Partial<InitiativeRecord> = {},
): InitiativeRecord {
  return {
    id,
    name,
    stage,
    startDate: null,
    endDate: null,
    themes: [],
    description: null,
    website: null,
    provenance: NO_PROVENANCE,
    ...extra,
  };
}

export function participation(
  initiative: string,
  organisation: string,
  role: ParticipationRole,
  extra: Partial<ParticipationRecord> = {},
): ParticipationRecord {
  return { initiative, organisation, role, since: null, until: null, provenance: NO_PROVENANCE, ...extra };
}

/**
 * A star plus a chain: hub — a, b, c (depth 1); c — d (depth 2); d — e (depth 3); plus one pending
 * organisation tied to the hub that must never be visible.
 */
export function smallNetwork(p: string): Dataset {
  const w = searchWord(p);
  const provenance: Provenance = {
    sourceUrl: 'https://example.org/source',
    sourceDataset: 'test-fixture',
    sourceRecord: 'row-7',
    recordedBy: 'tester',
    recordedAt: '2024-01-02T03:04:05Z',
  };
  return {
    organisations: [
      org(`${p}-hub`, `${w}hub Digital Council`, 'GOVERNMENT', {
        kind: 'local authority',
        description: `A council leading ${w}word inclusion work with ${w}o'neill`,
        country: 'United Kingdom',
        region: 'England',
        city: 'Leeds',
        themes: ['Digital inclusion', 'Housing'],
        identifiers: [{ scheme: 'GB-GOV', value: `${w}ident` }],
        provenance,
      }),
      org(`${p}-a`, `${w}alpha Trust`, 'NGO', {
        country: 'United Kingdom',
        region: 'England',
        city: 'Leeds',
      }),
      org(`${p}-b`, `${w}beta Labs`, 'CIVIC_INNOVATOR'),
      org(`${p}-c`, `${w}gamma Ltd`, 'COMPANY'),
      org(`${p}-d`, `${w}delta University`, 'ACADEMIC'),
      org(`${p}-e`, `${w}epsilon Foundation`, 'NGO'),
      org(`${p}-hidden`, `${w}hidden Pending Group`, 'CIVIC_INNOVATOR', { status: 'PENDING' }),
    ],
    relationships: [
      rel(`${p}-r1`, `${p}-hub`, `${p}-a`, 'PARTNERSHIP', {
        since: '2020-01-15',
        trust: 'CONFIRMED',
        provenance,
      }),
      rel(`${p}-r2`, `${p}-a`, `${p}-hub`, 'FUNDING', {
        since: '2021-04-01',
        until: '2022-03-31',
        amount: 25000,
        currency: 'GBP',
        trust: 'SOURCED',
      }),
      rel(`${p}-r3`, `${p}-hub`, `${p}-b`, 'ADOPTION', { since: '2019-06-01', trust: 'CLAIMED' }),
      rel(`${p}-r4`, `${p}-c`, `${p}-hub`, 'DATA_SHARING', { trust: 'DISPUTED' }),
      rel(`${p}-r5`, `${p}-c`, `${p}-d`, 'PARTNERSHIP'),
      rel(`${p}-r6`, `${p}-d`, `${p}-e`, 'MEMBERSHIP'),
      rel(`${p}-r7`, `${p}-hidden`, `${p}-hub`, 'PARTNERSHIP'),
    ],
    initiatives: [
      {
        id: `${p}-ini`,
        name: `${w} Pilot`,
        stage: 'PILOT',
        startDate: '2022-01-01',
        endDate: null,
        themes: ['Housing'],
        description: null,
        website: null,
        provenance: NO_PROVENANCE,
      },
    ],
    participations: [
      {
        initiative: `${p}-ini`,
        organisation: `${p}-hub`,
        role: 'LEAD',
        since: null,
        until: null,
        provenance: NO_PROVENANCE,
      },
      {
        initiative: `${p}-ini`,
        organisation: `${p}-b`,
        role: 'PARTNER',
        since: null,
        until: null,
        provenance: NO_PROVENANCE,
      },
    ],
    places: [
      { country: 'United Kingdom', region: 'England', city: 'Leeds', latitude: 53.8, longitude: -1.55 },
    ],
    initiativeStages: [
      { initiative: `${p}-ini`, stage: 'IDEA', date: '2021-06-01', provenance },
      { initiative: `${p}-ini`, stage: 'PILOT', date: '2022-01-01', provenance: NO_PROVENANCE },
    ],
  };
}

/** The prefix as one analyzer token (letters and digits only), for names and search words. */
export function searchWord(prefix: string): string {
  return prefix.replace(/[^a-zA-Z0-9]/g, '').toLowerCase();
}
