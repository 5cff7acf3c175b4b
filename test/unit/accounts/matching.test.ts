// "Is this you?" rules: normalised names, sites (never a shared host alone), identifiers, and the
// identity key that makes concurrent registrations of one organisation collide in the database.
import { describe, expect, it } from 'vitest';
import { identityKey, matchRules } from '../../../server/domain/curation/matching.ts';
import { normaliseName, siteOf } from '../../../server/domain/identity/normalise.ts';

describe('normaliseName', () => {
  it.each([
    ['The Leeds Digital Trust Ltd.', 'leeds digital trust'],
    ['LEEDS   digital-trust limited', 'leeds digital trust'],
    ['Café Conversations CIC', 'cafe conversations'],
    ["O'Neill & Partners", 'oneill and partners'],
    ['The', 'the'],
    ['Limited', 'limited'],
  ])('%j → %j', (name, expected) => expect(normaliseName(name)).toBe(expected));
});

describe('siteOf', () => {
  it('is the registrable domain of an ordinary site, with or without www and path', () => {
    expect(siteOf('https://www.leeds.gov.uk/contact')).toEqual({ key: 'leeds.gov.uk', shared: false });
    expect(siteOf('http://digital.example.co.uk')).toEqual({ key: 'example.co.uk', shared: false });
    expect(siteOf('https://someone.github.io/project')).toEqual({ key: 'someone.github.io', shared: false });
  });

  it.each([
    'https://www.facebook.com/groups/leeds',
    'https://github.com/leeds-digital',
    'https://www.gov.uk/government/organisations/cabinet-office',
    'https://linktr.ee/someone',
    'https://www.meetup.com/leeds-civic/',
    'https://ec.europa.eu/info/x',
  ])('%s is a shared host: only host + page identifies it', (url) => {
    const site = siteOf(url)!;
    expect(site.shared).toBe(true);
    expect(site.key).toContain('/');
  });

  it('is null for a URL without a public domain', () => {
    expect(siteOf('http://localhost:3000')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });
});

describe('matchRules', () => {
  const c = (name: string, website: string | null = null, identifiers: string[] = []) => ({
    name,
    website,
    identifiers,
  });

  it('never matches two organisations by a shared host alone', () => {
    expect(matchRules(c('A', 'https://facebook.com/a'), c('B', 'https://www.facebook.com/b'))).toEqual([]);
    expect(
      matchRules(c('A', 'https://www.gov.uk/government/organisations/a'), c('B', 'https://www.gov.uk/')),
    ).toEqual([]);
    expect(matchRules(c('A', 'https://facebook.com/a/'), c('B', 'https://www.facebook.com/A'))).toEqual([
      'SAME_WEBSITE',
    ]);
  });

  it('matches identifiers whatever the case of the scheme and spaces in the value', () => {
    expect(matchRules(c('A', null, ['gb-chc:123 456']), c('B', null, ['GB-CHC:123456']))).toEqual([
      'SAME_IDENTIFIER',
    ]);
    expect(matchRules(c('A', null, ['GB-CHC:1']), c('B', null, ['GB-COH:1']))).toEqual([]);
  });
});

describe('identityKey', () => {
  it('is the same for the same normalised name and site, however they are written', () => {
    expect(identityKey('The Race Org Ltd', 'https://www.race.example.org/')).toBe(
      identityKey('RACE ORG', 'http://race.example.org/x'),
    );
    expect(identityKey('Race Org', null)).toBe('race org|');
    expect(identityKey('Race Org', 'https://race.example.net')).not.toBe(
      identityKey('Race Org', 'https://race.example.org'),
    );
  });
});
