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
    const page = await runner.read<SnapshotOrganisationRow>('snapshotOrganisations', {
      after,
      pageSize: PAGE_SIZE,
    });
    for (const row of page) builder.add(row);
    if (page.length < PAGE_SIZE) break;
    after = page[page.length - 1]!.id;
  }
  builder.addAliases(aliasRows);
  return builder.build();
}
