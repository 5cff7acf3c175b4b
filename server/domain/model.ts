// The domain vocabulary (public names used in the API and in files) and the importer-neutral Dataset.
// Every importer (atlas, and later 360Giving, GOV.UK, CORDIS…) produces a Dataset; one writer stores it.

import {
  HistoryAction as HistoryActionValues,
  InitiativeStage as InitiativeStageValues,
  MatchRule as MatchRuleValues,
  MergeCandidateStatus as MergeCandidateStatusValues,
  OrganisationStatus as OrganisationStatusValues,
  ParticipationRole as ParticipationRoleValues,
  RelationshipKind as RelationshipKindValues,
  ReviewKind as ReviewKindValues,
  ReviewStatus as ReviewStatusValues,
  Role as RoleValues,
  Sector as SectorValues,
  TrustState as TrustStateValues,
} from './generated/vocabulary.ts';

// The vocabulary is defined once, as the enums of server/graphql/schema/vocabulary.graphql; these lists are generated
// from there (in schema order) and everything else is checked against them (test/unit/vocabulary).
export type Sector = (typeof SectorValues)[keyof typeof SectorValues];
export const SECTORS: readonly Sector[] = Object.values(SectorValues);

export type RelationshipKind = (typeof RelationshipKindValues)[keyof typeof RelationshipKindValues];
export const RELATIONSHIP_KINDS: readonly RelationshipKind[] = Object.values(RelationshipKindValues);

export type TrustState = (typeof TrustStateValues)[keyof typeof TrustStateValues];
export const TRUST_STATES: readonly TrustState[] = Object.values(TrustStateValues);

export type InitiativeStage = (typeof InitiativeStageValues)[keyof typeof InitiativeStageValues];
export const INITIATIVE_STAGES: readonly InitiativeStage[] = Object.values(InitiativeStageValues);

export type ParticipationRole = (typeof ParticipationRoleValues)[keyof typeof ParticipationRoleValues];
export const PARTICIPATION_ROLES: readonly ParticipationRole[] = Object.values(ParticipationRoleValues);

export type OrganisationStatus = (typeof OrganisationStatusValues)[keyof typeof OrganisationStatusValues];
export const ORGANISATION_STATUSES: readonly OrganisationStatus[] = Object.values(OrganisationStatusValues);

// Accounts and curation (issue 9).
export type Role = (typeof RoleValues)[keyof typeof RoleValues];
export const ROLES: readonly Role[] = Object.values(RoleValues);

export type ReviewStatus = (typeof ReviewStatusValues)[keyof typeof ReviewStatusValues];
export const REVIEW_STATUSES: readonly ReviewStatus[] = Object.values(ReviewStatusValues);

export type ReviewKind = (typeof ReviewKindValues)[keyof typeof ReviewKindValues];
export const REVIEW_KINDS: readonly ReviewKind[] = Object.values(ReviewKindValues);

export type MergeCandidateStatus =
  (typeof MergeCandidateStatusValues)[keyof typeof MergeCandidateStatusValues];
export const MERGE_CANDIDATE_STATUSES: readonly MergeCandidateStatus[] =
  Object.values(MergeCandidateStatusValues);

export type HistoryAction = (typeof HistoryActionValues)[keyof typeof HistoryActionValues];
export const HISTORY_ACTIONS: readonly HistoryAction[] = Object.values(HistoryActionValues);

export type MatchRule = (typeof MatchRuleValues)[keyof typeof MatchRuleValues];
export const MATCH_RULES: readonly MatchRule[] = Object.values(MatchRuleValues);

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
  /**
   * The licence the fact is published under. Absent (undefined) when the input does not say: an atlas file
   * without a `licence` column leaves a stored licence as it is; null means none.
   */
  licence?: string | null;
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
  // Facts an atlas file carries in optional columns (README "organisations.csv"). Each is absent (undefined)
  // when the file has no such column: a stored organisation then keeps what it has; null or [] means none.
  /** The websites besides `website` (all of them are kept; an import never removes one). */
  otherWebsites?: string[];
  /** The sector-inference rule that chose the sector (`identifier:charity`…). */
  sectorRule?: string | null;
  /** The day it closed, YYYY-MM-DD. */
  closedOn?: string | null;
  /** Ids it was also known by (records merged into it); an import adds aliases, never removes one. */
  aliases?: string[];
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

/**
 * One step of an initiative's pathway: the day it reached a stage (IDEA → PILOT → SCALING → ADOPTED or
 * ENDED). An initiative's steps, in date order, are its stage history; its `stage` is the last one.
 */
export interface InitiativeStageRecord {
  initiative: string;
  stage: InitiativeStage;
  /** YYYY-MM-DD. */
  date: string;
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
  /** Stage histories of initiatives; absent means none (older datasets and importers without them). */
  initiativeStages?: InitiativeStageRecord[];
}

export function emptyDataset(): Dataset {
  return {
    organisations: [],
    relationships: [],
    initiatives: [],
    participations: [],
    places: [],
    initiativeStages: [],
  };
}

export const NO_PROVENANCE: Provenance = Object.freeze({
  sourceUrl: null,
  sourceDataset: null,
  sourceRecord: null,
  recordedBy: null,
  recordedAt: null,
});
