// Turns a Dataset into the parameter rows of the import queries (pure; tested without a database).
import type { Dataset, InitiativeStageRecord, OrganisationRecord, Provenance } from '../model.ts';
import { pathwayOrder } from '../atlas/stageHistory.ts';
import { searchTextOf } from '../search.ts';
import { placeIds, themeId } from './slug.ts';

export interface ThemeRow {
  id: string;
  name: string;
}
export interface PlaceRow {
  id: string;
  name: string;
  level: 'country' | 'region' | 'city';
  parentId: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface WriteBatches {
  themes: ThemeRow[];
  places: PlaceRow[];
  organisations: Record<string, unknown>[];
  relationships: Record<string, unknown>[];
  initiatives: Record<string, unknown>[];
  participations: Record<string, unknown>[];
  /** One row per initiative with a stage history: its steps in pathway order. */
  initiativeStages: Record<string, unknown>[];
}

/** Provenance stored on every fact; who/when are passed separately so missing values can default once. */
function provenanceProps(p: Provenance) {
  return { sourceUrl: p.sourceUrl, sourceDataset: p.sourceDataset, sourceRecord: p.sourceRecord };
}

function orgPlaceId(o: OrganisationRecord): string | null {
  if (o.country === null) return null;
  const ids = placeIds(o.country, o.region, o.city);
  return ids.city ?? ids.region ?? ids.country;
}

export function prepareBatches(dataset: Dataset): WriteBatches {
  const themes = new Map<string, ThemeRow>();
  const addThemes = (names: string[]) =>
    names.map((name) => {
      const id = themeId(name);
      if (!themes.has(id)) themes.set(id, { id, name });
      return id;
    });

  const places = new Map<string, PlaceRow>();
  const addPlace = (country: string, region: string | null, city: string | null) => {
    const ids = placeIds(country, region, city);
    if (!places.has(ids.country)) {
      places.set(ids.country, {
        id: ids.country,
        name: country,
        level: 'country',
        parentId: null,
        latitude: null,
        longitude: null,
      });
    }
    if (ids.region !== null && region !== null && !places.has(ids.region)) {
      places.set(ids.region, {
        id: ids.region,
        name: region,
        level: 'region',
        parentId: ids.country,
        latitude: null,
        longitude: null,
      });
    }
    if (ids.city !== null && city !== null && !places.has(ids.city)) {
      places.set(ids.city, {
        id: ids.city,
        name: city,
        level: 'city',
        parentId: ids.region ?? ids.country,
        latitude: null,
        longitude: null,
      });
    }
    return ids.city ?? ids.region ?? ids.country;
  };

  for (const o of dataset.organisations) if (o.country !== null) addPlace(o.country, o.region, o.city);
  for (const p of dataset.places) {
    const row = places.get(addPlace(p.country, p.region, p.city));
    if (row) {
      row.latitude = p.latitude;
      row.longitude = p.longitude;
    }
  }

  const organisations = dataset.organisations.map((o) => ({
    id: o.id,
    props: {
      name: o.name,
      sector: o.sector,
      kind: o.kind,
      description: o.description,
      website: o.website,
      // Stored as the import pipeline stores it (rows.ts organisationRow): the primary website first, then
      // the others; an organisation written here then reads back from its export as unchanged (QA L6).
      websites: [...new Set([...(o.website === null ? [] : [o.website]), ...(o.otherWebsites ?? [])])],
      status: o.status,
      identifiers: o.identifiers.map((i) => `${i.scheme}:${i.value}`),
      // For the full-text index: the analyzer keeps "GOV:abc" as one token, so index scheme and value apart.
      identifierText: o.identifiers.map((i) => `${i.scheme} ${i.value}`).join(' '),
      ...searchTextOf(o),
      ...provenanceProps(o.provenance),
    },
    themeIds: [...new Set(addThemes(o.themes))].sort(),
    placeId: orgPlaceId(o),
    recordedBy: o.provenance.recordedBy,
    recordedAt: o.provenance.recordedAt,
  }));

  const relationships = dataset.relationships.map((r) => ({
    id: r.id,
    kind: r.kind,
    source: r.source,
    target: r.target,
    since: r.since,
    until: r.until,
    props: {
      amount: r.amount,
      currency: r.currency,
      trust: r.trust,
      description: r.description,
      ...provenanceProps(r.provenance),
    },
    recordedBy: r.provenance.recordedBy,
    recordedAt: r.provenance.recordedAt,
  }));

  const initiatives = dataset.initiatives.map((i) => ({
    id: i.id,
    startDate: i.startDate,
    endDate: i.endDate,
    props: {
      name: i.name,
      stage: i.stage,
      description: i.description,
      website: i.website,
      ...provenanceProps(i.provenance),
    },
    themeIds: [...new Set(addThemes(i.themes))].sort(),
    recordedBy: i.provenance.recordedBy,
    recordedAt: i.provenance.recordedAt,
  }));

  const participations = dataset.participations.map((p) => ({
    organisation: p.organisation,
    initiative: p.initiative,
    since: p.since,
    until: p.until,
    props: { role: p.role, ...provenanceProps(p.provenance) },
    recordedBy: p.provenance.recordedBy,
    recordedAt: p.provenance.recordedAt,
  }));

  const levelOrder = { country: 0, region: 1, city: 2 } as const;
  return {
    themes: [...themes.values()],
    places: [...places.values()].sort((a, b) => levelOrder[a.level] - levelOrder[b.level]),
    organisations,
    relationships,
    initiatives,
    participations,
    initiativeStages: stageHistoryRows(dataset.initiativeStages ?? []),
  };
}

/** The steps of each initiative, in pathway order, as one row per initiative (its history is replaced whole). */
export function stageHistoryRows(steps: readonly InitiativeStageRecord[]): Record<string, unknown>[] {
  const byInitiative = new Map<string, InitiativeStageRecord[]>();
  for (const s of steps) {
    const list = byInitiative.get(s.initiative);
    if (list) list.push(s);
    else byInitiative.set(s.initiative, [s]);
  }
  return [...byInitiative.entries()].map(([initiative, list]) => ({
    initiative,
    steps: pathwayOrder(list).map((s) => ({
      stage: s.stage,
      on: s.date,
      props: provenanceProps(s.provenance),
      recordedBy: s.provenance.recordedBy,
      recordedAt: s.provenance.recordedAt,
    })),
  }));
}
