// Innovation pathways: initiatives with their stage history (IDEA → PILOT → SCALING → ADOPTED or ENDED),
// their civic innovators, who funded and partnered in each stage and which governments adopted them, as
// known on a day (asOf); and per sector, theme and place how many pilots scaled or were adopted and the
// median days between stages. Pure functions over the network snapshot and the pathway data (load.ts).
//
// Rules (README "Innovation pathways"):
// - innovators: the participants that lead the initiative or are civic innovators; they define its
//   sectors and places (filters and the summary);
// - a stage lasts from its day to the next stage's day (the current stage has no end);
// - funders in a stage: FUNDER participants that joined in it, and FUNDING ties to an innovator from
//   another organisation that started in it; partners likewise with PARTNER participants and PARTNERSHIP
//   ties (undated participations and ties belong to no stage);
// - adopted by: ADOPTION ties from a government to an innovator that started on or after the initiative's
//   first stage (undated ones count while no asOf is given);
// - asOf: only steps, participations and ties dated on or before that day.
import type { Participant } from '../initiatives.ts';
import type { Place, RelationshipRef, Theme } from '../organisations.ts';
import {
  INITIATIVE_STAGES,
  RELATIONSHIP_KINDS,
  SECTORS,
  type InitiativeStage,
  type Sector,
} from '../model.ts';
import { STAGE_RANK } from '../atlas/stageHistory.ts';
import { matches, resolveFilter, resolveThemes } from '../network/filter.ts';
import { resolveInitiativeIds } from '../network/ids.ts';
import {
  dayNumber,
  dayString,
  kindIndex,
  NO_START,
  placeChain,
  sectorIndex,
  type NetworkSnapshot,
} from '../network/snapshot.ts';
import type { PathwayData, PathwayInitiative, StageStep } from './load.ts';
import { median } from './median.ts';
import { placeOf } from '../network/organisationList.ts';

export interface PathwayFilterInput {
  initiatives?: readonly string[] | null;
  query?: string | null;
  sectors?: readonly Sector[] | null;
  themes?: readonly string[] | null;
  places?: readonly string[] | null;
  stagesReached?: readonly InitiativeStage[] | null;
}

/** A tie of a pathway, as the snapshot refers to it. */
export type TieRef = RelationshipRef;

export interface Support {
  organisationId: string;
  /** Set when the support is a participation in the initiative. */
  role: Participant['role'] | null;
  /** Set when the support is a relationship with an innovator. */
  relationship: TieRef | null;
  since: string | null;
}

export interface PathwayStage {
  stage: InitiativeStage;
  from: string;
  to: string | null;
  days: number | null;
  sourceUrl: string | null;
  funders: Support[];
  partners: Support[];
}

export interface Adoption {
  organisationId: string;
  relationship: TieRef;
  since: string | null;
}

export interface Pathway {
  initiativeId: string;
  name: string;
  currentStage: InitiativeStage;
  innovators: Participant[];
  stages: PathwayStage[];
  adoptedBy: Adoption[];
  reachedScaling: boolean;
  reachedAdoption: boolean;
}

export interface StageTransition {
  from: InitiativeStage;
  to: InitiativeStage;
  count: number;
  medianDays: number | null;
}

interface GroupCounts {
  sector: Sector | null;
  themeId: string | null;
  /** Index into the snapshot's places. */
  place: number | null;
  initiatives: number;
  pilots: number;
  pilotsScaled: number;
  pilotsAdopted: number;
  pilotsScaledOrAdopted: number;
}

export interface PathwayGroup extends Omit<GroupCounts, 'themeId' | 'place'> {
  theme: Theme | null;
  place: Place | null;
  scaledOrAdoptedShare: number | null;
  adoptedShare: number | null;
  scaledShare: number | null;
  transitions: StageTransition[];
}

export interface PathwaySummary {
  overall: PathwayGroup;
  bySector: PathwayGroup[];
  byTheme: PathwayGroup[];
  byPlace: PathwayGroup[];
}

const given = <T>(list: readonly T[] | null | undefined): list is readonly T[] =>
  list !== null && list !== undefined && list.length > 0;

const FUNDING = kindIndex.get('FUNDING')!;
const PARTNERSHIP = kindIndex.get('PARTNERSHIP')!;
const ADOPTION = kindIndex.get('ADOPTION')!;
const GOVERNMENT = sectorIndex.get('GOVERNMENT')!;
const CIVIC_INNOVATOR = sectorIndex.get('CIVIC_INNOVATOR')!;

const dayOf = (date: string | null): number | null => (date === null ? null : dayNumber(date));

/**
 * The filter resolved against the snapshot; unknown themes, places and initiative ids are BAD_USER_INPUT
 * errors.
 */
export function pathwayPredicate(
  s: NetworkSnapshot,
  filter: PathwayFilterInput | null | undefined,
): (p: Pathway, innovators: number[], themeIds: readonly string[]) => boolean {
  const f = filter ?? {};
  const organisations = resolveFilter(s, { sectors: f.sectors ?? null, places: f.places ?? null });
  const byOrganisation = given(f.sectors) || given(f.places);
  const themes = given(f.themes)
    ? new Set([...resolveThemes(s, f.themes, 'filter.themes')].map((t) => s.themes[t]!.id))
    : null;
  const stages = given(f.stagesReached) ? new Set(f.stagesReached) : null;
  // An id no initiative has is an error; an initiative without a stage history is simply not a pathway.
  const only = given(f.initiatives)
    ? new Set(resolveInitiativeIds(s, f.initiatives, 'filter.initiatives').map((x) => s.initiativeIds[x]!))
    : null;
  const text = typeof f.query === 'string' && f.query.trim() !== '' ? f.query.trim().toLowerCase() : null;
  return (p, innovators, themeIds) =>
    (only === null || only.has(p.initiativeId)) &&
    (!byOrganisation || innovators.some((i) => matches(s, organisations, i))) &&
    (themes === null || themeIds.some((t) => themes.has(t))) &&
    (stages === null || p.stages.some((step) => stages.has(step.stage))) &&
    (text === null || p.name.toLowerCase().includes(text));
}

function bySinceThenId(a: Support, b: Support): number {
  const x = a.since ?? '';
  const y = b.since ?? '';
  if (x !== y) return x < y ? -1 : 1;
  return a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0;
}

/** One initiative's pathway as known on `cutoff` (a day number), with its innovators' snapshot indexes. */
export function pathwayOf(
  s: NetworkSnapshot,
  initiative: PathwayInitiative,
  cutoff: number,
): { pathway: Pathway; innovators: number[] } | null {
  const known = (date: string | null) => date === null || dayNumber(date) <= cutoff;
  const steps: StageStep[] = initiative.steps.filter((step) => dayNumber(step.on) <= cutoff);
  if (steps.length === 0) return null;
  const participants = initiative.participants.filter((p) => known(p.since));
  const innovatorList = participants
    .filter((p) => {
      const i = s.index.get(p.organisationId);
      return p.role === 'LEAD' || (i !== undefined && s.sector[i] === CIVIC_INNOVATOR);
    })
    .sort(
      (a, b) =>
        Number(b.role === 'LEAD') - Number(a.role === 'LEAD') ||
        (a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0),
    );
  const innovators = innovatorList
    .map((p) => s.index.get(p.organisationId))
    .filter((i): i is number => i !== undefined);
  const inner = new Set(innovators);
  const firstDay = dayNumber(steps[0]!.on);

  // Ties of the innovators (each once), dated and known on the cutoff.
  const ties: { t: number; innovator: number; other: number }[] = [];
  const seen = new Set<number>();
  for (const i of innovators) {
    for (let k = s.adjStart[i]!; k < s.adjStart[i + 1]!; k++) {
      const t = s.adjTie[k]!;
      if (seen.has(t)) continue;
      const other = s.adjOther[k]!;
      if (inner.has(other)) continue;
      seen.add(t);
      ties.push({ t, innovator: i, other });
    }
  }
  const ref = (t: number): TieRef => ({ id: s.tieIds[t]!, kind: RELATIONSHIP_KINDS[s.tieKind[t]!]! });
  const since = (t: number) => (s.tieSince[t] === NO_START ? null : s.tieSince[t]!);

  const stages: PathwayStage[] = steps.map((step, k) => {
    const from = dayNumber(step.on);
    const next = steps[k + 1];
    const to = next ? dayNumber(next.on) : null;
    const inStage = (day: number | null) =>
      day !== null && day >= from && (to === null || day < to) && day <= cutoff;
    const funders: Support[] = [];
    const partners: Support[] = [];
    for (const p of participants) {
      if (p.role === 'LEAD' || !inStage(dayOf(p.since))) continue;
      const support = { organisationId: p.organisationId, role: p.role, relationship: null, since: p.since };
      (p.role === 'FUNDER' ? funders : partners).push(support);
    }
    for (const { t, innovator, other } of ties) {
      const kind = s.tieKind[t]!;
      const day = since(t);
      if (!inStage(day)) continue;
      if (kind === FUNDING && s.tieTarget[t] === innovator) {
        funders.push({
          organisationId: s.ids[other]!,
          role: null,
          relationship: ref(t),
          since: dayString(day!),
        });
      } else if (kind === PARTNERSHIP) {
        partners.push({
          organisationId: s.ids[other]!,
          role: null,
          relationship: ref(t),
          since: dayString(day!),
        });
      }
    }
    return {
      stage: step.stage,
      from: step.on,
      to: next?.on ?? null,
      days: to === null ? null : to - from,
      sourceUrl: step.sourceUrl,
      funders: funders.sort(bySinceThenId),
      partners: partners.sort(bySinceThenId),
    };
  });

  const adoptedBy: Adoption[] = [];
  for (const { t, innovator, other } of ties) {
    if (s.tieKind[t] !== ADOPTION || s.tieTarget[t] !== innovator || s.sector[other] !== GOVERNMENT) continue;
    const day = since(t);
    const counts = day === null ? cutoff === Number.POSITIVE_INFINITY : day >= firstDay && day <= cutoff;
    if (counts) {
      adoptedBy.push({
        organisationId: s.ids[other]!,
        relationship: ref(t),
        since: day === null ? null : dayString(day),
      });
    }
  }
  adoptedBy.sort((a, b) => bySinceThenId({ ...a, role: null }, { ...b, role: null }));
  const reached = new Set(steps.map((step) => step.stage));
  return {
    pathway: {
      initiativeId: initiative.id,
      name: initiative.name,
      currentStage: steps[steps.length - 1]!.stage,
      innovators: innovatorList,
      stages,
      adoptedBy,
      reachedScaling: reached.has('SCALING'),
      reachedAdoption: reached.has('ADOPTED'),
    },
    innovators,
  };
}

function emptyGroup(key: Partial<Pick<GroupCounts, 'sector' | 'themeId' | 'place'>>): GroupCounts & {
  days: Map<string, number[]>;
} {
  return {
    sector: key.sector ?? null,
    themeId: key.themeId ?? null,
    place: key.place ?? null,
    initiatives: 0,
    pilots: 0,
    pilotsScaled: 0,
    pilotsAdopted: 0,
    pilotsScaledOrAdopted: 0,
    days: new Map(),
  };
}

type Accumulator = ReturnType<typeof emptyGroup>;

function count(group: Accumulator, p: Pathway): void {
  group.initiatives += 1;
  if (p.stages.some((step) => step.stage === 'PILOT')) {
    group.pilots += 1;
    if (p.reachedScaling) group.pilotsScaled += 1;
    if (p.reachedAdoption) group.pilotsAdopted += 1;
    if (p.reachedScaling || p.reachedAdoption) group.pilotsScaledOrAdopted += 1;
  }
  for (const step of p.stages) {
    if (step.days === null) continue;
    const next = p.stages[p.stages.indexOf(step) + 1]!;
    const key = `${step.stage}>${next.stage}`;
    const list = group.days.get(key);
    if (list) list.push(step.days);
    else group.days.set(key, [step.days]);
  }
}

const share = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

function finish(s: NetworkSnapshot, group: Accumulator): PathwayGroup {
  const { days, themeId, place, ...rest } = group;
  const theme =
    themeId === null ? null : (s.themes.find((t) => t.id === themeId) ?? { id: themeId, name: themeId });
  const rank = (stage: InitiativeStage) => STAGE_RANK[stage] * 10 + INITIATIVE_STAGES.indexOf(stage);
  const transitions = [...days.entries()]
    .map(([key, list]) => {
      const [from, to] = key.split('>') as [InitiativeStage, InitiativeStage];
      return { from, to, count: list.length, medianDays: median(list) };
    })
    .sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
  return {
    ...rest,
    theme,
    place: place === null ? null : placeOf(s, place),
    scaledOrAdoptedShare: share(rest.pilotsScaledOrAdopted, rest.pilots),
    adoptedShare: share(rest.pilotsAdopted, rest.pilots),
    scaledShare: share(rest.pilotsScaled, rest.pilots),
    transitions,
  };
}

/** The summary over every pathway the filter selects (not only one page). */
export function summarise(
  s: NetworkSnapshot,
  found: readonly { pathway: Pathway; innovators: number[]; themeIds: readonly string[] }[],
): PathwaySummary {
  const overall = emptyGroup({});
  const sectors = new Map<number, Accumulator>();
  const themes = new Map<string, Accumulator>();
  const places = new Map<number, Accumulator>();
  const into = <K>(map: Map<K, Accumulator>, key: K, make: () => Accumulator) => {
    let group = map.get(key);
    if (!group) map.set(key, (group = make()));
    return group;
  };
  for (const { pathway, innovators, themeIds } of found) {
    count(overall, pathway);
    for (const sector of new Set(innovators.map((i) => s.sector[i]!)))
      count(
        into(sectors, sector, () => emptyGroup({ sector: SECTORS[sector]! })),
        pathway,
      );
    for (const themeId of themeIds)
      count(
        into(themes, themeId, () => emptyGroup({ themeId })),
        pathway,
      );
    const chain = new Set(innovators.flatMap((i) => (s.place[i]! < 0 ? [] : placeChain(s, s.place[i]!))));
    for (const place of chain)
      count(
        into(places, place, () => emptyGroup({ place })),
        pathway,
      );
  }
  const levels: Record<string, number> = { country: 0, region: 1, city: 2 };
  const themeName = new Map(s.themes.map((t) => [t.id, t.name]));
  return {
    overall: finish(s, overall),
    bySector: [...sectors.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => finish(s, g)),
    byTheme: [...themes.values()]
      .sort(
        (a, b) =>
          b.initiatives - a.initiatives ||
          (themeName.get(a.themeId!) ?? a.themeId!).localeCompare(themeName.get(b.themeId!) ?? b.themeId!),
      )
      .map((g) => finish(s, g)),
    byPlace: [...places.values()]
      .sort((a, b) => {
        const x = s.places[a.place!]!;
        const y = s.places[b.place!]!;
        return (
          (levels[x.level] ?? 3) - (levels[y.level] ?? 3) ||
          b.initiatives - a.initiatives ||
          x.name.localeCompare(y.name)
        );
      })
      .map((g) => finish(s, g)),
  };
}

export interface PathwayList {
  pathways: Pathway[];
  summary: PathwaySummary;
}

/** Every pathway the filter selects as known on asOf, by name (then id), with the summary. */
export function computePathways(
  s: NetworkSnapshot,
  data: PathwayData,
  filter: PathwayFilterInput | null | undefined,
  asOf: string | null | undefined,
): PathwayList {
  const keep = pathwayPredicate(s, filter);
  const cutoff = typeof asOf === 'string' ? dayNumber(asOf) : Number.POSITIVE_INFINITY;
  const found: { pathway: Pathway; innovators: number[]; themeIds: readonly string[] }[] = [];
  for (const initiative of data.initiatives) {
    const one = pathwayOf(s, initiative, cutoff);
    if (one && keep(one.pathway, one.innovators, initiative.themeIds))
      found.push({ ...one, themeIds: initiative.themeIds });
  }
  found.sort((a, b) => {
    const x = a.pathway.name.toLowerCase();
    const y = b.pathway.name.toLowerCase();
    if (x !== y) return x < y ? -1 : 1;
    return a.pathway.initiativeId < b.pathway.initiativeId ? -1 : 1;
  });
  return { pathways: found.map((f) => f.pathway), summary: summarise(s, found) };
}
