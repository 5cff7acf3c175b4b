// Field rules for what people type: passwords, URLs, text with control characters, registrations, and
// the problems (field + code) the API returns for each.
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../server/common/errors.ts';
import { validateNewAccount } from '../../../server/domain/accounts/accounts.ts';
import { hashPassword, passwordWeakness, verifyPassword } from '../../../server/domain/accounts/passwords.ts';
import { validateChanges, validateRegistration } from '../../../server/domain/curation/organisationInput.ts';

function problems(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.problems.map((p) => [p.field, p.code]);
    throw error;
  }
  return [];
}

describe('passwords', () => {
  it('hashes with argon2id at the OWASP minimum and verifies', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it.each([
    ['short', /at least 10/],
    ['password123', /most common/],
    ['aaaaaaaaaaaa', /repeats/],
    ['abababababab', /repeats/],
    ['1234567890', /most common|sequence/],
    ['abcdefghijklm', /sequence/],
    ['x'.repeat(201), /too long/],
  ])('refuses %j', (password, why) => expect(passwordWeakness(password)).toMatch(why));

  it('refuses a password made of the email or the name, accepts a passphrase', () => {
    expect(passwordWeakness('alice.smith2024', { email: 'alice.smith@example.org' })).toMatch(/email/);
    expect(passwordWeakness('Ada Lovelace', { name: 'Ada Lovelace' })).toMatch(/name/);
    expect(passwordWeakness('correct horse battery staple')).toBeNull();
  });

  it('sign-up lists every problem at once, each with its field', () => {
    expect(
      problems(() => validateNewAccount({ email: 'nope', name: '\u0000', password: 'password123' })),
    ).toEqual([
      ['email', 'BAD_EMAIL'],
      ['name', 'CONTROL_CHARACTERS'],
      ['password', 'WEAK_PASSWORD'],
    ]);
    expect(
      validateNewAccount({
        email: ' Ada@Example.ORG ',
        name: ' Ada ',
        password: 'correct horse battery staple',
      }),
    ).toMatchObject({
      email: 'ada@example.org',
      name: 'Ada',
    });
  });
});

describe('registrations', () => {
  const ok = { name: 'Open Leeds', sector: 'NGO' };

  it.each([
    ['javascript:alert(1)', 'BAD_URL'],
    ['JavaScript:alert(1)', 'BAD_URL'],
    ['data:text/html,<b>x</b>', 'BAD_URL'],
    ['file:///etc/passwd', 'BAD_URL'],
    ['ftp://example.org', 'BAD_URL'],
    ['http://localhost', 'BAD_URL'],
    ['http://192.168.1.1/', 'BAD_URL'],
    ['https://user:pass@example.org', 'BAD_URL'],
    ['https://exa\u0000mple.org', 'CONTROL_CHARACTERS'],
  ])('refuses the website %j (%s)', (website, code) => {
    expect(problems(() => validateRegistration({ ...ok, website }))).toContainEqual(['input.website', code]);
  });

  it('accepts line breaks in a description but not other control characters or direction overrides', () => {
    expect(validateRegistration({ ...ok, description: 'Line one.\nLine two.\tTabbed.' }).description).toBe(
      'Line one.\nLine two.\tTabbed.',
    );
    expect(problems(() => validateRegistration({ ...ok, description: 'bell\u0007' }))).toEqual([
      ['input.description', 'CONTROL_CHARACTERS'],
    ]);
    expect(problems(() => validateRegistration({ ...ok, name: 'Evil\u202Egro' }))).toEqual([
      ['input.name', 'CONTROL_CHARACTERS'],
    ]);
  });

  it('spells the country as the importers do, so a registration lands in the same places', () => {
    const placeOf = (place: object) => validateRegistration({ ...ok, place }).place;
    expect(placeOf({ country: 'UK', city: 'Leeds' })).toEqual({
      country: 'United Kingdom',
      region: null,
      city: 'Leeds',
    });
    expect(placeOf({ country: 'gb' })).toEqual({ country: 'United Kingdom', region: null, city: null });
    expect(placeOf({ country: 'USA', city: 'Boston' })).toMatchObject({ country: 'United States' });
    expect(placeOf({ country: 'Scotland', city: 'Glasgow' })).toEqual({
      country: 'United Kingdom',
      region: 'Scotland',
      city: 'Glasgow',
    });
    expect(placeOf({ country: 'NI', city: 'Belfast' })).toEqual({
      country: 'United Kingdom',
      region: 'Northern Ireland',
      city: 'Belfast',
    });
    // Other two letters are not guessed as a code; a name ICU does not know is kept as typed.
    expect(placeOf({ country: 'CA' })).toEqual({ country: 'CA', region: null, city: null });
    expect(placeOf({ country: 'Zembla' })).toEqual({ country: 'Zembla', region: null, city: null });
    expect(validateChanges({ place: { country: 'U.K.' } }).place).toEqual({
      country: 'United Kingdom',
      region: null,
      city: null,
    });
  });

  it('names the field of each problem, required and too long included', () => {
    expect(
      problems(() =>
        validateRegistration({
          name: 'n'.repeat(10_000),
          sector: 'NGOO',
          identifiers: ['x'],
          themes: [''],
          place: { country: '' },
        }),
      ),
    ).toEqual([
      ['input.name', 'TOO_LONG'],
      ['input.sector', 'UNKNOWN_VALUE'],
      ['input.place.country', 'REQUIRED'],
      ['input.themes.0', 'REQUIRED'],
      ['input.identifiers.0', 'BAD_IDENTIFIER'],
    ]);
  });

  it('normalises what it keeps: trimmed text, upper-case identifier schemes, one of each theme', () => {
    expect(
      validateRegistration({
        ...ok,
        name: '  Open Leeds  ',
        identifiers: ['gb-chc:123', 'GB-CHC:123'],
        themes: ['Housing', 'housing'],
      }),
    ).toMatchObject({ name: 'Open Leeds', identifiers: ['GB-CHC:123'], themes: ['Housing'] });
  });

  it('edits: absent fields stay, null clears optional ones, required ones cannot be cleared', () => {
    expect(validateChanges({ kind: null, description: '' })).toEqual({ kind: null, description: null });
    expect(problems(() => validateChanges({ name: null }))).toEqual([['changes.name', 'REQUIRED']]);
  });
});
