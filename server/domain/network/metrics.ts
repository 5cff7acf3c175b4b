// Per-organisation metrics (degree, betweenness, PageRank, community, component), structural gaps, and
// whole-network figures for a filtered part of the network at a date (organisation and tie counts,
// components, communities, the sector mix with the E–I index). Whole-network figures are computed once
// per data version and kept with the snapshot (cache.derived); see analytics.ts for the algorithms.
import type { QueryRunner } from '../../common/queryRunner.ts';
import type { GapKind as GapKindValues } from '../generated/vocabulary.ts';
import { SECTORS, type Sector } from '../model.ts';
import type { NetworkAccess } from './cache.ts';
import type { MetricsResult } from './analyticsJob.ts';
import { analyticsGraph, runInWorker } from './analyticsPool.ts';
import { matches, resolveFilter, type OrganisationFilterInput } from './filter.ts';
import { requireOrganisation } from './neighbourhood.ts';
import { queryMatches } from './organisationList.ts';
import type { NetworkSnapshot } from './snapshot.ts';
import { activeTieMask } from './tieFilter.ts';
import { kindIndex } from './snapshot.ts';

export interface NetworkMetrics extends Omit<MetricsResult, 'kind'> {
  /** The worker thread that computed them (analyticsPool.ts). */
  thread: number;
}

/** Computed on the analytics worker thread, so requests go on being served meanwhile. */
async function compute(s: NetworkSnapshot): Promise<NetworkMetrics> {
  const { result, thread } = await runInWorker({
    kind: 'metrics',
    graph: analyticsGraph(s),
    nodes: null,
    ties: null,
  });
  const { kind: _kind, ...figures } = result;
  return { ...figures, thread };
}

/** The whole network's metrics, computed once per data version. */
export async function networkMetrics(
  net: NetworkAccess,
): Promise<{ snapshot: NetworkSnapshot; metrics: NetworkMetrics }> {
  const snapshot = await net.snapshot();
  const metrics = await net.derived(snapshot, 'metrics', () => compute(snapshot));
  return { snapshot, metrics };
}

export interface OrganisationMetrics {
  degree: number;
  betweenness: number;
  pageRank: number;
  community: number;
  component: number;
}

export async function organisationMetrics(
  net: NetworkAccess,
  id: string,
): Promise<OrganisationMetrics | null> {
  const { snapshot: s, metrics } = await networkMetrics(net);
  const i = s.index.get(id);
  if (i === undefined) return null;
  return {
    degree: s.degree[i]!,
    betweenness: metrics.betweenness[i]!,
    pageRank: metrics.pageRank[i]!,
    community: metrics.community[i]!,
    component: metrics.component[i]!,
  };
}

/** The kinds of gaps, as the schema defines them (GapKind in research.graphql). */
export type GapKind = (typeof GapKindValues)[keyof typeof GapKindValues];

export interface StructuralGap {
  kind: GapKind;
  sector: Sector | null;
  text: string;
}

const SECTOR_NAMES: Record<Sector, string> = {
  GOVERNMENT: 'government',
  NGO: 'NGO',
  COMPANY: 'company',
  CIVIC_INNOVATOR: 'civic innovator',
  ACADEMIC: 'academic',
};

/** Holes in an organisation's network that a partnership could fill. */
export async function gapsOf(net: NetworkAccess, id: string): Promise<StructuralGap[]> {
  const s = await net.snapshot();
  const i = requireOrganisation(s, id, 'id');
  const gaps: StructuralGap[] = [];
  const own = s.sector[i]!;
  if (s.degree[i] === 0) {
    return [{ kind: 'NO_TIES', sector: null, text: 'No ties to other organisations yet' }];
  }
  const funding = kindIndex.get('FUNDING')!;
  let funded = false;
  let crossSector = false;
  const within = new Set<number>();
  for (let k = s.adjStart[i]!; k < s.adjStart[i + 1]!; k++) {
    const t = s.adjTie[k]!;
    const j = s.adjOther[k]!;
    if (s.tieKind[t] === funding && s.tieTarget[t] === i) funded = true;
    if (s.sector[j] !== own) crossSector = true;
    within.add(j);
  }
  for (const j of [...within])
    for (let k = s.adjStart[j]!; k < s.adjStart[j + 1]!; k++) within.add(s.adjOther[k]!);
  within.delete(i);
  if (!funded) gaps.push({ kind: 'NO_FUNDER', sector: null, text: 'No organisation funds it' });
  if (!crossSector)
    gaps.push({ kind: 'NO_CROSS_SECTOR_TIE', sector: null, text: 'All its ties are within its own sector' });
  const sectorsNear = new Set([...within].map((j) => s.sector[j]!));
  SECTORS.forEach((sector, k) => {
    if (k !== own && !sectorsNear.has(k)) {
      gaps.push({
        kind: 'NO_SECTOR_WITHIN_TWO_HOPS',
        sector,
        text: `No ${SECTOR_NAMES[sector]} partner within two hops`,
      });
    }
  });
  return gaps;
}

export interface SectorMix {
  sector: Sector;
  count: number;
  internalTies: number;
  externalTies: number;
  crossSectorShare: number | null;
  eiIndex: number | null;
}

/** One community of a NetworkSummary, for listing. */
export interface CommunityView {
  id: number;
  size: number;
  memberIds: string[];
}

export interface NetworkSummary {
  organisationCount: number;
  relationshipCount: number;
  componentCount: number;
  componentSizes: number[];
  communityCount: number;
  communitySizes: number[];
  /** Community members by snapshot index, for listing communities; aligned with the view's organisations. */
  communityMembers: string[][];
  sectorMix: SectorMix[];
  computedMs: number;
  /** The worker thread that computed the components and communities (analyticsPool.ts). */
  thread: number;
}

/**
 * Figures for the organisations `filter` selects and the ties among them active on `asOf`. A text query
 * selects what organisations(filter) lists for it (queryMatches).
 */
export async function networkSummary(
  runner: QueryRunner,
  net: NetworkAccess,
  filter: OrganisationFilterInput | null | undefined,
  asOf: string | null | undefined,
): Promise<NetworkSummary> {
  const s = await net.snapshot();
  const resolved = resolveFilter(s, filter);
  const key = `network:${JSON.stringify({ ...(filter ?? {}), query: resolved.query })}:${asOf ?? ''}`;
  return net.derived(s, key, async () => {
    const started = performance.now();
    // Which organisations and ties count, here; components and communities on the worker thread.
    const found = resolved.query === null ? null : await queryMatches(runner, net, s, resolved.query);
    const inView = new Uint8Array(s.ids.length);
    for (let i = 0; i < inView.length; i++)
      if (matches(s, resolved, i) && (found === null || found.has(i))) inView[i] = 1;
    const activeTies = activeTieMask(s, asOf);
    const { result, thread } = await runInWorker({
      kind: 'structure',
      graph: analyticsGraph(s),
      nodes: inView,
      ties: activeTies,
    });
    const members: string[][] = result.communitySizes.map(() => []);
    result.communityOf.forEach((community, p) => members[community]!.push(s.ids[result.nodes[p]!]!));
    // Ties in the view, each once; internal when both ends share a sector.
    const internal = new Array<number>(SECTORS.length).fill(0);
    const external = new Array<number>(SECTORS.length).fill(0);
    const count = new Array<number>(SECTORS.length).fill(0);
    let ties = 0;
    for (const i of result.nodes) count[s.sector[i]!]! += 1;
    for (let t = 0; t < s.tieIds.length; t++) {
      const a = s.tieSource[t]!;
      const b = s.tieTarget[t]!;
      if (inView[a] !== 1 || inView[b] !== 1 || activeTies[t] !== 1) continue;
      ties += 1;
      if (s.sector[a] === s.sector[b]) internal[s.sector[a]!]! += 1;
      else {
        external[s.sector[a]!]! += 1;
        external[s.sector[b]!]! += 1;
      }
    }
    const round = (x: number) => Math.round(x * 10_000) / 10_000;
    return {
      organisationCount: result.nodes.length,
      relationshipCount: ties,
      componentCount: result.componentSizes.length,
      componentSizes: result.componentSizes,
      communityCount: result.communitySizes.length,
      communitySizes: result.communitySizes,
      communityMembers: members,
      sectorMix: SECTORS.map((sector, k) => {
        const all = internal[k]! + external[k]!;
        return {
          sector,
          count: count[k]!,
          internalTies: internal[k]!,
          externalTies: external[k]!,
          crossSectorShare: all === 0 ? null : round(external[k]! / all),
          eiIndex: all === 0 ? null : round((external[k]! - internal[k]!) / all),
        };
      }),
      computedMs: Math.round(performance.now() - started),
      thread,
    };
  });
}
