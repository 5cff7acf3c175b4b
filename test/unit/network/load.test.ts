// Loading the snapshot while other transactions delete: a node deleted while its page was read comes back
// without properties (Neo4j reads at read-committed isolation). The loader leaves it out and goes on paging.
import { describe, expect, it } from 'vitest';
import type { QueryRunner } from '../../../server/common/queryRunner.ts';
import { loadSnapshot, present } from '../../../server/domain/network/load.ts';

const row = (id: string | null, extra: Record<string, unknown> = {}) => ({
  id,
  nodeId: id === null ? null : `4:db:${id.charCodeAt(0)}`,
  name: id,
  sector: id === null ? null : 'NGO',
  kind: null,
  themeIds: [],
  placeId: null,
  participations: [],
  ties: [],
  ...extra,
});

describe('present', () => {
  it('drops an organisation that vanished, and the participations and ties whose other end did', () => {
    expect(present(row(null))).toBeNull();
    const kept = present(
      row('a', {
        participations: [
          ['i1', 'LEAD', null, null],
          [null, null, null, null],
        ],
        ties: [
          ['t1', 'b', 'PARTNERSHIP', null, null, null, null, null],
          ['t2', null, 'PARTNERSHIP', null, null, null, null, null],
          [null, null, null, null, null, null, null, null],
        ],
      }),
    );
    expect(kept?.participations).toEqual([['i1', 'LEAD', null, null]]);
    expect(kept?.ties.map((t) => t[0])).toEqual(['t1']);
  });
});

describe('loadSnapshot', () => {
  it('leaves out an organisation deleted while its page was read, and reads the next page after the last id', async () => {
    const afters: string[] = [];
    // Pages of 5,000: the first ends with a vanished row, the second is the last.
    const first = [
      ...Array.from({ length: 4_999 }, (_, k) => row(`a${String(k).padStart(5, '0')}`)),
      row(null),
    ];
    const second = [row('b'), row('c', { ties: [['t', 'b', 'PARTNERSHIP', null, null, null, null, null]] })];
    const runner = {
      database: 'neo4j',
      async read(name: string, params?: { after?: string }) {
        if (name !== 'snapshotOrganisations') return [];
        afters.push(params!.after!);
        return afters.length === 1 ? first : second;
      },
    } as unknown as QueryRunner;
    const s = await loadSnapshot(runner, 1);
    expect(afters).toEqual(['', 'a04998']);
    expect(s.ids.length).toBe(5_001);
    expect(s.ids.at(-1)).toBe('c');
    expect(s.tieIds).toEqual(['t']);
  });
});
