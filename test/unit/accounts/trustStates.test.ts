// The trust-state machine (server/domain/curation/trustStates.ts): every state against every event, the
// allowed moves with where they lead and every other one refused with CONFLICT and a reason.
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../server/common/errors.ts';
import { nextTrust, type TrustEvent } from '../../../server/domain/curation/trustStates.ts';
import { TRUST_STATES, type TrustState } from '../../../server/domain/model.ts';

const EVENTS: TrustEvent[] = [
  'propose',
  'confirm',
  'dispute',
  'verifySource',
  'rejectProposal',
  'upholdDispute',
  'settleDispute',
];

type From = TrustState | 'NEW';
/** The whole machine: event → from → to ('REMOVED' when the relationship goes). Absent: refused. */
const EXPECTED: Record<TrustEvent, Partial<Record<From, TrustState | 'REMOVED'>>> = {
  propose: { NEW: 'CLAIMED' },
  confirm: { CLAIMED: 'CONFIRMED', SOURCED: 'CONFIRMED' },
  dispute: { CLAIMED: 'DISPUTED', CONFIRMED: 'DISPUTED', SOURCED: 'DISPUTED', IMPORTED: 'DISPUTED' },
  verifySource: { CLAIMED: 'SOURCED' },
  rejectProposal: { CLAIMED: 'DISPUTED' },
  upholdDispute: { DISPUTED: 'REMOVED' },
  // Settling restores the state before the dispute (here: CONFIRMED).
  settleDispute: { DISPUTED: 'CONFIRMED' },
};

const FROM: From[] = ['NEW', ...TRUST_STATES];
const rows = EVENTS.flatMap((event) => FROM.map((from) => [event, from, EXPECTED[event][from]] as const));

describe('the trust-state machine', () => {
  it('has a row for every state and event (the vocabulary has these five states)', () => {
    expect([...TRUST_STATES].sort()).toEqual(['CLAIMED', 'CONFIRMED', 'DISPUTED', 'IMPORTED', 'SOURCED']);
    expect(rows).toHaveLength(EVENTS.length * FROM.length);
  });

  it.each(rows.filter(([, , to]) => to !== undefined))('%s from %s → %s', (event, from, to) => {
    const next = nextTrust(from === 'NEW' ? null : from, event, 'CONFIRMED');
    expect(next ?? 'REMOVED').toBe(to);
  });

  it.each(rows.filter(([, , to]) => to === undefined))(
    '%s from %s is refused with CONFLICT and why',
    (event, from) => {
      const attempt = () => nextTrust(from === 'NEW' ? null : from, event, 'CONFIRMED');
      expect(attempt).toThrow(ConflictError);
      expect(attempt).toThrow(/\w+ \w+/);
    },
  );

  it('names the reasons people need: already confirmed, disputed first, no longer claimed', () => {
    expect(() => nextTrust('CONFIRMED', 'confirm')).toThrow('This relationship is already confirmed.');
    expect(() => nextTrust('DISPUTED', 'confirm')).toThrow(
      'This relationship is disputed: a curator settles the dispute first.',
    );
    expect(() => nextTrust('DISPUTED', 'dispute')).toThrow('This relationship is already disputed.');
    expect(() => nextTrust('SOURCED', 'verifySource')).toThrow(
      'This relationship is SOURCED, no longer CLAIMED.',
    );
  });

  it('a dispute settled without a recorded earlier state returns to CLAIMED', () => {
    expect(nextTrust('DISPUTED', 'settleDispute', null)).toBe('CLAIMED');
    expect(nextTrust('DISPUTED', 'settleDispute', 'IMPORTED')).toBe('IMPORTED');
  });
});
