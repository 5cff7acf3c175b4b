// relationships(filter, asOf, first, after) over a random snapshot, against the plain reading of the
// contract: every tie the filter keeps, newest first (undated last, then id), the total and the amount
// sums of all of them, and pages that walk the list with no duplicate and no gap.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../server/common/seededRandom.ts';
import type { QueryRunner } from '../../../server/common/queryRunner.ts';
import type { NetworkAccess } from '../../../server/domain/network/cache.ts';
import { listRelationships, newestFirst } from '../../../server/domain/network/relationshipList.ts';
import {
  dayString,
  SnapshotBuilder,
  type NetworkSnapshot,
  type SnapshotOrganisationRow,
} from '../../../server/domain/network/snapshot.ts';
import {
  activeTieMask,
  tiePredicate,
  type RelationshipFilterInput,
} from '../../../server/domain/network/tieFilter.ts';
import { RELATIONSHIP_KINDS, SECTORS, TRUST_STATES } from '../../../server/domain/model.ts';

/** `plain`: no tie has an amount or an end day (so a kind and a trust state make one group of ties). */
function randomSnapshot(size: number, tieCount: number, seed: number, plain = false): NetworkSnapshot {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const ids = Array.from({ length: size }, (_, k) => `o${String(k).padStart(3, '0')}`);
  const rows: SnapshotOrganisationRow[] = ids.map((id) => ({
    id,
    name: id,
    sector: pick(SECTORS),
    kind: null,
    themeIds: [],
    placeId: null,
    participations: [],
    ties: [],
  }));
  for (let k = 0; k < tieCount; k++) {
    // Few distinct days, so many ties share a start day and the id decides their order.
    const since = random() < 0.2 ? null : dayString(17_000 + Math.floor(random() * 40));
    const until =
      !plain && since !== null && random() < 0.3 ? dayString(17_020 + Math.floor(random() * 40)) : null;
    const amount = !plain && random() < 0.5 ? Math.round(random() * 100_000) / 100 : null;
    rows[Math.floor(random() * size)]!.ties.push([
      `t${String(Math.floor(random() * 1e6)).padStart(6, '0')}-${k}`,
      pick(ids),
      pick(RELATIONSHIP_KINDS),
      pick(TRUST_STATES),
      since,
      until,
      amount,
      // An amount with its currency, but one time in ten one without the other (malformed data).
      (amount !== null) !== random() < 0.1 ? pick(['GBP', 'EUR', 'USD']) : null,
    ]);
  }
  const builder = new SnapshotBuilder(1, [], []);
  for (const row of rows) builder.add(row);
  return builder.build();
}

/** `newest`: what unchecked() gives (the process's newest snapshot, as yet unchecked). */
function access(s: NetworkSnapshot, newest: NetworkSnapshot | null = null): NetworkAccess {
  const derived = new Map<string, Promise<unknown>>();
  return {
    snapshot: async () => s,
    ifLoaded: async () => s,
    unchecked: () => newest,
    latest: () => newest ?? s,
    confirm: (of, version) => of === s && version === s.version,
    kept: (_, key) => derived.has(key),
    derived: <T>(_: NetworkSnapshot, key: string, compute: () => T | Promise<T>) => {
      if (!derived.has(key)) derived.set(key, Promise.resolve().then(compute));
      return derived.get(key) as Promise<T>;
    },
  };
}

/** A runner that records the name of each query and reads no relationship, at data version `version`. */
function recordingRunner(names: string[], version: number): QueryRunner {
  return {
    read: async (name: string) => {
      names.push(name);
      return name === 'relationshipsByIds' ? [{ dataVersion: version, relationships: [] }] : [];
    },
  } as unknown as QueryRunner;
}

describe('listRelationships', () => {
  const s = randomSnapshot(60, 900, 7);
  const net = access(s);
  const cases: { filter: RelationshipFilterInput | null; asOf: string | null }[] = [
    { filter: null, asOf: null },
    { filter: { kinds: ['FUNDING', 'INVESTMENT'] }, asOf: null },
    { filter: { trustStates: ['CONFIRMED'], sectors: ['GOVERNMENT', 'NGO'] }, asOf: null },
    { filter: null, asOf: dayString(17_025) },
    { filter: { startedAfter: dayString(17_005), startedBefore: dayString(17_030) }, asOf: null },
    { filter: { minAmount: 200, maxAmount: 700, currency: 'eur' }, asOf: null },
    { filter: { organisations: ['o001', 'o002', 'o001'] }, asOf: null },
    { filter: { organisations: ['o003'], kinds: ['PARTNERSHIP'] }, asOf: dayString(17_010) },
    // The filter over every tie reads groups by kind and amount and a range of start days: each alone and
    // together, on both sides of each bound.
    { filter: { kinds: ['FUNDING'], minAmount: 300 }, asOf: null },
    { filter: { maxAmount: 250 }, asOf: null },
    { filter: { currency: 'GBP' }, asOf: null },
    {
      filter: { kinds: ['PARTNERSHIP', 'ADOPTION'], minAmount: 100, maxAmount: 800, currency: 'USD' },
      asOf: null,
    },
    { filter: { startedBefore: dayString(17_020) }, asOf: null },
    { filter: { startedAfter: dayString(17_020) }, asOf: null },
    { filter: { startedAfter: dayString(17_030), startedBefore: dayString(17_010) }, asOf: null },
    { filter: { activeOn: dayString(17_030), kinds: ['MEMBERSHIP', 'FUNDING'] }, asOf: dayString(17_022) },
    {
      filter: { startedAfter: dayString(17_002), trustStates: ['CLAIMED', 'SOURCED'], sectors: ['ACADEMIC'] },
      asOf: dayString(17_035),
    },
    { filter: { kinds: ['INVESTMENT'], startedBefore: dayString(17_015), maxAmount: 900 }, asOf: null },
    { filter: { trustStates: ['CLAIMED', 'IMPORTED'] }, asOf: null },
    { filter: { kinds: ['PARTNERSHIP', 'MEMBERSHIP'], trustStates: ['CONFIRMED'] }, asOf: null },
  ];

  it('gives every tie the filter keeps, in order, page after page, with the total and amount sums', async () => {
    await expectListed(s, net, cases);
  });

  // Network figures count the active ties by a mask built column-wise (activeTieMask); it must agree with
  // the per-tie test for every day.
  it('activeTieMask keeps exactly the ties tiePredicate keeps for a day (every tie without one)', () => {
    const all = Array.from({ length: s.tieIds.length }, (_, t) => t);
    for (const asOf of [null, ...[17_000, 17_010, 17_025, 17_040, 17_070].map(dayString)]) {
      const mask = activeTieMask(s, asOf);
      const keep = tiePredicate(s, null, asOf);
      expect(
        all.filter((t) => mask[t] === 1),
        String(asOf),
      ).toEqual(all.filter((t) => keep(t)));
    }
  });

  it('keeps no tie for a currency no tie is in (not the ties without a currency)', async () => {
    expect(Array.from(newestFirst(s)).some((t) => s.tieCurrency[t]! < 0)).toBe(true);
    const keep = tiePredicate(s, { currency: 'XYZ' }, null);
    expect(Array.from(newestFirst(s)).filter((t) => keep(t))).toEqual([]);
    const page = await listRelationships(net, { filter: { currency: 'XYZ' }, first: 10 });
    expect(page.totalCount).toBe(0);
    expect(page.nodes).toEqual([]);
    expect(page.amountTotals).toEqual([]);
  });

  it('refuses ids that name no organisation and a currency that is not a code, naming the field', async () => {
    const refused = async (filter: RelationshipFilterInput) => {
      const error = await listRelationships(net, { filter, first: 10 }).then(
        () => null,
        (e: unknown) => e as { code: string; message: string; problems: { field: string; code: string }[] },
      );
      expect(error, JSON.stringify(filter)).not.toBeNull();
      expect(error!.code).toBe('BAD_USER_INPUT');
      return error!;
    };
    const ids = await refused({ organisations: ['o001', 'nobody', 'o0002', 'nobody'] });
    expect(ids.problems).toEqual([
      expect.objectContaining({ field: 'filter.organisations', code: 'NOT_FOUND' }),
      expect.objectContaining({ field: 'filter.organisations', code: 'NOT_FOUND' }),
    ]);
    // A close id is suggested (the first of several equally close ones).
    expect(ids.message).toMatch(
      /^filter\.organisations: no published organisation has the id "nobody"; filter\.organisations: no published organisation has the id "o0002" \(did you mean "o00\d\d?"\?\)\.$/,
    );
    // Many unknown ids: the first few listed, the others counted.
    const many = await refused({ organisations: Array.from({ length: 8 }, (_, k) => `x${k}`) });
    expect(many.problems).toHaveLength(6);
    expect(many.message).toMatch(
      /"x4"; filter\.organisations: and 3 more ids that name no published organisation\.$/,
    );
    const currency = await refused({ currency: 'POUNDS' });
    expect(currency.problems).toEqual([
      expect.objectContaining({ field: 'filter.currency', code: 'BAD_CURRENCY' }),
    ]);
    expect(currency.message).toContain('ISO 4217');
    expect(currency.message).toContain('(the relationships have amounts in EUR, GBP, USD)');
    // Within a path filter the field is named where it is.
    expect(() => tiePredicate(s, { currency: 'G8P' }, null, 'filter.relationships')).toThrow(
      /^filter\.relationships\.currency is "G8P"/,
    );
    // Lower case and blank are as before: "eur" is EUR, "" no currency.
    expect((await listRelationships(net, { filter: { currency: ' ' }, first: 1 })).totalCount).toBe(
      s.tieIds.length,
    );
  });

  it('reads the page with the data version in one query only once the newest snapshot keeps its ordered ties', async () => {
    const names: string[] = [];
    const runner = recordingRunner(names, s.version);
    // snapshot() stands for the data-version check the one-query path saves.
    const fresh = {
      ...access(s, s),
      snapshot: async () => {
        names.push('snapshot');
        return s;
      },
    };
    // The newest snapshot has not ordered its ties yet: the checked path (snapshot, then read by id),
    // which orders them; not the one-query path, which could order them for an out-of-date snapshot.
    await listRelationships(fresh, { first: 3 }, runner);
    expect(names).toEqual(['snapshot', 'relationshipsByIds']);
    names.length = 0;
    await listRelationships(fresh, { first: 3 }, runner);
    expect(names).toEqual(['relationshipsByIds']);
  });

  it('refuses an id only when the current snapshot does not know it, not when an older one held does not', async () => {
    const older = randomSnapshot(30, 300, 3); // o000–o029: o045 was published since
    const names: string[] = [];
    const runner = recordingRunner(names, s.version);
    const kept = new Map<NetworkSnapshot, Map<string, Promise<unknown>>>();
    const net: NetworkAccess = {
      snapshot: async () => {
        names.push('snapshot');
        return s;
      },
      ifLoaded: async () => s,
      unchecked: () => older,
      latest: () => older,
      confirm: (of, version) => of === s && version === s.version,
      kept: (of, key) => kept.get(of)?.has(key) ?? false,
      derived: <T>(of: NetworkSnapshot, key: string, compute: () => T | Promise<T>) => {
        const own = kept.get(of) ?? new Map<string, Promise<unknown>>();
        kept.set(of, own);
        if (!own.has(key)) own.set(key, Promise.resolve().then(compute));
        return own.get(key) as Promise<T>;
      },
    };
    // The older snapshot keeps its ties in list order: the one-query path would use it first.
    await listRelationships({ ...net, snapshot: async () => older }, { first: 1 });
    const filter = { organisations: ['o045'] };
    const page = await listRelationships(net, { filter, first: 5 }, runner);
    expect(names).toEqual(['snapshot', 'relationshipsByIds']);
    expect(page.totalCount).toBeGreaterThan(0);
    expect(page.totalCount).toBe((await listRelationships(access(s), { filter, first: 5 })).totalCount);
    await expect(listRelationships(net, { filter: { organisations: ['o999'] } }, runner)).rejects.toThrow(
      'filter.organisations: no published organisation has the id "o999"',
    );
  });

  it('pages a list that is all one group of ties (one kind, one trust state, no amount, no end)', async () => {
    const plain = randomSnapshot(40, 600, 11, true);
    await expectListed(plain, access(plain), [
      { filter: { kinds: ['FUNDING'], trustStates: ['CONFIRMED'] }, asOf: null },
      { filter: { kinds: ['ADOPTION'], trustStates: ['DISPUTED'] }, asOf: dayString(17_030) },
    ]);
  });
});

/** listRelationships walks, page by page, every tie tiePredicate keeps, in list order, with the total and sums. */
async function expectListed(
  s: NetworkSnapshot,
  net: NetworkAccess,
  cases: { filter: RelationshipFilterInput | null; asOf: string | null }[],
): Promise<void> {
  const order = newestFirst(s);
  for (const c of cases) {
    const keep = tiePredicate(s, c.filter, c.asOf);
    const expected = Array.from(order).filter((t) => keep(t));
    const sums = new Map<string, { total: number; count: number }>();
    for (const t of expected) {
      if (Number.isNaN(s.tieAmount[t]!) || s.tieCurrency[t]! < 0) continue;
      const key = `${RELATIONSHIP_KINDS[s.tieKind[t]!]} ${s.currencies[s.tieCurrency[t]!]}`;
      const entry = sums.get(key) ?? { total: 0, count: 0 };
      entry.total += s.tieAmount[t]!;
      entry.count += 1;
      sums.set(key, entry);
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 1000; guard++) {
      const page = await listRelationships(net, { ...c, first: 7, after });
      expect(page.totalCount).toBe(expected.length);
      expect(Object.fromEntries(page.amountTotals.map((a) => [`${a.kind} ${a.currency}`, a.count]))).toEqual(
        Object.fromEntries([...sums].map(([key, v]) => [key, v.count])),
      );
      for (const a of page.amountTotals)
        expect(a.total).toBeCloseTo(sums.get(`${a.kind} ${a.currency}`)!.total, 6);
      seen.push(...page.nodes.map((r) => r.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.map((t) => s.tieIds[t]!));
  }
}
