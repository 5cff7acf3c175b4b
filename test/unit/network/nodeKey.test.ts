// Full-text hits come back as keys of their nodes' element ids (searchCandidates); the snapshot keys its
// organisations by the same rule, so a key names exactly one element id.
import { describe, expect, it } from 'vitest';
import { indexAnswerOf, type CandidateRow } from '../../../server/domain/network/organisationList.ts';
import {
  nodeKey,
  SnapshotBuilder,
  type SnapshotOrganisationRow,
} from '../../../server/domain/network/snapshot.ts';

const row = (id: string, nodeId: string): SnapshotOrganisationRow => ({
  id,
  nodeId,
  name: id,
  sector: 'NGO',
  kind: null,
  themeIds: [],
  placeId: null,
  participations: [],
  ties: [],
});

describe('nodeKey', () => {
  const prefix = '4:0f1e:';
  it('is the number a plainly written element id ends with after the prefix', () => {
    expect(nodeKey('4:0f1e:0', prefix)).toBe(0);
    expect(nodeKey('4:0f1e:74147', prefix)).toBe(74147);
    expect(nodeKey('4:0f1e:999999999999999', prefix)).toBe(999_999_999_999_999);
  });

  it.each([
    '4:0f1e:074147',
    '4:0f1e:-5',
    '4:0f1e:+5',
    '4:0f1e:1.5',
    '4:0f1e:',
    '4:0f1e:12a',
    '4:beef:12',
    '4:0f1e:1000000000000000',
  ])('is -1 for %s (matched by the whole element id instead)', (elementId) =>
    expect(nodeKey(elementId, prefix)).toBe(-1),
  );
});

describe('snapshot node keys', () => {
  it('keys the organisations whose element ids have the first one’s prefix, and the others by their element id', () => {
    const builder = new SnapshotBuilder(1, [], []);
    builder.add(row('a', '4:db:7'));
    builder.add(row('b', '4:db:007'));
    builder.add(row('c', '5:other:8'));
    const s = builder.build();
    expect(s.nodeKeyPrefix).toBe('4:db:');
    expect([...s.nodeKeys.entries()]).toEqual([[7, 0]]);
    expect(s.nodeIndex.get('4:db:007')).toBe(1);
    expect(s.nodeIndex.get('5:other:8')).toBe(2);
    expect(s.nodeIndex.has('4:db:7')).toBe(false);
  });
});

describe('indexAnswerOf (the rows of searchCandidates)', () => {
  const prefix = '4:db:';
  const row = (at: number, tails: (string | null)[], others: string[] = []): CandidateRow => ({
    at,
    candidates: 9,
    last: 0.1,
    tails,
    scores: tails.map((_, h) => 1 - (at + h) / 10),
    others,
    dataVersion: 3,
  });

  it('keys the hits by their tails as the snapshot keys organisations, in hit order whatever order the rows come in', () => {
    const answer = indexAnswerOf(
      [row(3, ['12', null, '007']), row(0, ['7', null, '0'], ['5:x:1', '5:x:2'])],
      prefix,
    );
    expect(answer.keys).toEqual([7, -1, 0, 12, -1, -1]);
    expect(answer.scores).toEqual([1, 0.9, 0.8, 0.7, 0.6, 0.5]);
    // The element ids of the hits without a key, in hit order: foreign ones whole, the others rebuilt.
    expect(answer.others).toEqual(['5:x:1', '5:x:2', '4:db:007']);
    expect(answer).toMatchObject({ candidates: 9, last: 0.1, dataVersion: 3 });
    for (const key of answer.keys) if (key >= 0) expect(nodeKey(`${prefix}${String(key)}`, prefix)).toBe(key);
  });

  it('answers no hit from the one row of an empty search', () => {
    expect(indexAnswerOf([row(0, [])], prefix)).toMatchObject({ keys: [], scores: [], others: [] });
  });
});
