// Password hashing (argon2id, @node-rs/argon2) and the password rules of sign-up and `npm run user`.
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

/**
 * argon2id with the library's defaults, which are OWASP's recommended minimum: 19 MiB of memory, 2 passes,
 * 1 lane, a 16-byte random salt; the PHC string stores them, so raising them later keeps old hashes valid.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified when an email has no account so that a wrong email takes as long
 * as a wrong password (the answer time does not tell which emails have accounts).
 */
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hash(crypto.randomUUID());
  return dummyHash;
}

export const PASSWORD_LIMITS = { min: 10, max: 200 } as const;

/** The most common passwords of public breach lists that are 10 characters or longer (lower case). */
const COMMON = new Set([
  '1234567890',
  '0123456789',
  '12345678910',
  '123456789a',
  'qwertyuiop',
  'qwertyuiop1',
  'qwerty1234',
  'qwerty12345',
  'qwerty123456',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'password12',
  'password123',
  'password1234',
  'password!',
  'passw0rd123',
  'iloveyou12',
  'letmein123',
  'welcome123',
  'welcome1234',
  'admin12345',
  'administrator',
  'abc1234567',
  'abcdefghij',
  'football123',
  'baseball123',
  'sunshine123',
  'princess123',
  'changeme123',
  'trustno1234',
  'starwars123',
  'michael123',
  'superman123',
  'monkey12345',
  'dragon12345',
  'whatever123',
  'zaq12wsxcde',
  'asdfghjkl1',
  'asdfghjkl123',
  'zxcvbnm123',
  'partnershipatlas',
  'atlas12345',
]);

/** Why a password is too weak, or null. NIST SP 800-63B: length and a blocklist, no composition rules. */
export function passwordWeakness(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  if (password.length < PASSWORD_LIMITS.min)
    return `password needs at least ${PASSWORD_LIMITS.min} characters`;
  if (password.length > PASSWORD_LIMITS.max)
    return `password is too long: at most ${PASSWORD_LIMITS.max} characters`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'password is one of the most common passwords: choose another';
  if (new Set(lower).size <= 2)
    return 'password repeats one or two characters: choose one that is harder to guess';
  if (isSequence(lower)) return 'password is a simple sequence: choose one that is harder to guess';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local))
    return 'password contains your email address: choose another';
  const name = context.name?.toLowerCase().replace(/\s+/g, '');
  if (name && name.length >= 4 && lower.replace(/\s+/g, '') === name)
    return 'password is your name: choose another';
  return null;
}

function isSequence(text: string): boolean {
  let up = true;
  let down = true;
  for (let i = 1; i < text.length; i++) {
    const step = text.charCodeAt(i) - text.charCodeAt(i - 1);
    if (step !== 1) up = false;
    if (step !== -1) down = false;
  }
  return up || down;
}

/** The password field: a string (never trimmed: spaces are part of a passphrase). */
export const passwordField = z.string({ error: 'password is required' });
