// innovationPathways on a small graph whose answers are worked out by hand: stage histories, innovators,
// funders and partners per stage, adoptions (governments only, on or after the first stage), the summary
// per sector, theme and place (shares of pilots, median days between stages), filters, asOf and pages.
// Everything sits in the country "<prefix>land": every query filters on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_PROVENANCE, type Dataset, type InitiativeStage } from '../../server/domain/model.ts';
import { uniquePrefix, type TestDb } from '../support/db.ts';
import { org, rel, searchWord } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { closeServedNetwork, openServedNetwork } from '../support/servedNetwork.ts';

let db: TestDb;
let server: TestServer;
const p = uniquePrefix('pathways');
const w = searchWord(p);
const country = `${w}land`;
const ton = `${w}ton`;
const burg = `${w}burg`;
const id = (name: string) => `${p}-${name}`;
const short = (full: string) => full.slice(p.length + 1);

/**
 * Organisations: ci1 (civic innovator, ton), ci2 (civic innovator, burg), ngo1 (NGO, ton), g1 (ton), g2 and
 * g3 (burg) governments, f1 (NGO funder), co1 (company).
 * Pathways (days between steps in brackets):
 *   Alpha   Housing  lead ci1   IDEA 2018-01-01 (181) PILOT 2018-07-01 (365) SCALING 2019-07-01 (366) ADOPTED 2020-07-01
 *           f1 FUNDER since 2018-02-01 (IDEA), co1 PARTNER since 2019-03-01 (PILOT),
 *           f1→ci1 FUNDING 2018-08-01 (PILOT), co1–ci1 PARTNERSHIP 2019-08-01 (SCALING),
 *           g1→ci1 ADOPTION 2020-08-01, g2→ci1 ADOPTION 2021-01-01, co1→ci1 ADOPTION 2021-02-01 (not a government)
 *   Beta    Energy   lead ci2   PILOT 2019-01-01 (365) ENDED 2020-01-01;  g3→ci2 ADOPTION 2018-06-01 (before its first stage)
 *   Gamma   Housing  lead ngo1, ci2 PARTNER since 2020-03-01   IDEA 2020-01-01 (60) PILOT 2020-03-01 (365) SCALING 2021-03-01
 *   Delta   Energy   lead ci1   PILOT 2021-01-01
 *   Epsilon —        lead g3    IDEA 2022-01-01
 */
function network(): Dataset {
  const at = (city: string, region: string) => ({ country, region, city });
  const initiative = (name: string, stage: InitiativeStage, themes: string[]) => ({
    id: id(name),
    name: `${w} ${name}`,
    stage,
    startDate: null,
    endDate: null,
    themes,
    description: null,
    website: null,
    provenance: NO_PROVENANCE,
  });
  const take = (i: string, o: string, role: 'LEAD' | 'PARTNER' | 'FUNDER', since: string | null = null) => ({
    initiative: id(i),
    organisation: id(o),
    role,
    since,
    until: null,
    provenance: NO_PROVENANCE,
  });
  const steps = (i: string, ...list: [InitiativeStage, string][]) =>
    list.map(([stage, date]) => ({ initiative: id(i), stage, date, provenance: NO_PROVENANCE }));
  return {
    organisations: [
      org(id('ci1'), `${w} Lab One`, 'CIVIC_INNOVATOR', at(ton, `${w}north`)),
      org(id('ci2'), `${w} Lab Two`, 'CIVIC_INNOVATOR', at(burg, `${w}south`)),
      org(id('ngo1'), `${w} Ngo`, 'NGO', at(ton, `${w}north`)),
      org(id('g1'), `${w} Ton Council`, 'GOVERNMENT', at(ton, `${w}north`)),
      org(id('g2'), `${w} Burg Council`, 'GOVERNMENT', at(burg, `${w}south`)),
      org(id('g3'), `${w} Burg Agency`, 'GOVERNMENT', at(burg, `${w}south`)),
      org(id('f1'), `${w} Foundation`, 'NGO', { country }),
      org(id('co1'), `${w} Company`, 'COMPANY', { country }),
    ],
    relationships: [
      rel(id('fund'), id('f1'), id('ci1'), 'FUNDING', {
        since: '2018-08-01',
        amount: 50000,
        currency: 'GBP',
      }),
      rel(id('part'), id('co1'), id('ci1'), 'PARTNERSHIP', { since: '2019-08-01' }),
      rel(id('adopt1'), id('g1'), id('ci1'), 'ADOPTION', { since: '2020-08-01' }),
      rel(id('adopt2'), id('g2'), id('ci1'), 'ADOPTION', { since: '2021-01-01' }),
      rel(id('adopt-co'), id('co1'), id('ci1'), 'ADOPTION', { since: '2021-02-01' }),
      rel(id('adopt-early'), id('g3'), id('ci2'), 'ADOPTION', { since: '2018-06-01' }),
    ],
    initiatives: [
      initiative('Alpha', 'ADOPTED', [`${w} Housing`]),
      initiative('Beta', 'ENDED', [`${w} Energy`]),
      initiative('Gamma', 'SCALING', [`${w} Housing`]),
      initiative('Delta', 'PILOT', [`${w} Energy`]),
      initiative('Epsilon', 'IDEA', []),
    ],
    participations: [
      take('Alpha', 'ci1', 'LEAD', '2018-01-01'),
      take('Alpha', 'f1', 'FUNDER', '2018-02-01'),
      take('Alpha', 'co1', 'PARTNER', '2019-03-01'),
      take('Beta', 'ci2', 'LEAD'),
      take('Gamma', 'ngo1', 'LEAD'),
      take('Gamma', 'ci2', 'PARTNER', '2020-03-01'),
      take('Delta', 'ci1', 'LEAD'),
      take('Epsilon', 'g3', 'LEAD'),
    ],
    places: [],
    initiativeStages: [
      ...steps(
        'Alpha',
        ['IDEA', '2018-01-01'],
        ['PILOT', '2018-07-01'],
        ['SCALING', '2019-07-01'],
        ['ADOPTED', '2020-07-01'],
      ),
      ...steps('Beta', ['PILOT', '2019-01-01'], ['ENDED', '2020-01-01']),
      ...steps('Gamma', ['IDEA', '2020-01-01'], ['PILOT', '2020-03-01'], ['SCALING', '2021-03-01']),
      ...steps('Delta', ['PILOT', '2021-01-01']),
      ...steps('Epsilon', ['IDEA', '2022-01-01']),
    ],
  };
}

beforeAll(async () => ({ db, server } = await openServedNetwork(p, network())));
afterAll(() => closeServedNetwork({ db, server }, p));

const GROUP = `initiatives pilots pilotsScaled pilotsAdopted pilotsScaledOrAdopted scaledOrAdoptedShare adoptedShare
  scaledShare transitions { from to count medianDays }`;
const QUERY = `query ($filter: PathwayFilter, $asOf: Date, $first: Int, $after: String) {
  innovationPathways(filter: $filter, asOf: $asOf, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      initiative { id stage stageHistory { stage on } }
      currentStage reachedScaling reachedAdoption
      innovators { role organisation { id } }
      stages {
        stage from to days
        funders { organisation { id } role relationship { id kind } since }
        partners { organisation { id } role relationship { id kind } since }
      }
      adoptedBy { organisation { id } relationship { id kind } since }
    }
    summary {
      overall { ${GROUP} }
      bySector { sector ${GROUP} }
      byTheme { theme { name } ${GROUP} }
      byPlace(first: 10) { place { name level } initiatives pilots scaledOrAdoptedShare }
    }
  } }`;

interface Support {
  organisation: { id: string };
  role: string | null;
  relationship: { id: string; kind: string } | null;
  since: string | null;
}
interface Group {
  sector?: string;
  theme?: { name: string };
  place?: { name: string; level: string };
  initiatives: number;
  pilots: number;
  pilotsScaled: number;
  pilotsAdopted: number;
  pilotsScaledOrAdopted: number;
  scaledOrAdoptedShare: number | null;
  adoptedShare: number | null;
  scaledShare: number | null;
  transitions: { from: string; to: string; count: number; medianDays: number | null }[];
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: {
    initiative: { id: string; stage: string; stageHistory: { stage: string; on: string }[] };
    currentStage: string;
    reachedScaling: boolean;
    reachedAdoption: boolean;
    innovators: { role: string; organisation: { id: string } }[];
    stages: {
      stage: string;
      from: string;
      to: string | null;
      days: number | null;
      funders: Support[];
      partners: Support[];
    }[];
    adoptedBy: {
      organisation: { id: string };
      relationship: { id: string; kind: string };
      since: string | null;
    }[];
  }[];
  summary: { overall: Group; bySector: Group[]; byTheme: Group[]; byPlace: Group[] };
}

async function pathways(filter: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<Page> {
  const result = await server.graphql<{ innovationPathways: Page }>(QUERY, {
    filter: { places: [country], ...filter },
    ...extra,
  });
  expect(result.errors).toBeUndefined();
  return result.data!.innovationPathways;
}

const names = (page: Page) => page.nodes.map((n) => short(n.initiative.id));
const who = (list: Support[]) =>
  list.map((s) => [short(s.organisation.id), s.role ?? s.relationship?.kind ?? null, s.since]);

describe('innovationPathways', () => {
  it('lists each pathway with its stages, innovators, funders, partners and adopters', async () => {
    const page = await pathways({});
    expect(page.totalCount).toBe(5);
    expect(names(page)).toEqual(['Alpha', 'Beta', 'Delta', 'Epsilon', 'Gamma']);
    const alpha = page.nodes[0]!;
    expect(alpha.currentStage).toBe('ADOPTED');
    expect(alpha.initiative.stage).toBe('ADOPTED');
    expect(alpha.initiative.stageHistory.map((s) => s.stage)).toEqual([
      'IDEA',
      'PILOT',
      'SCALING',
      'ADOPTED',
    ]);
    expect([alpha.reachedScaling, alpha.reachedAdoption]).toEqual([true, true]);
    expect(alpha.innovators.map((i) => [short(i.organisation.id), i.role])).toEqual([['ci1', 'LEAD']]);
    expect(alpha.stages.map((s) => [s.stage, s.from, s.to, s.days])).toEqual([
      ['IDEA', '2018-01-01', '2018-07-01', 181],
      ['PILOT', '2018-07-01', '2019-07-01', 365],
      ['SCALING', '2019-07-01', '2020-07-01', 366],
      ['ADOPTED', '2020-07-01', null, null],
    ]);
    expect(alpha.stages.map((s) => who(s.funders))).toEqual([
      [['f1', 'FUNDER', '2018-02-01']],
      [['f1', 'FUNDING', '2018-08-01']],
      [],
      [],
    ]);
    expect(alpha.stages.map((s) => who(s.partners))).toEqual([
      [],
      [['co1', 'PARTNER', '2019-03-01']],
      [['co1', 'PARTNERSHIP', '2019-08-01']],
      [],
    ]);
    // Two governments adopted it; the company's ADOPTION tie does not count.
    expect(alpha.adoptedBy.map((a) => [short(a.organisation.id), short(a.relationship.id), a.since])).toEqual(
      [
        ['g1', 'adopt1', '2020-08-01'],
        ['g2', 'adopt2', '2021-01-01'],
      ],
    );
    const beta = page.nodes[1]!;
    expect(beta.currentStage).toBe('ENDED');
    expect(beta.adoptedBy).toEqual([]); // g3 adopted ci2 before Beta's first stage
    const gamma = page.nodes[4]!;
    expect(gamma.innovators.map((i) => [short(i.organisation.id), i.role])).toEqual([
      ['ngo1', 'LEAD'],
      ['ci2', 'PARTNER'],
    ]);
  });

  it('sums up shares of pilots and median days between stages, overall and per sector, theme and place', async () => {
    const { summary } = await pathways({});
    expect(summary.overall).toEqual({
      initiatives: 5,
      pilots: 4,
      pilotsScaled: 2,
      pilotsAdopted: 1,
      pilotsScaledOrAdopted: 2,
      scaledOrAdoptedShare: 0.5,
      adoptedShare: 0.25,
      scaledShare: 0.5,
      transitions: [
        { from: 'IDEA', to: 'PILOT', count: 2, medianDays: 120.5 },
        { from: 'PILOT', to: 'SCALING', count: 2, medianDays: 365 },
        { from: 'PILOT', to: 'ENDED', count: 1, medianDays: 365 },
        { from: 'SCALING', to: 'ADOPTED', count: 1, medianDays: 366 },
      ],
    });
    expect(summary.bySector.map((g) => [g.sector, g.initiatives, g.pilots, g.scaledOrAdoptedShare])).toEqual([
      ['GOVERNMENT', 1, 0, null],
      ['NGO', 1, 1, 1],
      ['CIVIC_INNOVATOR', 4, 4, 0.5],
    ]);
    expect(
      summary.byTheme.map((g) => [
        g.theme?.name,
        g.initiatives,
        g.pilotsScaledOrAdopted,
        g.scaledOrAdoptedShare,
      ]),
    ).toEqual([
      [`${w} Energy`, 2, 0, 0],
      [`${w} Housing`, 2, 2, 1],
    ]);
    const housing = summary.byTheme[1]!;
    expect(housing.transitions).toEqual([
      { from: 'IDEA', to: 'PILOT', count: 2, medianDays: 120.5 },
      { from: 'PILOT', to: 'SCALING', count: 2, medianDays: 365 },
      { from: 'SCALING', to: 'ADOPTED', count: 1, medianDays: 366 },
    ]);
    expect(summary.byPlace.map((g) => [g.place?.name, g.place?.level, g.initiatives, g.pilots])).toEqual([
      [country, 'country', 5, 4],
      [`${w}north`, 'region', 3, 3],
      [`${w}south`, 'region', 3, 2],
      [burg, 'city', 3, 2],
      [ton, 'city', 3, 3],
    ]);
  });

  it.each([
    [{ places: [ton] }, ['Alpha', 'Delta', 'Gamma']],
    [{ sectors: ['NGO'] }, ['Gamma']],
    [{ sectors: ['GOVERNMENT'] }, ['Epsilon']],
    [{ themes: [`${w} energy`] }, ['Beta', 'Delta']],
    [{ stagesReached: ['ADOPTED'] }, ['Alpha']],
    [{ stagesReached: ['ENDED', 'SCALING'] }, ['Alpha', 'Beta', 'Gamma']],
    [{ query: 'gam' }, ['Gamma']],
    [{ initiatives: [id('Gamma'), id('Beta')] }, ['Beta', 'Gamma']],
  ])('filters by %j', async (filter, expected) => {
    expect(names(await pathways(filter))).toEqual(expected);
  });

  it('cuts the history at asOf: later steps, ties and adoptions are not known yet', async () => {
    const page = await pathways({}, { asOf: '2019-12-31' });
    expect(names(page)).toEqual(['Alpha', 'Beta']);
    const [alpha, beta] = page.nodes;
    expect(alpha!.currentStage).toBe('SCALING');
    expect(alpha!.reachedAdoption).toBe(false);
    expect(alpha!.stages.map((s) => [s.stage, s.to, s.days])).toEqual([
      ['IDEA', '2018-07-01', 181],
      ['PILOT', '2019-07-01', 365],
      ['SCALING', null, null],
    ]);
    expect(who(alpha!.stages[2]!.partners)).toEqual([['co1', 'PARTNERSHIP', '2019-08-01']]);
    expect(alpha!.adoptedBy).toEqual([]);
    expect(beta!.currentStage).toBe('PILOT');
    expect(page.summary.overall).toMatchObject({
      initiatives: 2,
      pilots: 2,
      pilotsScaledOrAdopted: 1,
      scaledOrAdoptedShare: 0.5,
      transitions: [
        { from: 'IDEA', to: 'PILOT', count: 1, medianDays: 181 },
        { from: 'PILOT', to: 'SCALING', count: 1, medianDays: 365 },
      ],
    });
    // On the day Beta ended, its end is known.
    expect((await pathways({ query: 'beta' }, { asOf: '2020-01-01' })).nodes[0]!.currentStage).toBe('ENDED');
  });

  it('pages through all pathways without duplicates or gaps', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let n = 0; n < 5; n++) {
      const page: Page = await pathways({}, { first: 2, after });
      expect(page.totalCount).toBe(5);
      seen.push(...names(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Alpha', 'Beta', 'Delta', 'Epsilon', 'Gamma']);
  });

  it('refuses unknown themes and places, foreign cursors and pages out of range, naming the argument', async () => {
    for (const [variables, field] of [
      [{ filter: { themes: [`${w} nothing`] } }, 'filter.themes'],
      [{ filter: { places: [`${w}nowhere`] } }, 'filter.places'],
      [{ filter: { initiatives: [id('Beta'), id('nothing')] } }, 'filter.initiatives'],
      [{ after: 'bm90IGEgY3Vyc29y' }, 'after'],
      [{ first: 0 }, 'first'],
    ] as const) {
      const result = await server.graphql(QUERY, variables);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(result.errors?.[0]?.extensions?.problems)).toContain(field);
    }
  });

  it('names the initiative ids no initiative has, and only those', async () => {
    const { data, errors } = await server.graphql(QUERY, {
      filter: { initiatives: [id('Beta'), id('nothing'), id('Gamma')] },
    });
    expect(data).toBeNull();
    expect(errors?.[0]?.message).toBe(`filter.initiatives: no initiative has the id "${id('nothing')}".`);
    expect(errors?.[0]?.extensions?.problems).toEqual([
      {
        file: 'arguments',
        line: null,
        column: null,
        field: 'filter.initiatives',
        code: 'NOT_FOUND',
        message: `no initiative has the id "${id('nothing')}"`,
      },
    ]);
  });
});
