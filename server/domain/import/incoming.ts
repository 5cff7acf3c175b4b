// What an importer hands to the run pipeline (run.ts): records as they are read, in two passes —
// organisations first, then what refers to them (relationships, initiatives, participations, stage
// histories after the initiatives they name) — each with
// where it came from, its provenance, and the problems and repairs found while reading it.
import type { Problem } from '../../common/problems.ts';
import type {
  Identifier,
  InitiativeStage,
  OrganisationStatus,
  ParticipationRole,
  RelationshipKind,
  Sector,
  TrustState,
} from '../model.ts';
import type { RepairCode } from './repairCodes.ts';

/**
 * Stored facts a record leaves as they are whatever the change mode, because its input does not say (an
 * atlas file without that column): the record neither sets nor removes them.
 */
export type KeptFact = 'licence' | 'sectorRule' | 'closedOn';

/** Where every fact of a record comes from. */
export interface SourceFacts {
  /** The dataset, e.g. `360giving:nominet.json`; null only for an atlas record whose source_dataset is empty. */
  sourceDataset: string | null;
  /** The record's id inside that dataset (a grant id, a GOV.UK slug, a row number…). */
  sourceRecord: string | null;
  /** A link to the record itself, when the source has one. */
  sourceUrl: string | null;
  /** The licence the source publishes the record under. */
  licence: string | null;
  /** Who recorded it (a person or an importer); null means the importer. */
  recordedBy: string | null;
  /** ISO date-time; null means the run's time. */
  recordedAt: string | null;
}

export interface IncomingOrganisation {
  type: 'organisation';
  /** The id the source gives this record (or one derived from it); other records refer to it. */
  recordId: string;
  name: string;
  sector: Sector;
  /** The sector-inference rule that chose the sector, or null when the source gave it. */
  sectorRule: string | null;
  kind: string | null;
  description: string | null;
  /** Every website, primary first; absolute http(s) URLs. */
  websites: string[];
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  /**
   * The coordinates of the places above its own (its country's, its region's) when the source gives them
   * (the atlas format's places.csv): stored on those places when they have none.
   */
  placesAbove?: PlacesAbove;
  themes: string[];
  identifiers: Identifier[];
  status: OrganisationStatus;
  /** The day it closed (GOV.UK bodies), YYYY-MM-DD. */
  closedOn: string | null;
  provenance: SourceFacts;
  /** A record that only names an organisation other records define (e.g. a parent by slug): never creates one. */
  referenceOnly?: boolean;
  /** Facts the input does not give (see KeptFact). */
  keep?: readonly KeptFact[];
  /** Other ids the organisation was known by (the atlas `aliases` column): stored as aliases of it. */
  aliases?: readonly string[];
}

export interface IncomingRelationship {
  type: 'relationship';
  /** Stable id of the relationship. */
  id: string;
  kind: RelationshipKind;
  /** Record ids (or organisation ids or aliases already in the database). */
  source: string;
  target: string;
  since: string | null;
  until: string | null;
  amount: number | null;
  currency: string | null;
  trust: TrustState;
  description: string | null;
  /** Extra facts the source gives (programme, title…), stored as relationship properties. */
  extra: Record<string, string | number | null>;
  provenance: SourceFacts;
  /** Facts the input does not give (only `licence` applies). */
  keep?: readonly KeptFact[];
}

export interface IncomingInitiative {
  type: 'initiative';
  id: string;
  name: string;
  stage: InitiativeStage;
  startDate: string | null;
  endDate: string | null;
  themes: string[];
  description: string | null;
  website: string | null;
  extra: Record<string, string | number | null>;
  provenance: SourceFacts;
  /** Facts the input does not give (only `licence` applies). */
  keep?: readonly KeptFact[];
}

export interface IncomingParticipation {
  type: 'participation';
  initiative: string;
  organisation: string;
  role: ParticipationRole;
  since: string | null;
  until: string | null;
  extra: Record<string, string | number | null>;
  provenance: SourceFacts;
  /** Facts the input does not give (only `licence` applies). */
  keep?: readonly KeptFact[];
}

/** One step of an initiative's stage history (checked by the importer: see atlas/stageHistory.ts). */
export interface IncomingStage {
  type: 'stage';
  initiative: string;
  stage: InitiativeStage;
  date: string;
  provenance: SourceFacts;
}

export type IncomingLink = IncomingRelationship | IncomingInitiative | IncomingParticipation | IncomingStage;

/** A record with where it is in the input: `file:line` or `file record n`, for the report. */
export interface Located<T> {
  record: T;
  where: string;
  /** The file, line and each field's column, when the reader knows them (problems then point there). */
  at?: { file: string; line: number | null; columns?: Record<string, number> };
}

/** A documented repair applied while reading (a warning; an error under --strict). */
export interface Repair {
  code: RepairCode;
  where: string;
  field: string | null;
  message: string;
}

export interface ReadContext {
  /** Problems that stop the run (nothing is written). */
  problem(problem: Problem): void;
  /** A repair applied to a record (a warning; an error under --strict). */
  repair(repair: Repair): void;
  /** Counts a record per sector-inference rule. */
  sectorRule(rule: string): void;
  /** Bytes of input read so far (progress). */
  progress(bytes: number): void;
}

export type Pass = 'organisations' | 'links';

export interface OpenImporter {
  /** The name on the command line: `npm run import -- <name> <path…>`. */
  name: string;
  description: string;
  /** The licence of the source when the input does not say (overridden by --licence). */
  defaultLicence: string | null;
  /** Who records the facts: `import:<name>`. */
  recordedBy: string;
  /**
   * True for formats whose values are the facts (atlas): a stored organisation matched by its id takes the
   * file's values. Open-data sources only fill what is empty, unless the organisation came from the same
   * dataset (see README "Identity resolution").
   */
  authoritative: boolean;
  /** Checks the paths (count, kind of file) before anything is read; returns problems. */
  checkPaths(paths: readonly string[]): Problem[];
  /** Reads one pass over the input. */
  read(
    paths: readonly string[],
    pass: Pass,
    context: ReadContext,
  ): AsyncIterable<Located<IncomingOrganisation | IncomingLink>>;
}

/** Coordinates of the country and region above an organisation's place; a level left out has none given. */
export interface PlacesAbove {
  country?: { latitude: number | null; longitude: number | null };
  region?: { latitude: number | null; longitude: number | null };
}
