// Random secrets (session tokens, API tokens, ids) and how they are stored: only a SHA-256 digest.
// A slow hash is not needed here: these are 256 random bits, not something a person chose.
import crypto from 'node:crypto';

/** 32 random bytes, base64url: what a session cookie or an API token carries. */
export function newSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** What the database keeps instead of the secret itself. */
export function digest(secret: string): string {
  return crypto.createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A short random id with a readable prefix, e.g. `acc-3f9c1a2b7d4e`. */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(8).toString('hex')}`;
}
