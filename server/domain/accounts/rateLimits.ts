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
  /** Failed sign-ins for one email from any address (a guesser spread over many addresses). */
  signInFailuresPerEmail: Limit;
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
  signInFailuresPerEmail: { points: 10, seconds: 15 * 60 },
  signInFailuresPerAddress: { points: 50, seconds: 60 * 60 },
  signUpsPerAddress: { points: 10, seconds: 60 * 60 },
  mutationsPerAccount: { points: 60, seconds: 60 },
  mutationsPerAddress: { points: 300, seconds: 60 },
};

export interface RateLimits {
  /**
   * Reserves one failure for a sign-in attempt BEFORE its password is verified (per email and address,
   * per email, per address), so parallel attempts cannot all be verified: refuses when any is used up.
   * A wrong password keeps the reservation; `signInSucceeded` gives it back.
   */
  reserveSignIn(email: string, address: string): Promise<void>;
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

export function createRateLimits(overrides: Partial<RateLimitSettings> = {}): RateLimits {
  const s = { ...DEFAULT_RATE_LIMITS, ...overrides };
  const perEmailAndAddress = limiter(s.signInFailuresPerEmailAndAddress, 'signin-email-address');
  const perEmail = limiter(s.signInFailuresPerEmail, 'signin-email');
  const perAddress = limiter(s.signInFailuresPerAddress, 'signin-address');
  const signUps = limiter(s.signUpsPerAddress, 'signup-address');
  const byAccount = limiter(s.mutationsPerAccount, 'mutation-account');
  const byAddress = limiter(s.mutationsPerAddress, 'mutation-address');
  const emailKey = (email: string) => email.trim().toLowerCase();
  const emailAndAddressKey = (email: string, address: string) => `${emailKey(email)}|${address}`;
  return {
    async reserveSignIn(email, address) {
      // Consumed before the password is checked: the counter is what stops the next attempt, so it must
      // move before the slow verification, not after it. Most specific first; an attempt refused by one
      // counter gives back what it took from the others, so refused attempts cost nobody else anything.
      const steps: [RateLimiterMemory, string, string][] = [
        [perEmailAndAddress, emailAndAddressKey(email, address), 'failed sign-ins'],
        [perEmail, emailKey(email), 'failed sign-ins for this account'],
        [perAddress, address, 'failed sign-ins from your address'],
      ];
      const taken: [RateLimiterMemory, string][] = [];
      try {
        for (const [l, key, what] of steps) {
          await consume(l, key, what);
          taken.push([l, key]);
        }
      } catch (error) {
        for (const [l, key] of taken) await l.reward(key, 1);
        throw error;
      }
    },
    async signInSucceeded(email, address) {
      // The right password: this attempt was no failure. Its email and address start again (the README's
      // "a good sign-in resets it"); the wider counters only get this attempt's point back.
      await perEmailAndAddress.delete(emailAndAddressKey(email, address));
      await perEmail.reward(emailKey(email), 1);
      await perAddress.reward(address, 1);
    },
    signUp: (address) => consume(signUps, address, 'new accounts from your address'),
    async mutations(address, accountId, count) {
      if (accountId !== null) await consume(byAccount, accountId, 'changes from your account', count);
      await consume(byAddress, address, 'changes from your address', count);
    },
  };
}
