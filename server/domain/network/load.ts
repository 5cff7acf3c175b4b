// Loads the network snapshot from the database in pages (bounded memory at a million ties).
import type { QueryRunner } from '../../common/queryRunner.ts';
import {
  SnapshotBuilder,
  type InitiativeEntry,
  type NetworkSnapshot,
  type PlaceEntry,
  type SnapshotOrganisationRow,
} from './snapshot.ts';

const PAGE_SIZE = 5_000;

export async function loadSnapshot(runner: QueryRunner, version: number): Promise<NetworkSnapshot> {
  const [placeRows, themeRows, initiativeRows, aliasRows] = await Promise.all([
    runner.read<{
      id: string;
      name: string;
      level: string;
      parentId: string | null;
      latitude: number | null;
      longitude: number | null;
    }>('snapshotPlaces'),
    runner.read<{ id: string; name: string }>('snapshotThemes'),
    runner.read<InitiativeEntry>('snapshotInitiatives'),
    runner.read<{ alias: string; organisation: string }>('snapshotAliases'),
  ]);
  const placeIndex = new Map(placeRows.map((p, i) => [p.id, i]));
  const places: PlaceEntry[] = placeRows.map((p) => ({
    id: p.id,
    name: p.name,
    level: p.level,
    latitude: p.latitude,
    longitude: p.longitude,
    parent: p.parentId === null ? -1 : (placeIndex.get(p.parentId) ?? -1),
  }));
  const builder = new SnapshotBuilder(version, themeRows, places, initiativeRows);
  let after = '';
  for (;;) {
    const page = await runner.read<ReadRow>('snapshotOrganisations', {
      after,
      pageSize: PAGE_SIZE,
    });
    for (const row of page) {
      const kept = present(row);
      if (kept) builder.add(kept);
      // Keyset on the last id read: a page whose last row vanished continues after the one before it.
      if (row.id !== null) after = row.id;
    }
    if (page.length < PAGE_SIZE) break;
  }
  builder.addAliases(aliasRows);
  return builder.build();
}

type ReadRow = { [K in keyof SnapshotOrganisationRow]: SnapshotOrganisationRow[K] | null };

/**
 * The row without what was deleted while its page was read: Neo4j reads at read-committed isolation, so a
 * node a concurrent transaction deleted meanwhile comes back without properties (a null id, sector,
 * initiative or tie end). That write moved the data version, so the next request loads a new snapshot;
 * this one leaves the vanished organisation, participation or tie out. Null when the organisation vanished.
 */
export function present(row: ReadRow): SnapshotOrganisationRow | null {
  if (row.id === null || row.sector === null) return null;
  return {
    ...(row as SnapshotOrganisationRow),
    themeIds: (row.themeIds ?? []).filter((t) => t !== null),
    participations: (row.participations ?? []).filter(
      ([initiative, role]) => initiative !== null && role !== null,
    ),
    ties: (row.ties ?? []).filter(([id, target, kind]) => id !== null && target !== null && kind !== null),
  };
}
