// Initiatives and their participants in the network snapshot: grouped per initiative in the API's order
// (participantsOfInitiatives.cypher's), and what the snapshot cannot answer for left to the database.
// The same order against the real database: test/integration/batching.test.ts.
import { describe, expect, it } from 'vitest';
import { initiativeFromSnapshot, participantsFromSnapshot } from '../../../server/domain/initiatives.ts';
import { SnapshotBuilder, type SnapshotOrganisationRow } from '../../../server/domain/network/snapshot.ts';

const row = (
  id: string,
  name: string,
  participations: SnapshotOrganisationRow['participations'],
  themeIds: string[] = [],
): SnapshotOrganisationRow => ({
  id,
  name,
  sector: 'NGO',
  kind: null,
  themeIds,
  placeId: null,
  participations,
  ties: [],
});

function snapshot() {
  const themes = [
    { id: 't1', name: 'Zoning' },
    { id: 't2', name: 'Arts' },
    { id: 't3', name: 'Housing' },
  ];
  const builder = new SnapshotBuilder(
    1,
    themes,
    [],
    [
      { id: 'x', name: 'Pilot X', stage: 'PILOT' },
      { id: 'empty', name: 'Nobody', stage: 'IDEA' },
      { id: 'odd', name: 'Odd stage', stage: 'SOMEDAY' },
      { id: 'y', name: 'Y', stage: 'ADOPTED' },
    ],
  );
  builder.add(row('a', 'beta', [['x', 'PARTNER', null, null]], ['t1', 't2']));
  builder.add(
    row('b', 'Alpha', [
      ['x', 'PARTNER', '2020-01-02', '2021-03-04'],
      ['y', 'MENTOR', null, null],
    ]),
  );
  builder.add(row('c', 'alpha', [['x', 'FUNDER', null, null]]));
  builder.add(
    row('d', 'Zed', [
      ['x', 'LEAD', null, null],
      ['gone', 'LEAD', null, null],
    ]),
  );
  builder.add(
    row('e', 'alpha', [
      ['x', 'PARTNER', null, null],
      ['odd', 'LEAD', null, null],
    ]),
  );
  return builder.build();
}

describe('initiatives in the network snapshot', () => {
  const s = snapshot();

  it('lists participants leads first, then funders, then by lower-cased name and id', () => {
    const found = participantsFromSnapshot(s, 'x')!;
    expect(found.map((p) => `${p.role} ${p.organisationId}`)).toEqual([
      'LEAD d',
      'FUNDER c',
      'PARTNER b',
      'PARTNER e',
      'PARTNER a',
    ]);
    expect(found[1]!.organisation).toEqual({
      id: 'c',
      name: 'alpha',
      sector: 'NGO',
      status: 'PUBLISHED',
      themes: [],
    });
    expect(found[2]).toMatchObject({ since: '2020-01-02', until: '2021-03-04' });
    expect(found[4]!.organisation.themes).toEqual([
      { id: 't2', name: 'Arts' },
      { id: 't1', name: 'Zoning' },
    ]);
    expect(initiativeFromSnapshot(s, 'x')).toEqual({ id: 'x', name: 'Pilot X', stage: 'PILOT' });
  });

  it('knows initiatives without participants, and none by an unknown id', () => {
    expect(initiativeFromSnapshot(s, 'empty')).toEqual({ id: 'empty', name: 'Nobody', stage: 'IDEA' });
    expect(participantsFromSnapshot(s, 'empty')).toEqual([]);
    expect(initiativeFromSnapshot(s, 'none')).toBeNull();
    expect(participantsFromSnapshot(s, 'none')).toEqual([]);
  });

  it('leaves to the database a stage or role outside the vocabulary, or an initiative it did not load', () => {
    for (const id of ['odd', 'y', 'gone']) {
      expect(initiativeFromSnapshot(s, id)).toBeUndefined();
      expect(participantsFromSnapshot(s, id)).toBeUndefined();
    }
  });
});
