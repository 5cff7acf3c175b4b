// Rate limits on sign-in, sign-up and mutations, per account and per address (rate-limiter-flexible).
// The counters live in this process's memory: each server counts on its own (see the README).
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../../common/errors.ts';

export interface Limit {
  /** How many attempts are allowed… */
  points: number;
  /** …within this many seconds (then the count starts again). */
  seconds: number;
}

export interface RateLimitSettings {
  /** Failed sign-ins for one email from one address; once reached, that email is refused from that address. */
  signInFailuresPerEmailAndAddress: Limit;
  /** Failed sign-ins from one address, whatever the email (password spraying). */
  signInFailuresPerAddress: Limit;
  /** New accounts from one address. */
  signUpsPerAddress: Limit;
  /** Mutations (each root field counts one) by one account, whatever the address. */
  mutationsPerAccount: Limit;
  /** Mutations from one address, signed in or not. */
  mutationsPerAddress: Limit;
}

/** The documented defaults (README "Rate limits"). */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  signInFailuresPerEmailAndAddress: { points: 5, seconds: 15 * 60 },
  signInFailuresPerAddress: { points: 50, seconds: 60 * 60 },
  signUpsPerAddress: { points: 10, seconds: 60 * 60 },
  mutationsPerAccount: { points: 60, seconds: 60 },
  mutationsPerAddress: { points: 300, seconds: 60 },
};

export interface RateLimits {
  /** Refuses a sign-in while its email and address (or the address alone) has too many failures. */
  beforeSignIn(email: string, address: string): Promise<void>;
  signInFailed(email: string, address: string): Promise<void>;
  signInSucceeded(email: string, address: string): Promise<void>;
  signUp(address: string): Promise<void>;
  /** `count` mutations at once (one per root field), by an account (or nobody) from an address. */
  mutations(address: string, accountId: string | null, count: number): Promise<void>;
}

function limiter(limit: Limit, prefix: string) {
  return new RateLimiterMemory({ keyPrefix: prefix, points: limit.points, duration: limit.seconds });
}

function refused(what: string, msBeforeNext: number): RateLimitedError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  return new RateLimitedError(`Too many ${what}: try again in ${wait}.`, seconds);
}

/** Consumes points; a refusal of the limiter becomes RATE_LIMITED. */
async function consume(l: RateLimiterMemory, key: string, what: string, points = 1): Promise<void> {
  try {
    await l.consume(key, points);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw refused(what, error.msBeforeNext);
    throw error;
  }
}

async function ensureUnder(l: RateLimiterMemory, key: string, limit: Limit, what: string): Promise<void> {
  const state = await l.get(key);
  if (state && state.consumedPoints >= limit.points) throw refused(what, state.msBeforeNext);
}

export function createRateLimits(overrides: Partial<RateLimitSettings> = {}): RateLimits {
  const s = { ...DEFAULT_RATE_LIMITS, ...overrides };
  const perEmail = limiter(s.signInFailuresPerEmailAndAddress, 'signin-email');
  const perAddress = limiter(s.signInFailuresPerAddress, 'signin-address');
  const signUps = limiter(s.signUpsPerAddress, 'signup-address');
  const byAccount = limiter(s.mutationsPerAccount, 'mutation-account');
  const byAddress = limiter(s.mutationsPerAddress, 'mutation-address');
  const emailKey = (email: string, address: string) => `${email.trim().toLowerCase()}|${address}`;
  return {
    async beforeSignIn(email, address) {
      await ensureUnder(
        perEmail,
        emailKey(email, address),
        s.signInFailuresPerEmailAndAddress,
        'failed sign-ins',
      );
      await ensureUnder(perAddress, address, s.signInFailuresPerAddress, 'failed sign-ins from your address');
    },
    async signInFailed(email, address) {
      // Counted without refusing: the refusal comes with the next attempt, in beforeSignIn.
      await perEmail.penalty(emailKey(email, address), 1);
      await perAddress.penalty(address, 1);
    },
    async signInSucceeded(email, address) {
      await perEmail.delete(emailKey(email, address));
    },
    signUp: (address) => consume(signUps, address, 'new accounts from your address'),
    async mutations(address, accountId, count) {
      if (accountId !== null) await consume(byAccount, accountId, 'changes from your account', count);
      await consume(byAddress, address, 'changes from your address', count);
    },
  };
}
