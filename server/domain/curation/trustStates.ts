// The trust-state machine of a relationship: which event moves which state where, and why the others are
// refused. The use cases (relationships.ts, review.ts) ask `nextTrust` before they write anything; the
// README's "Trust states and consent" diagram is this table, and test/unit/accounts/trustStates.test.ts
// checks every state against every event. Ending a relationship (its `until` date) is not a trust
// change: any state can be ended, once.
import { ConflictError } from '../../common/errors.ts';
import type { TrustState } from '../model.ts';

export type TrustEvent =
  /** A verified owner proposes one (proposeRelationship): it starts CLAIMED. */
  | 'propose'
  /** The other side's owner confirms it (confirmRelationship). */
  | 'confirm'
  /** Either side or a curator disputes it (disputeRelationship). */
  | 'dispute'
  /** A curator approves a proposal after checking its source (approve of a PROPOSED_RELATIONSHIP). */
  | 'verifySource'
  /** A curator rejects a proposal (reject of a PROPOSED_RELATIONSHIP): disputed, with the reason. */
  | 'rejectProposal'
  /** A curator upholds a dispute (approve of a DISPUTE): the relationship is removed. */
  | 'upholdDispute'
  /** A curator settles a dispute in the relationship's favour (reject of a DISPUTE): its trust returns. */
  | 'settleDispute';

/** Where an event leads: a state, REMOVED, or PREVIOUS (the state before the dispute; CLAIMED if none). */
type Target = TrustState | 'REMOVED' | 'PREVIOUS';

const ANY_BUT_DISPUTED = ['CLAIMED', 'CONFIRMED', 'SOURCED', 'IMPORTED'] as const;

/** The allowed moves: event → from → to. Anything not listed is refused with REFUSALS' message. */
export const TRANSITIONS: Readonly<Record<TrustEvent, Partial<Record<TrustState | 'NEW', Target>>>> = {
  propose: { NEW: 'CLAIMED' },
  confirm: { CLAIMED: 'CONFIRMED', SOURCED: 'CONFIRMED' },
  dispute: Object.fromEntries(ANY_BUT_DISPUTED.map((s) => [s, 'DISPUTED'])),
  verifySource: { CLAIMED: 'SOURCED' },
  rejectProposal: { CLAIMED: 'DISPUTED' },
  upholdDispute: { DISPUTED: 'REMOVED' },
  settleDispute: { DISPUTED: 'PREVIOUS' },
};

function refusal(event: TrustEvent, from: TrustState | 'NEW'): string {
  if (from === 'NEW') return 'This relationship does not exist yet.';
  if (event === 'propose') return 'This relationship exists already.';
  if (from === 'DISPUTED' && event !== 'dispute')
    return 'This relationship is disputed: a curator settles the dispute first.';
  switch (event) {
    case 'confirm':
      return from === 'CONFIRMED'
        ? 'This relationship is already confirmed.'
        : 'An imported relationship has no proposer to answer: dispute it if it is wrong.';
    case 'dispute':
      return 'This relationship is already disputed.';
    case 'verifySource':
    case 'rejectProposal':
      return `This relationship is ${from}, no longer CLAIMED.`;
    default:
      return `This relationship is ${from}: there is no dispute to decide.`;
  }
}

/**
 * The trust state after `event`, null when the relationship is removed; a refused move throws CONFLICT
 * saying why. `previous` is the state stored when it was disputed (settling restores it).
 */
export function nextTrust(
  from: TrustState | null,
  event: TrustEvent,
  previous: TrustState | null = null,
): TrustState | null {
  const state = from ?? 'NEW';
  const to = TRANSITIONS[event][state];
  if (to === undefined) throw new ConflictError(refusal(event, state));
  if (to === 'REMOVED') return null;
  if (to === 'PREVIOUS') return previous ?? 'CLAIMED';
  return to;
}
