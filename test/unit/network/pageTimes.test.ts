// organisationPage sends datetimes as epoch milliseconds (neo4j-driver's DateTime costs much to decode);
// withTimes must give the same strings toPlain gives for the DateTime the driver would have decoded.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../../server/db/values.ts';
import { withTimes } from '../../../server/domain/network/organisationList.ts';

const base = {
  requested: 'o1',
  places: [],
  themes: [],
};
const organisation = (extra: Record<string, unknown>) => ({
  id: 'o1',
  name: 'O',
  sector: 'NGO' as const,
  status: 'PUBLISHED' as const,
  ...extra,
});

describe('withTimes', () => {
  it.each([
    ['2026-11-30T01:44:50.663Z', 663_999_999, 0],
    ['1969-12-31T23:59:59.500Z', 500_000_000, 0],
    ['2024-02-29T23:30:00.000Z', 0, 3600],
  ])('writes %s as toPlain writes the DateTime of that instant', (iso, nanos, offset) => {
    const ms = Date.parse(iso);
    const seconds = Math.floor(ms / 1000);
    // The DateTime Bolt would send: the same instant (epoch seconds, nanoseconds), seen at an offset.
    const local = new Date((seconds + offset) * 1000);
    const dateTime = new neo4j.types.DateTime(
      local.getUTCFullYear(),
      local.getUTCMonth() + 1,
      local.getUTCDate(),
      local.getUTCHours(),
      local.getUTCMinutes(),
      local.getUTCSeconds(),
      nanos,
      offset,
    );
    const epochMillis = seconds * 1000 + Math.floor(nanos / 1_000_000);
    const row = withTimes({
      ...base,
      organisation: organisation({ createdAt: null, updatedAt: null }),
      createdAtMs: epochMillis,
      updatedAtMs: epochMillis,
    });
    expect(row.organisation.createdAt).toBe(toPlain(dateTime));
    expect(row.organisation.updatedAt).toBe(toPlain(dateTime));
  });

  it('keeps a value that is not a datetime and leaves out a property the organisation lacks', () => {
    const row = withTimes({
      ...base,
      organisation: organisation({ createdAt: '2020-01-01', updatedAt: null }),
      createdAtMs: null,
      updatedAtMs: null,
    });
    expect(row.organisation.createdAt).toBe('2020-01-01');
    expect('updatedAt' in row.organisation).toBe(false);
    expect(row).not.toHaveProperty('createdAtMs');
  });
});
