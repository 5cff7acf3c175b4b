// A network snapshot built in memory from a compact description, for unit tests of the network code.
import {
  SnapshotBuilder,
  type NetworkSnapshot,
  type SnapshotOrganisationRow,
} from '../../../server/domain/network/snapshot.ts';

export interface TinyOrg {
  id: string;
  sector?: string;
  kind?: string;
  themes?: string[];
  place?: string;
}

/** ties: [source, target, kind?, trust?] */
export function tinySnapshot(orgs: TinyOrg[], ties: [string, string, string?, string?][]): NetworkSnapshot {
  const themes = [...new Set(orgs.flatMap((o) => o.themes ?? []))].map((t) => ({ id: t, name: t }));
  const places = [...new Set(orgs.map((o) => o.place).filter((p): p is string => p !== undefined))].map(
    (p) => ({
      id: p,
      name: p,
      level: 'city',
      latitude: null,
      longitude: null,
      parent: -1,
    }),
  );
  const builder = new SnapshotBuilder(1, themes, places);
  for (const o of [...orgs].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const row: SnapshotOrganisationRow = {
      id: o.id,
      name: o.id.toUpperCase(),
      sector: o.sector ?? 'NGO',
      kind: o.kind ?? null,
      themeIds: o.themes ?? [],
      placeId: o.place ?? null,
      participations: [],
      ties: ties
        .map((t, k) => [t, k] as const)
        .filter(([[source]]) => source === o.id)
        .map(([[, target, kind, trust], k]) => [
          `t${k}`,
          target,
          kind ?? 'PARTNERSHIP',
          trust ?? 'IMPORTED',
          null,
          null,
          null,
          null,
        ]),
    };
    builder.add(row);
  }
  return builder.build();
}
