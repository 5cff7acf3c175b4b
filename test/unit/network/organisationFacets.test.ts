// organisations(filter)'s filter mask and facets against plain reference code on random snapshots whose
// places and themes share names, so that facet entries tie on count and label (their order is then the
// order in which the list first meets them) and places nest (a filter on a region takes its cities).
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_KINDS, SECTORS, TRUST_STATES } from '../../../server/domain/model.ts';
import { seededRandom } from '../../../server/common/seededRandom.ts';
import { matches, memberMask, resolveFilter } from '../../../server/domain/network/filter.ts';
import { computeOrderings } from '../../../server/domain/network/orderings.ts';
import { FACET_ENTRIES, facetsOf } from '../../../server/domain/network/organisationList.ts';
import {
  placeChain,
  SnapshotBuilder,
  type NetworkSnapshot,
  type PlaceEntry,
} from '../../../server/domain/network/snapshot.ts';

function randomSnapshot(seed: number): NetworkSnapshot {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  // Two countries, four regions, twelve cities; cities and themes reuse a few names.
  const places: PlaceEntry[] = [];
  const place = (id: string, name: string, level: string, parent: number) =>
    places.push({ id, name, level, latitude: null, longitude: null, parent }) - 1;
  const countries = [place('c0', 'Northland', 'country', -1), place('c1', 'Southland', 'country', -1)];
  const regions = [0, 1, 2, 3].map((r) => place(`r${r}`, `Region ${r % 3}`, 'region', countries[r % 2]!));
  for (let c = 0; c < 12; c++)
    place(`t${c}`, ['Newport', 'Ashford', 'Milton'][c % 3]!, 'city', regions[c % 4]!);
  const themes = [0, 1, 2, 3, 4, 5].map((t) => ({
    id: `th${t}`,
    name: ['Health', 'Housing', 'Data'][t % 3]!,
  }));
  const builder = new SnapshotBuilder(1, themes, places);
  const n = 120;
  for (let i = 0; i < n; i++) {
    const id = `o${String(i).padStart(3, '0')}`;
    builder.add({
      id,
      name: `${pick(['Alpha', 'beta', 'Gamma', 'delta'])} ${Math.floor(rnd() * 50)}`,
      sector: pick(SECTORS),
      kind: rnd() < 0.2 ? null : pick(['Charity', 'charity ', 'University', 'Start-up']),
      themeIds: themes.filter(() => rnd() < 0.3).map((t) => t.id),
      placeId: rnd() < 0.1 ? null : pick(places).id,
      participations: [],
      ties: Array.from({ length: Math.floor(rnd() * 3) }, (_, k) => [
        `${id}-${k}`,
        `o${String(Math.floor(rnd() * n)).padStart(3, '0')}`,
        pick(RELATIONSHIP_KINDS),
        pick(TRUST_STATES),
        null,
        null,
        null,
        null,
      ]),
    });
  }
  return builder.build();
}

/** The facets as first written: counted in list order, entries in the order first met, then sorted. */
function referenceFacets(s: NetworkSnapshot, members: Int32Array) {
  const tally = () => new Map<number, number>();
  const kinds = tally();
  const themes = tally();
  const places = tally();
  const bump = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const i of members) {
    if (s.kind[i]! >= 0) bump(kinds, s.kind[i]!);
    for (let k = s.themeStart[i]!; k < s.themeStart[i + 1]!; k++) bump(themes, s.themeOf[k]!);
    if (s.place[i]! >= 0) for (const p of placeChain(s, s.place[i]!)) bump(places, p);
  }
  const top = (m: Map<number, number>, label: (k: number) => string) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1] || (label(a[0]) < label(b[0]) ? -1 : 1))
      .slice(0, FACET_ENTRIES)
      .map(([k, count]) => [k, count]);
  return {
    themes: top(themes, (k) => s.themes[k]!.name),
    places: top(places, (k) => s.places[k]!.name),
    kinds: top(kinds, (k) => s.kindNames[k]!),
  };
}

describe('organisations(filter): the filter mask and the facets', () => {
  const filters = [
    {},
    { sectors: ['NGO' as const, 'COMPANY' as const] },
    { places: ['Region 1'] },
    { places: ['Northland'], themes: ['Data'] },
    { kinds: ['charity'] },
    { relationshipKinds: ['FUNDING' as const] },
    { trustStates: ['CONFIRMED' as const], sectors: ['NGO' as const] },
  ];

  it('selects what matches() selects, and counts facets as the reference does, ties in first-met order', () => {
    let tiesSeen = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const s = randomSnapshot(seed);
      const o = computeOrderings(s);
      for (const input of filters) {
        const filter = resolveFilter(s, input);
        const mask = memberMask(s, filter, o);
        for (let i = 0; i < s.ids.length; i++) expect(mask[i] === 1).toBe(matches(s, filter, i));
        // The list order: by name (then id), as the list without a query keeps it.
        const members = o.byName.filter((i) => mask[i] === 1);
        const expected = referenceFacets(s, members);
        for (const facets of [facetsOf(s, o, members, mask), facetsOf(s, o, members)]) {
          expect(facets.themes.map((f) => [s.themes.indexOf(f.theme), f.count])).toEqual(expected.themes);
          expect(facets.places.map((f) => [s.places.findIndex((p) => p.id === f.place.id), f.count])).toEqual(
            expected.places,
          );
          expect(facets.kinds.map((f) => [s.kindNames.indexOf(f.kind), f.count])).toEqual(expected.kinds);
          const sectors = SECTORS.map(
            (sector) => members.filter((i) => SECTORS[s.sector[i]!] === sector).length,
          );
          expect(facets.sectors).toEqual(
            SECTORS.map((sector, k) => ({ sector, count: sectors[k]! })).filter((f) => f.count > 0),
          );
        }
        const places = expected.places.map(([k, count]) => `${count} ${s.places[k!]!.name}`);
        if (new Set(places).size < places.length) tiesSeen++;
      }
    }
    // The random data does exercise ties on count and label.
    expect(tiesSeen).toBeGreaterThan(10);
  });
});
