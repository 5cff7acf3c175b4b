// The domain vocabulary (public names used in the API and in files) and the importer-neutral Dataset.
// Every importer (atlas, and later 360Giving, GOV.UK, CORDIS…) produces a Dataset; one writer stores it.

export const SECTORS = ['GOVERNMENT', 'NGO', 'COMPANY', 'CIVIC_INNOVATOR', 'ACADEMIC'] as const;
export type Sector = (typeof SECTORS)[number];

export const RELATIONSHIP_KINDS = [
  'PARTNERSHIP',
  'FUNDING',
  'MEMBERSHIP',
  'PART_OF',
  'INVESTMENT',
  'DATA_SHARING',
  'ADOPTION',
] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

export const TRUST_STATES = ['CLAIMED', 'CONFIRMED', 'SOURCED', 'IMPORTED', 'DISPUTED'] as const;
export type TrustState = (typeof TRUST_STATES)[number];

export const INITIATIVE_STAGES = ['IDEA', 'PILOT', 'SCALING', 'ADOPTED', 'ENDED'] as const;
export type InitiativeStage = (typeof INITIATIVE_STAGES)[number];

export const PARTICIPATION_ROLES = ['LEAD', 'PARTNER', 'FUNDER'] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

export const ORGANISATION_STATUSES = ['PENDING', 'PUBLISHED', 'ARCHIVED'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

/** Where a fact comes from. All optional in files; kept exactly as written. */
export interface Provenance {
  /** URL of the source document or record. */
  sourceUrl: string | null;
  /** Name of the dataset the fact was imported from, e.g. "atlas-demo" or "360giving". */
  sourceDataset: string | null;
  /** The record's id inside that dataset (a grant id, a row number…). */
  sourceRecord: string | null;
  /** Who recorded the fact (a person, an organisation or an importer). */
  recordedBy: string | null;
  /** When it was recorded, ISO 8601 date-time. */
  recordedAt: string | null;
}

export interface Identifier {
  /** e.g. "GB-CHC" (charity number), "GB-COH" (company number), "GOVUK" (GOV.UK slug), "360G" (org-id). */
  scheme: string;
  value: string;
}

export interface OrganisationRecord {
  id: string;
  name: string;
  sector: Sector;
  kind: string | null;
  description: string | null;
  website: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  /** Theme names as written ("Digital inclusion"); stored as Theme nodes keyed by their slug. */
  themes: string[];
  identifiers: Identifier[];
  status: OrganisationStatus;
  provenance: Provenance;
}

export interface RelationshipRecord {
  /** Stable id; when a file gives none, the importer derives one from source, target, kind and since. */
  id: string;
  source: string;
  target: string;
  kind: RelationshipKind;
  /** ISO 8601 date (YYYY-MM-DD) or null. */
  since: string | null;
  until: string | null;
  amount: number | null;
  /** ISO 4217 code, upper case. */
  currency: string | null;
  trust: TrustState;
  description: string | null;
  provenance: Provenance;
}

export interface InitiativeRecord {
  id: string;
  name: string;
  stage: InitiativeStage;
  startDate: string | null;
  endDate: string | null;
  themes: string[];
  description: string | null;
  website: string | null;
  provenance: Provenance;
}

export interface ParticipationRecord {
  initiative: string;
  organisation: string;
  role: ParticipationRole;
  since: string | null;
  until: string | null;
  provenance: Provenance;
}

/** Optional coordinates for a place; places themselves come from organisations' country/region/city. */
export interface PlaceRecord {
  country: string;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface Dataset {
  organisations: OrganisationRecord[];
  relationships: RelationshipRecord[];
  initiatives: InitiativeRecord[];
  participations: ParticipationRecord[];
  places: PlaceRecord[];
}

export function emptyDataset(): Dataset {
  return { organisations: [], relationships: [], initiatives: [], participations: [], places: [] };
}

export const NO_PROVENANCE: Provenance = Object.freeze({
  sourceUrl: null,
  sourceDataset: null,
  sourceRecord: null,
  recordedBy: null,
  recordedAt: null,
});
