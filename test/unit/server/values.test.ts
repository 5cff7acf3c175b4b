// toPlain turns driver values into plain JSON values; plain values pass through unchanged.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../../server/db/values.ts';

describe('toPlain', () => {
  it('keeps strings, numbers and booleans, and makes null of null and undefined', () => {
    expect(toPlain('abc')).toBe('abc');
    expect(toPlain('')).toBe('');
    expect(toPlain(1.5)).toBe(1.5);
    expect(toPlain(0)).toBe(0);
    expect(toPlain(false)).toBe(false);
    expect(toPlain(null)).toBeNull();
    expect(toPlain(undefined)).toBeNull();
  });

  it('converts integers, temporal values and nodes, also inside lists and maps', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Organisation'], { id: 'o1', founded: neo4j.int(1990) });
    const row = {
      count: neo4j.int(42),
      big: neo4j.int('9007199254740993'),
      day: new neo4j.types.Date(2024, 2, 29),
      at: new neo4j.types.DateTime(2024, 1, 2, 3, 4, 5, 0, 0),
      organisation: node,
      list: [neo4j.int(1), 'two', null, { deep: neo4j.int(3) }],
    };
    expect(toPlain(row)).toEqual({
      count: 42,
      big: '9007199254740993',
      day: '2024-02-29',
      at: '2024-01-02T03:04:05.000Z',
      organisation: { id: 'o1', founded: 1990 },
      list: [1, 'two', null, { deep: 3 }],
    });
  });
});
