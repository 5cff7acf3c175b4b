// partnerSuggestions (the product: over the network snapshot, after one data-version check) against the
// naive reference of reference.ts (every organisation scored from plain arrays), side by side on sampled
// organisations, with the top 10 of both compared.
import type { QueryRunner } from '../../server/common/queryRunner.ts';
import { networkAccess, type NetworkCache } from '../../server/domain/network/cache.ts';
import { partnerSuggestions, type PartnerSuggestion } from '../../server/domain/network/suggestions.ts';
import type { GraphData } from './graphData.ts';
import { sideBySide, Samples, type Comparison } from './measure.ts';
import { NaiveSuggestions, type ReferenceSuggestion } from './reference.ts';

const FIRST = 10;
const SAMPLED = 100;
const HUBS = 10;

interface Agreement {
  compared: number;
  exact: number;
  /** Differences that a reading of the formula other than the literal one explains, by reason. */
  explained: Map<string, number>;
  unexplained: string[];
  /** Product scores that differ from the reference's score of the same organisation by more than rounding. */
  scoreMismatches: string[];
  brokers: { agree: number; compared: number; invalid: string[] };
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, k) => x === b[k]);

function compare(
  ours: PartnerSuggestion[],
  reference: NaiveSuggestions,
  naive: ReferenceSuggestion[],
  a: number,
  allowed: (c: number) => boolean,
  g: GraphData,
  agreement: Agreement,
): void {
  agreement.compared++;
  const ids = ours.map((s) => s.organisationId);
  // Scores: the API rounds to 0.001.
  const naiveScore = new Map(naive.map((s) => [s.id, s.score]));
  for (const s of ours) {
    const c = g.index.get(s.organisationId)!;
    const exact = naiveScore.get(s.organisationId) ?? reference.scoreOf(a, c);
    if (Math.abs(exact - s.score) > 0.0005 + 1e-9)
      agreement.scoreMismatches.push(
        `${g.ids[a]} → ${s.organisationId}: product ${s.score}, reference ${exact.toFixed(4)}`,
      );
  }
  // Brokers: of the suggestions both lists share.
  const naiveBroker = new Map(naive.map((s) => [s.id, s.brokerId]));
  for (const s of ours) {
    if (!naiveBroker.has(s.organisationId)) continue;
    agreement.brokers.compared++;
    if (naiveBroker.get(s.organisationId) === s.brokerId) agreement.brokers.agree++;
    else
      agreement.brokers.invalid.push(
        `${g.ids[a]} → ${s.organisationId}: product ${s.brokerId ?? 'none'}, reference ${naiveBroker.get(s.organisationId) ?? 'none'}`,
      );
  }
  if (
    same(
      ids,
      naive.map((s) => s.id),
    )
  ) {
    agreement.exact++;
    return;
  }
  const readings: [string, Parameters<NaiveSuggestions['suggest']>[3]][] = [
    ['equal scores at the API precision (0.001) ordered by name', { precision: 0.001 }],
    ['a shared country alone is not counted as a reason by the product', { countryIsReason: false }],
    [
      'both: no country-only candidates, and scores equal at 0.001 ordered by name',
      { countryIsReason: false, precision: 0.001 },
    ],
  ];
  for (const [why, options] of readings) {
    const other = reference.suggest(a, FIRST, allowed, options).map((s) => s.id);
    if (same(ids, other)) {
      agreement.explained.set(why, (agreement.explained.get(why) ?? 0) + 1);
      return;
    }
  }
  const show = (list: { id: string; score: number }[]) =>
    list.map((s) => `${s.id} ${s.score.toFixed(3)}`).join(', ');
  agreement.unexplained.push(
    `${g.ids[a]}: product [${show(ours.map((s) => ({ id: s.organisationId, score: s.score })))}]; reference [${show(naive)}]`,
  );
}

export interface SuggestionCase {
  name: string;
  /** The filter as the API takes it, and the same as a predicate for the reference. */
  filter: { sectors: ['COMPANY'] } | null;
}

const CASES: SuggestionCase[] = [
  { name: 'partnerSuggestions, top 10', filter: null },
  { name: 'partnerSuggestions, top 10 companies', filter: { sectors: ['COMPANY'] } },
];

export async function benchSuggestions(
  runner: QueryRunner,
  cache: NetworkCache,
  g: GraphData,
  reference: NaiveSuggestions,
  sampled: number[],
  rounds: number,
  log: (line: string) => void,
): Promise<Comparison[]> {
  const orgs = sampled.slice(0, SAMPLED);
  const comparisons: Comparison[] = [];
  for (const c of CASES) {
    const samples = new Samples();
    const agreement: Agreement = {
      compared: 0,
      exact: 0,
      explained: new Map(),
      unexplained: [],
      scoreMismatches: [],
      brokers: { agree: 0, compared: 0, invalid: [] },
    };
    const allowed = c.filter ? (x: number) => g.sectors[x] === 'COMPANY' : () => true;
    for (let round = 0; round <= rounds; round++) {
      log(`${c.name}: ${round === 0 ? 'warm-up and agreement' : `round ${round}/${rounds}`}`);
      for (const [k, a] of orgs.entries()) {
        const pair = await sideBySide(
          (round + k) % 2 === 0,
          () =>
            partnerSuggestions(networkAccess(runner, cache), {
              organisationId: g.ids[a]!,
              filter: c.filter,
              first: FIRST,
            }),
          async () => reference.suggest(a, FIRST, allowed),
        );
        if (round > 0) samples.add(pair);
        else compare(pair.ours.value, reference, pair.baseline.value, a, allowed, g, agreement);
      }
    }
    const n = agreement.compared;
    const notes = [
      `${orgs.length} organisations (${HUBS} best connected, the rest spread over the degree ranking) × ${rounds} round(s), first ${FIRST}; ours: partnerSuggestions over the snapshot (one data-version query each); baseline: the naive reference in reference.ts (every organisation scored from plain arrays read with Cypher of its own)`,
      `top-10 agreement with the reference (the schema's formula read literally, ties by name then id): ${agreement.exact}/${n} identical`,
      ...[...agreement.explained.entries()].map(
        ([why, count]) =>
          `${count}/${n} differ, explained: ${why} (the reference agrees when it reads the formula so)`,
      ),
      agreement.unexplained.length === 0
        ? 'no unexplained difference'
        : `WARNING: ${agreement.unexplained.length}/${n} differ unexplained: ${agreement.unexplained.slice(0, 3).join(' | ')}`,
      agreement.scoreMismatches.length === 0
        ? `every suggested organisation's score equals the reference's (within the API's rounding to 0.001)`
        : `WARNING: ${agreement.scoreMismatches.length} scores differ from the reference: ${agreement.scoreMismatches.slice(0, 3).join(' | ')}`,
      `brokers: ${agreement.brokers.agree}/${agreement.brokers.compared} of the suggestions both lists share have the same broker${agreement.brokers.invalid.length > 0 ? `; differing: ${agreement.brokers.invalid.slice(0, 3).join(' | ')}` : ''}`,
    ];
    const comparison = samples.compare(c.name, notes);
    const agreeing = n - agreement.unexplained.length;
    comparison.goals = [
      {
        what: `${c.name}: the same top ${FIRST} as the naive reference`,
        measured: `${agreement.exact}/${n} identical, ${agreeing - agreement.exact} differing only as explained, ${agreement.unexplained.length} unexplained; ${agreement.scoreMismatches.length} score mismatches`,
        met: agreement.unexplained.length === 0 && agreement.scoreMismatches.length === 0,
      },
    ];
    comparisons.push(comparison);
  }
  return comparisons;
}
