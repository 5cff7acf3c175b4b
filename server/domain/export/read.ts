// Reads what an export contains as an importer-neutral Dataset: the selected published organisations,
// the relationships among them, the initiatives they take part in (with their participations) and the
// coordinates of their places, in id order so the same data always gives the same files.
import type { QueryRunner } from '../../common/queryRunner.ts';
import { emptyDataset } from '../model.ts';
import { parseIdentifier } from '../organisations.ts';
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
import type { RelationshipKind } from '../model.ts';

const BATCH = 5_000;

type Props = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function provenance(p: Props): Provenance {
  return {
    sourceUrl: text(p.sourceUrl),
    sourceDataset: text(p.sourceDataset),
    sourceRecord: text(p.sourceRecord),
    recordedBy: text(p.recordedBy),
    recordedAt: text(p.recordedAt),
    licence: text(p.licence),
  };
}

/** The websites besides the primary one, in the stored order. */
function otherWebsites(o: Props): string[] {
  const all = Array.isArray(o.websites) ? o.websites.filter((w): w is string => typeof w === 'string') : [];
  return all.filter((w) => w !== o.website);
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function inBatches<T, R>(items: readonly T[], read: (batch: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(...(await read(items.slice(i, i + BATCH))));
  return out;
}

export interface Selection {
  organisationIds: string[];
  relationships: { id: string; kind: RelationshipKind }[];
}

/**
 * `full: false` for the formats that carry organisations and ties only (GraphML, GEXF, Cytoscape.js, CSV):
 * initiatives, participations, stage histories and place coordinates are then not read (on CORDIS data,
 * reading every participation of 30,000 projects took most of a whole-network export's time);
 * `initiatives: true` reads the initiatives with their participations and stage histories all the same
 * (a two-mode graph export), but not the place coordinates.
 */
export async function readDataset(
  runner: QueryRunner,
  selection: Selection,
  { full = true, initiatives: withInitiatives = full }: { full?: boolean; initiatives?: boolean } = {},
): Promise<Dataset> {
  const ids = [...selection.organisationIds].sort();
  const organisations = await inBatches(ids, async (batch) => {
    const rows = await runner.read<{
      organisation: Props;
      country: string | null;
      region: string | null;
      city: string | null;
      themes: string[];
      aliases: string[];
    }>('exportOrganisations', { ids: batch });
    return rows.map((row): OrganisationRecord => ({
      id: String(row.organisation.id),
      name: String(row.organisation.name),
      sector: row.organisation.sector as OrganisationRecord['sector'],
      kind: text(row.organisation.kind),
      description: text(row.organisation.description),
      website: text(row.organisation.website),
      country: row.country,
      region: row.region,
      city: row.city,
      themes: row.themes,
      identifiers: ((row.organisation.identifiers as string[] | undefined) ?? []).map(parseIdentifier),
      status: row.organisation.status as OrganisationRecord['status'],
      provenance: provenance(row.organisation),
      otherWebsites: otherWebsites(row.organisation),
      sectorRule: text(row.organisation.sectorRule),
      closedOn: text(row.organisation.closedOn),
      aliases: row.aliases,
    }));
  });
  const relationships = await inBatches(selection.relationships, async (batch) => {
    const rows = await runner.read<{ relationship: Props }>('exportRelationships', { relationships: batch });
    return rows.map(({ relationship: r }): RelationshipRecord => ({
      id: String(r.id),
      source: String(r.source),
      target: String(r.target),
      kind: r.kind as RelationshipKind,
      since: text(r.since),
      until: text(r.until),
      amount: typeof r.amount === 'number' ? r.amount : null,
      currency: text(r.currency),
      trust: r.trust as RelationshipRecord['trust'],
      description: text(r.description),
      provenance: provenance(r),
    }));
  });
  if (!withInitiatives) {
    return {
      ...emptyDataset(),
      organisations: organisations.sort(byId),
      relationships: relationships.sort(byId),
    };
  }
  const initiativeRows = await inBatches(ids, (batch) =>
    runner.read<{ initiative: Props; themes: string[]; participations: Props[]; stages: Props[] }>(
      'exportInitiatives',
      {
        ids: batch,
      },
    ),
  );
  // An initiative appears once per batch that reaches it: merge its participations.
  const initiatives = new Map<string, InitiativeRecord>();
  const participations = new Map<string, ParticipationRecord>();
  const stages = new Map<string, InitiativeStageRecord[]>();
  for (const row of initiativeRows) {
    const i = row.initiative;
    stages.set(
      String(i.id),
      row.stages.map((s) => ({
        initiative: String(i.id),
        stage: s.stage as InitiativeStageRecord['stage'],
        date: String(s.on),
        provenance: provenance(s),
      })),
    );
    initiatives.set(String(i.id), {
      id: String(i.id),
      name: String(i.name),
      stage: i.stage as InitiativeRecord['stage'],
      startDate: text(i.startDate),
      endDate: text(i.endDate),
      themes: row.themes,
      description: text(i.description),
      website: text(i.website),
      provenance: provenance(i),
    });
    for (const p of row.participations) {
      participations.set(`${String(i.id)}\u0000${String(p.organisation)}`, {
        initiative: String(i.id),
        organisation: String(p.organisation),
        role: p.role as ParticipationRecord['role'],
        since: text(p.since),
        until: text(p.until),
        provenance: provenance(p),
      });
    }
  }
  const placeRows = full
    ? await inBatches(ids, (batch) => runner.read<PlaceRecord>('exportPlaces', { ids: batch }))
    : [];
  const places = new Map(placeRows.map((p) => [`${p.country}/${p.region ?? ''}/${p.city ?? ''}`, p]));
  return {
    organisations: organisations.sort(byId),
    relationships: relationships.sort(byId),
    initiatives: [...initiatives.values()].sort(byId),
    participations: [...participations.values()].sort((a, b) =>
      a.initiative !== b.initiative
        ? a.initiative < b.initiative
          ? -1
          : 1
        : a.organisation < b.organisation
          ? -1
          : 1,
    ),
    places: [...places.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, p]) => p),
    initiativeStages: [...stages.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([, list]) => list),
  };
}
