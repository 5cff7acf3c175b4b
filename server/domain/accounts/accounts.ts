// Accounts: sign-up, sign-in and sign-out with sessions stored in Neo4j, and the operator's commands
// (`npm run user`). Passwords are kept only as argon2id hashes; sessions only as SHA-256 digests.
import { z } from 'zod';
import { ConflictError, NotFoundError, UnauthenticatedError } from '../../common/errors.ts';
import type { QueryRunner, QueryTx } from '../../common/queryRunner.ts';
import type { AccountActor, Actor } from '../access/actor.ts';
import { ROLES, type Role } from '../model.ts';
import { email as emailField, line, TEXT_LIMITS } from '../validation/fields.ts';
import { fieldProblem, invalid, toProblems } from '../validation/problems.ts';
import {
  hashPassword,
  PASSWORD_LIMITS,
  passwordField,
  passwordWeakness,
  timingDummyHash,
  verifyPassword,
} from './passwords.ts';
import type { RateLimits } from './rateLimits.ts';
import { digest, newId, newSecret } from './secrets.ts';

/** An account as the API shows it to its owner: never its password hash. */
export interface Account {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface SignedIn {
  account: Account;
  /** The secret for the session cookie; the database keeps only its digest. */
  sessionToken: string;
  expiresAt: string;
}

/** Where a request comes from, for rate limits. */
export interface RequestOrigin {
  limits: RateLimits;
  address: string;
  /** The session cookie the browser sent, if any: a new sign-in ends it. */
  sessionToken?: string | null;
}

export const SESSION_DAYS = 30;

const newAccountSchema = z.object({
  email: emailField(),
  name: line('name', TEXT_LIMITS.accountName),
  password: passwordField,
});

/** Checks a new account's fields: every problem at once, each naming its field. */
export function validateNewAccount(input: { email: unknown; name: unknown; password: unknown }) {
  const parsed = newAccountSchema.safeParse(input);
  const problems = parsed.success ? [] : toProblems(parsed.error.issues, null);
  const password = typeof input.password === 'string' ? input.password : '';
  if (!problems.some((p) => p.field === 'password')) {
    const weakness = passwordWeakness(password, {
      email: typeof input.email === 'string' ? input.email : '',
      name: typeof input.name === 'string' ? input.name : '',
    });
    if (weakness) problems.push(fieldProblem('password', 'WEAK_PASSWORD', weakness));
  }
  if (problems.length > 0 || !parsed.success) throw invalid(problems);
  return parsed.data;
}

/** Creates an account (sign-up, or `npm run user -- add`). */
export async function createAccount(
  runner: QueryRunner,
  input: { email: string; name: string; password: string; role: Role },
): Promise<Account> {
  const params = await newAccountParams(input);
  return duplicateEmailAsConflict(params.email, () =>
    runner.writeTransaction(async (tx) => {
      const [row] = await tx.run<{ account: Account }>('createAccount', params);
      return row!.account;
    }),
  );
}

/** Validates a new account and hashes its password (slow: before any transaction opens). */
async function newAccountParams(input: { email: string; name: string; password: string; role: Role }) {
  const fields = validateNewAccount(input);
  if (!ROLES.includes(input.role))
    throw invalid([fieldProblem('role', 'UNKNOWN_VALUE', `use one of ${ROLES.join(', ')}`)]);
  return {
    id: newId('acc'),
    email: fields.email,
    name: fields.name,
    passwordHash: await hashPassword(fields.password),
    role: input.role,
    now: new Date().toISOString(),
  };
}

/** The email's uniqueness constraint failing (whenever in the transaction): a conflict that says what to do. */
async function duplicateEmailAsConflict<T>(email: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ConflictError)
      throw new ConflictError(`An account with the email ${email} already exists: sign in instead.`, {
        cause: error,
      });
    throw error;
  }
}

/**
 * Creates a MEMBER account and its first session in ONE transaction: a failure anywhere (a duplicate
 * email, the database going away before the session is written) leaves no account behind, so the same
 * sign-up can simply be sent again.
 */
export async function signUp(
  runner: QueryRunner,
  input: { email: string; password: string; name: string },
  origin: RequestOrigin,
): Promise<SignedIn> {
  validateNewAccount(input);
  await origin.limits.signUp(origin.address);
  const params = await newAccountParams({ ...input, role: 'MEMBER' });
  const signedUp = await duplicateEmailAsConflict(params.email, () =>
    runner.writeTransaction(async (tx) => {
      const [row] = await tx.run<{ account: Account }>('createAccount', params);
      const account = row!.account;
      return { account, ...(await insertSession(tx, account)) };
    }),
  );
  // The session this browser had (another account's) ends once the new one exists.
  if (origin.sessionToken) await signOut(runner, origin.sessionToken);
  return signedUp;
}

const WRONG = 'The email or password is wrong.';

const signInSchema = z.object({
  email: emailField(),
  password: passwordField
    .min(1, { error: 'password is required' })
    .max(PASSWORD_LIMITS.max, { error: `password is too long: at most ${PASSWORD_LIMITS.max} characters` }),
});

export async function signIn(
  runner: QueryRunner,
  input: { email: string; password: string },
  origin: RequestOrigin,
): Promise<SignedIn> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw invalid(toProblems(parsed.error.issues, null));
  const { email } = parsed.data;
  // Reserve a failure first: the slow verification below never runs more often than the limits allow,
  // however many attempts arrive at once.
  await origin.limits.reserveSignIn(email, origin.address);
  const [row] = await runner.read<{ account: Account & { passwordHash: string } }>('accountForSignIn', {
    email,
  });
  // Verify against a dummy hash when there is no account, so the answer takes as long either way.
  const ok = await verifyPassword(row?.account.passwordHash ?? (await timingDummyHash()), input.password);
  if (!row || !ok) throw new UnauthenticatedError(WRONG);
  await origin.limits.signInSucceeded(email, origin.address);
  const { passwordHash: _hash, ...account } = row.account;
  return startSession(runner, account, origin.sessionToken ?? null);
}

async function startSession(
  runner: QueryRunner,
  account: Account,
  replacing: string | null,
): Promise<SignedIn> {
  // Signing in again in the same browser ends the session it had, so no forgotten session stays valid.
  if (replacing !== null) await signOut(runner, replacing);
  return { account, ...(await runner.writeTransaction((tx) => insertSession(tx, account))) };
}

/** Writes a new session of the account in the caller's transaction; only the secret's digest is stored. */
async function insertSession(
  tx: QueryTx,
  account: Account,
): Promise<{ sessionToken: string; expiresAt: string }> {
  const sessionToken = newSecret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * 3600 * 1000).toISOString();
  const [row] = await tx.run('createSession', {
    accountId: account.id,
    sessionId: digest(sessionToken),
    now: now.toISOString(),
    expiresAt,
  });
  if (!row) throw new Error(`The session of account ${account.id} was not written.`);
  return { sessionToken, expiresAt };
}

/** Ends the session: its cookie no longer signs anyone in, even if it is sent again. */
export async function signOut(runner: QueryRunner, sessionToken: string): Promise<void> {
  await runner.write('deleteSession', { sessionId: digest(sessionToken) });
}

/** The account of a live session, or null (unknown, signed out or expired). */
export async function actorFromSession(
  runner: QueryRunner,
  sessionToken: string,
): Promise<AccountActor | null> {
  const [row] = await runner.read<{ account: Account }>('sessionAccount', {
    sessionId: digest(sessionToken),
    now: new Date().toISOString(),
  });
  return row ? toActor(row.account, 'session') : null;
}

export function toActor(account: Account, via: AccountActor['via']): AccountActor {
  return {
    kind: 'account',
    id: account.id,
    name: account.name,
    email: account.email,
    role: account.role,
    via,
  };
}

/** The signed-in account (`me`), or null when signed out. */
export async function currentAccount(runner: QueryRunner, actor: Actor): Promise<Account | null> {
  if (actor.kind !== 'account') return null;
  const [row] = await runner.read<{ account: Account }>('accountById', { id: actor.id });
  return row?.account ?? null;
}

export async function listAccounts(runner: QueryRunner): Promise<Account[]> {
  return (await runner.read<{ account: Account }>('listAccounts')).map((r) => r.account);
}

/** Changes an account's role (`npm run user -- role`). */
export async function setRole(runner: QueryRunner, emailAddress: string, role: Role): Promise<Account> {
  const parsed = emailField().safeParse(emailAddress);
  if (!parsed.success) throw invalid(toProblems(parsed.error.issues, 'email'));
  if (!ROLES.includes(role))
    throw invalid([fieldProblem('role', 'UNKNOWN_VALUE', `use one of ${ROLES.join(', ')}`)]);
  const [row] = await runner.write<{ account: Account }>('setAccountRole', {
    email: parsed.data,
    role,
    now: new Date().toISOString(),
  });
  if (!row) throw new NotFoundError(`No account has the email ${parsed.data}.`);
  return row.account;
}
