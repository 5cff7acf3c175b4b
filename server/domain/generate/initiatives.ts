// Synthetic initiatives: a lead, usually a funder, and partners mostly from the lead's community (2–8 in all).
import {
  INITIATIVE_STAGES,
  type InitiativeRecord,
  type InitiativeStage,
  type ParticipationRecord,
  type ParticipationRole,
  type Provenance,
} from '../model.ts';
import { endAfterMonths, randomDate } from './dates.ts';
import { initiativeName, withArticle } from './names.ts';
import type { Population } from './population.ts';
import type { Random } from './random.ts';
import { hasRole } from './vocabulary.ts';

export interface InitiativeContext {
  seed: number;
  population: Population;
  provenance: Provenance;
  random: Random;
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** First and last start year per stage: ideas are recent, ended initiatives old. */
const START_YEARS: Readonly<Record<InitiativeStage, readonly [number, number]>> = {
  IDEA: [2024, 2025],
  PILOT: [2021, 2025],
  SCALING: [2016, 2024],
  ADOPTED: [2012, 2023],
  ENDED: [2009, 2022],
};

function membersByCommunity(population: Population): number[][] {
  const members: number[][] = population.communities.map(() => []);
  population.communityOf.forEach((c, i) => members[c]?.push(i));
  return members;
}

function chooseParticipants(
  ctx: InitiativeContext,
  members: number[][],
  funders: number[],
): Map<number, ParticipationRole> {
  const { random, population } = ctx;
  const n = population.organisations.length;
  const lead = random.int(0, n - 1);
  const own = members[population.communityOf[lead] as number] ?? [];
  const size = Math.min(n, random.int(2, 8));
  const chosen = new Map<number, ParticipationRole>([[lead, 'LEAD']]);
  if (funders.length > 0 && random.chance(0.6)) {
    const funder = random.pick(funders);
    if (!chosen.has(funder)) chosen.set(funder, 'FUNDER');
  }
  for (let attempt = 0; chosen.size < size && attempt < 40; attempt++) {
    const candidate = own.length > 1 && random.chance(0.85) ? random.pick(own) : random.int(0, n - 1);
    if (!chosen.has(candidate)) chosen.set(candidate, 'PARTNER');
  }
  // Unlucky draws in a tiny network: take the first free organisations so every initiative has two participants.
  for (let i = 0; chosen.size < 2 && i < n; i++) if (!chosen.has(i)) chosen.set(i, 'PARTNER');
  return chosen;
}

export function makeInitiatives(
  ctx: InitiativeContext,
  count: number,
): { initiatives: InitiativeRecord[]; participations: ParticipationRecord[] } {
  const initiatives: InitiativeRecord[] = [];
  const participations: ParticipationRecord[] = [];
  const { random, population, provenance, seed } = ctx;
  if (count === 0 || population.organisations.length < 2) return { initiatives, participations };
  const members = membersByCommunity(population);
  const funders = population.profiles.flatMap((p, i) => (hasRole(p, 'funder') ? [i] : []));
  for (let j = 0; j < count; j++) {
    const participants = chooseParticipants(ctx, members, funders);
    const lead = population.organisations[participants.keys().next().value as number];
    const stage = random.pick(INITIATIVE_STAGES);
    const [first, last] = START_YEARS[stage];
    const startDate = randomDate(random, random.int(first, last));
    const endDate = stage === 'ENDED' ? endAfterMonths(startDate, random.int(12, 48)) : null;
    const themes = lead?.themes.slice(0, 2) ?? ['Civic participation'];
    const id = `syn-${seed}-i${j}`;
    initiatives.push({
      id,
      name: initiativeName(random, themes[0] as string),
      stage,
      startDate,
      endDate,
      themes,
      description: `${capitalised(withArticle(`${stage.toLowerCase()}-stage`))} initiative on ${themes.map((t) => t.toLowerCase()).join(' and ')} in ${lead?.city ?? 'several places'}. (Synthetic data.)`,
      website: null,
      provenance,
    });
    for (const [index, role] of participants) {
      participations.push({
        initiative: id,
        organisation: population.organisations[index]?.id as string,
        role,
        since: startDate,
        until: endDate,
        provenance,
      });
    }
  }
  return { initiatives, participations };
}
