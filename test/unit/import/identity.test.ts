// Identity resolution rules (README "Identity resolution"), on the in-memory resolver: what merges, what never
// does, and what becomes a merge candidate.
import { describe, expect, it } from 'vitest';
import { nameSimilarity } from '../../../server/domain/identity/candidates.ts';
import {
  normaliseIdentifier,
  normaliseName,
  splitOrgId,
  websiteIdentity,
} from '../../../server/domain/identity/normalise.ts';
import { IdentityResolver, type IdentityFacts } from '../../../server/domain/identity/resolver.ts';
import { inferSector } from '../../../server/domain/import/sectorRules.ts';

const org = (id: string, over: Partial<IdentityFacts> = {}): IdentityFacts => ({
  id,
  name: 'Open Data Leeds',
  country: 'United Kingdom',
  region: 'England',
  city: 'Leeds',
  identifiers: [],
  websites: [],
  ...over,
});

describe('normal forms', () => {
  it('normalises names: case, accents, punctuation, "&", articles and legal forms at the ends', () => {
    expect(normaliseName('The Trussell Trust, Ltd.')).toBe('trussell trust');
    expect(normaliseName('Smith & Jones Café')).toBe('smith and jones cafe');
    expect(normaliseName('The')).toBe('the');
  });
  it('spells charity and company numbers one way, and refuses values that are not numbers of that register', () => {
    expect(normaliseIdentifier('GB-COH', '2050843')).toEqual({ scheme: 'GB-COH', value: '02050843' });
    expect(normaliseIdentifier('gb-coh', 'sc 123456')).toEqual({ scheme: 'GB-COH', value: 'SC123456' });
    expect(normaliseIdentifier('GB-CHC', '1151621 ')).toEqual({ scheme: 'GB-CHC', value: '1151621' });
    expect(normaliseIdentifier('GB-CHC', '\u00a01075920')).toEqual({ scheme: 'GB-CHC', value: '1075920' });
    expect(normaliseIdentifier('GB-CHC', 'IT/4002/09')).toBeNull();
    expect(normaliseIdentifier('GB-NIC', 'NIC101036')).toEqual({ scheme: 'GB-NIC', value: '101036' });
    expect(normaliseIdentifier('GB-SC', 'SC012345')).toEqual({ scheme: 'GB-SC', value: 'SC012345' });
    expect(splitOrgId('GB-CHC-1136547')).toEqual({ scheme: 'GB-CHC', value: '1136547' });
    expect(splitOrgId('360G-woodward:WCT2962')).toEqual({ scheme: '360G', value: 'woodward:WCT2962' });
  });
  it('identifies websites by host and path, never by a shared host alone', () => {
    expect(websiteIdentity('https://www.Example.org/About/')).toBe('example.org/about');
    expect(websiteIdentity('http://example.org/index.html')).toBe('example.org');
    expect(websiteIdentity('https://www.facebook.com/')).toBeNull();
    expect(websiteIdentity('https://www.facebook.com/codeforboston')).toBe('facebook.com/codeforboston');
    expect(websiteIdentity('https://codefor.de')).toBeNull();
    expect(websiteIdentity('https://www.gov.uk/government/organisations/cabinet-office')).toBe(
      'gov.uk/government/organisations/cabinet-office',
    );
  });
});

describe('IdentityResolver', () => {
  it('merges the same identifier in any spelling', () => {
    const r = new IdentityResolver(true);
    r.resolve(org('a', { name: 'Alpha', identifiers: [{ scheme: 'GB-COH', value: '02050843' }] }));
    expect(
      r.resolve(
        org('b', { name: 'Alpha Ltd', city: 'York', identifiers: [{ scheme: 'GB-COH', value: '02050843' }] }),
      ),
    ).toMatchObject({
      organisationId: 'a',
      rule: 'IDENTIFIER',
    });
    expect(r.lookupId('b')).toBe('a');
  });

  it('merges the same name in the same city even when the websites differ, and in the same region when one has no city', () => {
    const r = new IdentityResolver(true);
    r.resolve(org('a', { websites: ['https://odl.example'] }));
    expect(r.resolve(org('b', { websites: ['https://other.example'] })).rule).toBe('NAME_AND_PLACE');
    expect(r.resolve(org('c', { city: null })).organisationId).toBe('a');
  });

  it('never merges by name in different places, nor when identifiers of one register disagree (a candidate then)', () => {
    const r = new IdentityResolver(true);
    r.resolve(
      org('ny', { name: 'City of Albany', country: 'United States', region: 'New York', city: 'Albany' }),
    );
    expect(
      r.resolve(
        org('ga', { name: 'City of Albany', country: 'United States', region: 'Georgia', city: 'Albany' }),
      ).rule,
    ).toBe('NEW');
    r.resolve(org('x', { name: 'Same Name', identifiers: [{ scheme: 'GB-CHC', value: '111111' }] }));
    expect(
      r.resolve(org('y', { name: 'Same Name', identifiers: [{ scheme: 'GB-CHC', value: '222222' }] })).rule,
    ).toBe('NEW');
    expect(r.candidates().map((c) => c.rule)).toContain('SAME_NAME_OTHER_IDENTIFIERS');
  });

  it('merges the same website host and path, but not on a shared host, and not across cities', () => {
    const r = new IdentityResolver(true);
    r.resolve(org('a', { name: 'One', websites: ['https://one.example/'] }));
    expect(
      r.resolve(org('b', { name: 'One Again', city: null, websites: ['http://www.one.example'] })).rule,
    ).toBe('WEBSITE');
    r.resolve(org('f1', { name: 'Group A', websites: ['https://facebook.com/'] }));
    expect(r.resolve(org('f2', { name: 'Group B', websites: ['https://www.facebook.com'] })).rule).toBe(
      'NEW',
    );
    r.resolve(
      org('ro', {
        name: 'Code for Romania',
        country: 'Romania',
        region: null,
        city: 'Bucharest',
        websites: ['http://code4.ro/'],
      }),
    );
    expect(
      r.resolve(
        org('cj', {
          name: 'Code for Romania: Cluj',
          country: 'Romania',
          region: null,
          city: 'Cluj-Napoca',
          websites: ['http://code4.ro/'],
        }),
      ).rule,
    ).toBe('NEW');
    expect(r.candidates()).toContainEqual(
      expect.objectContaining({ rule: 'SAME_WEBSITE', organisations: ['cj', 'ro'] }),
    );
  });

  it('flags similar names in one city and a host two organisations share, and never a host three share', () => {
    const r = new IdentityResolver(true);
    r.resolve(org('a', { name: 'Leeds Food Bank' }));
    r.resolve(org('b', { name: 'Leeds Foodbank' }));
    r.resolve(org('c', { name: 'Alpha', websites: ['https://alpha.example/one'] }));
    r.resolve(org('d', { name: 'Beta', websites: ['https://alpha.example/two'] }));
    for (const [i, id] of ['e', 'f', 'g'].entries())
      r.resolve(org(id, { name: `Branch ${id}`, websites: [`https://federation.example/${i}`] }));
    const rules = r.candidates().map((c) => `${c.rule}:${c.organisations.join('~')}`);
    expect(rules).toContain('SIMILAR_NAME:a~b');
    expect(rules).toContain('SAME_HOST:c~d');
    expect(rules.filter((x) => x.startsWith('SAME_HOST'))).toHaveLength(1);
  });

  it('flags the same name where the places cannot tell them apart, never merging on the name alone', () => {
    const r = new IdentityResolver(true);
    const nowhere = { country: null, region: null, city: null };
    r.addExisting(org('stored-indigo', { name: 'Indigo Trust', ...nowhere }));
    // Neither has a place: a candidate, not a merge.
    expect(
      r.resolve(
        org('chc-indigo', {
          name: 'The Indigo Trust',
          ...nowhere,
          identifiers: [{ scheme: 'GB-CHC', value: '1075920' }],
        }),
      ).rule,
    ).toBe('NEW');
    // One in Milton Keynes, one with no place; one in a city, one with the country only.
    r.resolve(org('ou-mk', { name: 'The Open University', city: 'Milton Keynes', region: null }));
    r.resolve(org('ou-none', { name: 'Open University', ...nowhere }));
    r.resolve(org('bl-london', { name: 'British Library', city: 'London', region: null }));
    r.resolve(org('bl-uk', { name: 'British Library', region: null, city: null }));
    // Two places that differ, or two countries: no sign.
    r.resolve(org('cl-pwllheli', { name: 'Community Links', region: 'Gwynedd', city: 'Pwllheli' }));
    r.resolve(org('cl-london', { name: 'Community Links', region: 'London', city: 'Canning Town' }));
    r.resolve(org('rc-kenya', { name: 'Red Cross Society', country: 'Kenya', region: null, city: null }));
    r.resolve(org('rc-uk', { name: 'Red Cross Society', region: null, city: null }));
    // Charity numbers that disagree: the other rule, still a candidate.
    r.resolve(
      org('dc-1', {
        name: 'Daisy Chain Project',
        ...nowhere,
        identifiers: [{ scheme: 'GB-CHC', value: '1109792' }],
      }),
    );
    r.resolve(
      org('dc-2', {
        name: 'Daisy Chain Project',
        ...nowhere,
        identifiers: [{ scheme: 'GB-CHC', value: '1175163' }],
      }),
    );
    const found = r.candidates().map((c) => `${c.rule}:${c.organisations.join('~')}:${c.score}`);
    expect(found.sort()).toEqual([
      'SAME_NAME_OTHER_IDENTIFIERS:dc-1~dc-2:0.3',
      'SIMILAR_NAME:bl-london~bl-uk:0.5',
      'SIMILAR_NAME:chc-indigo~stored-indigo:0.5',
      'SIMILAR_NAME:ou-mk~ou-none:0.5',
    ]);
    expect(r.candidates().find((c) => c.organisations.includes('chc-indigo'))?.evidence).toEqual({
      names: ['The Indigo Trust', 'Indigo Trust'],
      places: [null, null],
    });
  });

  it('says nothing about a name five or more organisations share', () => {
    const r = new IdentityResolver(true);
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g'])
      r.resolve(org(id, { name: 'Citizens Advice', region: null, city: null }));
    expect(r.candidates()).toHaveLength(10);
  });

  it('with merging off, matches ids and aliases only', () => {
    const r = new IdentityResolver(false);
    r.addExisting(org('stored'), ['old-id']);
    expect(r.resolve(org('old-id')).organisationId).toBe('stored');
    expect(r.resolve(org('new')).rule).toBe('NEW');
  });

  it('scores similar names and ignores one-word containment', () => {
    expect(nameSimilarity('leeds food bank', 'leeds foodbank')).not.toBeNull();
    expect(nameSimilarity('foundation', 'safer london foundation')).toBeNull();
    expect(nameSimilarity('rewired state', 'young rewired state')).not.toBeNull();
  });
});

describe('sector inference', () => {
  it.each([
    ['Leeds City Council', [], 'GOVERNMENT', 'name:council'],
    ['Leeds Council for Voluntary Service', [{ scheme: 'GB-CHC', value: '1' }], 'NGO', 'identifier:charity'],
    ['Refugee Council', [{ scheme: 'GB-CHC', value: '1014576' }], 'NGO', 'identifier:charity'],
    [
      'Gloucestershire Rural Community Council',
      [{ scheme: 'GB-SC', value: '1' }],
      'NGO',
      'identifier:charity',
    ],
    [
      "Mid-Sussex Older People's Council",
      [{ scheme: 'GB-COH', value: '1' }],
      'COMPANY',
      'identifier:company',
    ],
    ['University of Leeds', [], 'ACADEMIC', 'name:university'],
    ['Bright Ideas CIC', [{ scheme: 'GB-COH', value: '1' }], 'COMPANY', 'name:cic'],
    ['Anything', [{ scheme: 'GB-NHS', value: 'RR8' }], 'GOVERNMENT', 'identifier:nhs'],
    ['Widgets Ltd', [], 'COMPANY', 'name:company-suffix'],
    ['Helping Hands', [], 'NGO', 'default:ngo'],
  ] as const)('%s → %s (%s)', (name, ids, sector, rule) => {
    expect(inferSector(name, ids)).toEqual({ sector, rule });
  });
});
