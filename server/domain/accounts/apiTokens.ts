// Personal API tokens for researchers: `Authorization: Bearer <token>`. The token is shown once, when it
// is created; the database keeps its SHA-256 digest. A revoked token signs nobody in.
import { z } from 'zod';
import { NotFoundError } from '../../common/errors.ts';
import type { QueryRunner } from '../../common/queryRunner.ts';
import type { AccountActor, Actor } from '../access/actor.ts';
import { authorise } from '../access/policy.ts';
import { line, TEXT_LIMITS } from '../validation/fields.ts';
import { validate } from '../validation/problems.ts';
import { toActor, type Account } from './accounts.ts';
import { digest, newId, newSecret } from './secrets.ts';

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Tokens start with this, so a leaked one is easy to recognise (and to search for in code). */
export const TOKEN_PREFIX = 'atlas_';

/** lastUsedAt is written at most this often per token, so reads stay reads. */
const TOUCH_EVERY_MS = 10 * 60 * 1000;

export async function createApiToken(
  runner: QueryRunner,
  actor: Actor,
  name: string,
): Promise<{ token: string; apiToken: ApiToken }> {
  const account = authorise(actor, 'apiToken.create');
  const fields = validate(z.object({ name: line('name', TEXT_LIMITS.tokenName) }), { name });
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  const [row] = await runner.write<{ token: ApiToken }>('createApiToken', {
    accountId: account.id,
    tokenId: newId('tok'),
    hash: digest(token),
    name: fields.name,
    now: new Date().toISOString(),
  });
  return { token, apiToken: row!.token };
}

export async function listApiTokens(runner: QueryRunner, actor: Actor): Promise<ApiToken[]> {
  const account = authorise(actor, 'account.self');
  return (await runner.read<{ token: ApiToken }>('apiTokensOfAccount', { accountId: account.id })).map(
    (r) => r.token,
  );
}

export async function revokeApiToken(runner: QueryRunner, actor: Actor, tokenId: string): Promise<ApiToken> {
  const account = authorise(actor, 'account.self');
  const [row] = await runner.write<{ token: ApiToken }>('revokeApiToken', {
    accountId: account.id,
    tokenId,
    now: new Date().toISOString(),
  });
  if (!row) throw new NotFoundError(`You have no API token with the id ${tokenId}.`);
  return row.token;
}

/** The account of a live (not revoked) token, or null. */
export async function actorFromApiToken(runner: QueryRunner, token: string): Promise<AccountActor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await runner.read<{ account: Account; tokenId: string; lastUsedAt: string | null }>(
    'apiTokenAccount',
    { hash: digest(token) },
  );
  if (!row) return null;
  const now = Date.now();
  if (row.lastUsedAt === null || now - Date.parse(row.lastUsedAt) > TOUCH_EVERY_MS) {
    await runner.write('touchApiToken', { tokenId: row.tokenId, now: new Date(now).toISOString() });
  }
  return toActor(row.account, 'token');
}
