// Records to column values for the writers: lists stay lists and numbers stay numbers until each syntax formats them.
import type {
  Dataset,
  InitiativeRecord,
  InitiativeStageRecord,
  OrganisationRecord,
  ParticipationRecord,
  PlaceRecord,
  Provenance,
  RelationshipRecord,
} from '../model.ts';
import type { Entity } from './columns.ts';
import { formatIdentifier } from '../values.ts';

export type Cell = string | number | string[] | null;
export type Cells = Record<string, Cell>;

function provenanceCells(provenance: Provenance): Cells {
  return {
    source_url: provenance.sourceUrl,
    source_dataset: provenance.sourceDataset,
    source_record: provenance.sourceRecord,
    recorded_by: provenance.recordedBy,
    recorded_at: provenance.recordedAt,
  };
}

/** The licence column (not in initiative_stages.csv): empty when the record does not say. */
function licenceCell(provenance: Provenance): Cells {
  return { licence: provenance.licence ?? null };
}

function organisationCells(o: OrganisationRecord): Cells {
  return {
    id: o.id,
    name: o.name,
    sector: o.sector,
    kind: o.kind,
    description: o.description,
    website: o.website,
    country: o.country,
    region: o.region,
    city: o.city,
    themes: o.themes,
    identifiers: o.identifiers.map(formatIdentifier),
    status: o.status,
    other_websites: o.otherWebsites ?? [],
    sector_rule: o.sectorRule ?? null,
    closed_on: o.closedOn ?? null,
    aliases: o.aliases ?? [],
    ...provenanceCells(o.provenance),
    ...licenceCell(o.provenance),
  };
}

function relationshipCells(r: RelationshipRecord): Cells {
  return {
    id: r.id,
    source: r.source,
    target: r.target,
    kind: r.kind,
    since: r.since,
    until: r.until,
    amount: r.amount,
    currency: r.currency,
    trust: r.trust,
    description: r.description,
    ...provenanceCells(r.provenance),
    ...licenceCell(r.provenance),
  };
}

function initiativeCells(i: InitiativeRecord): Cells {
  return {
    id: i.id,
    name: i.name,
    stage: i.stage,
    start_date: i.startDate,
    end_date: i.endDate,
    themes: i.themes,
    description: i.description,
    website: i.website,
    ...provenanceCells(i.provenance),
    ...licenceCell(i.provenance),
  };
}

function participationCells(p: ParticipationRecord): Cells {
  return {
    initiative: p.initiative,
    organisation: p.organisation,
    role: p.role,
    since: p.since,
    until: p.until,
    ...provenanceCells(p.provenance),
    ...licenceCell(p.provenance),
  };
}

function placeCells(p: PlaceRecord): Cells {
  return { country: p.country, region: p.region, city: p.city, latitude: p.latitude, longitude: p.longitude };
}

function stageCells(s: InitiativeStageRecord): Cells {
  return { initiative: s.initiative, stage: s.stage, date: s.date, ...provenanceCells(s.provenance) };
}

export function datasetCells(dataset: Dataset): Record<Entity, Cells[]> {
  return {
    organisations: dataset.organisations.map(organisationCells),
    relationships: dataset.relationships.map(relationshipCells),
    initiatives: dataset.initiatives.map(initiativeCells),
    participations: dataset.participations.map(participationCells),
    places: dataset.places.map(placeCells),
    initiativeStages: (dataset.initiativeStages ?? []).map(stageCells),
  };
}
