// What an import run changes on a stored relationship's trust state (server/domain/import/rows.ts): an
// open-data run (correct or fill) keeps a state people set; the atlas format (replace) writes its file's.
import { describe, expect, it } from 'vitest';
import { changedValues, keepsPeopleTrust, type Props } from '../../../server/domain/import/rows.ts';

const incoming: Props = { trust: 'IMPORTED', amount: 2000, sourceDataset: '360giving:x.json' };
const stored = (trust: string | null) => ({ trust, amount: 1000, sourceDataset: '360giving:x.json' });

describe('a re-import and trust set by people', () => {
  it.each(['CLAIMED', 'CONFIRMED', 'DISPUTED', 'SOURCED'])(
    '%s is kept by an open-data run, whose other values still correct the stored ones',
    (trust) => {
      for (const mode of ['correct', 'fill'] as const) {
        expect(keepsPeopleTrust(incoming, stored(trust), mode)).toBe(true);
      }
      expect(changedValues(incoming, {}, stored(trust), 'correct')).toEqual({ amount: 2000 });
      expect(changedValues(incoming, {}, stored(trust), 'fill')).toBeNull();
    },
  );

  it('an IMPORTED (or missing) state is the dataset’s own: nothing to keep', () => {
    expect(keepsPeopleTrust(incoming, stored('IMPORTED'), 'correct')).toBe(false);
    expect(keepsPeopleTrust(incoming, stored(null), 'correct')).toBe(false);
    expect(changedValues(incoming, {}, stored(null), 'correct')).toEqual({ trust: 'IMPORTED', amount: 2000 });
  });

  it('the atlas format writes the trust state its file gives', () => {
    expect(keepsPeopleTrust(incoming, stored('CONFIRMED'), 'replace')).toBe(false);
    expect(changedValues(incoming, {}, stored('DISPUTED'), 'replace')).toEqual({
      trust: 'IMPORTED',
      amount: 2000,
    });
  });

  it('initiatives and participations have no trust: their values are unaffected', () => {
    expect(keepsPeopleTrust({ name: 'x' }, { trust: 'CONFIRMED' }, 'correct')).toBe(false);
  });
});
