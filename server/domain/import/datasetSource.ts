// An ImportSource for a Dataset already in memory (generated networks, tests): references are
// checked against the dataset and the database; problems name the record by its index.
import type { Dataset } from '../model.ts';
import type { Problem } from '../../common/problems.ts';
import type { ImportSource } from './types.ts';

export function sourceFromDataset(dataset: Dataset, label = 'dataset'): ImportSource {
  const orgIds = new Set(dataset.organisations.map((o) => o.id));
  const initiativeIds = new Set(dataset.initiatives.map((i) => i.id));
  const refs: { id: string; kind: 'organisation' | 'initiative'; where: string; field: string }[] = [];
  dataset.relationships.forEach((r, i) => {
    if (!orgIds.has(r.source))
      refs.push({ id: r.source, kind: 'organisation', where: `relationships[${i}]`, field: 'source' });
    if (!orgIds.has(r.target))
      refs.push({ id: r.target, kind: 'organisation', where: `relationships[${i}]`, field: 'target' });
  });
  dataset.participations.forEach((p, i) => {
    if (!orgIds.has(p.organisation)) {
      refs.push({
        id: p.organisation,
        kind: 'organisation',
        where: `participations[${i}]`,
        field: 'organisation',
      });
    }
    if (!initiativeIds.has(p.initiative)) {
      refs.push({ id: p.initiative, kind: 'initiative', where: `participations[${i}]`, field: 'initiative' });
    }
  });
  (dataset.initiativeStages ?? []).forEach((s, i) => {
    if (!initiativeIds.has(s.initiative)) {
      refs.push({
        id: s.initiative,
        kind: 'initiative',
        where: `initiativeStages[${i}]`,
        field: 'initiative',
      });
    }
  });
  return {
    dataset,
    problems: [],
    externalOrganisationIds: [...new Set(refs.filter((r) => r.kind === 'organisation').map((r) => r.id))],
    externalInitiativeIds: [...new Set(refs.filter((r) => r.kind === 'initiative').map((r) => r.id))],
    danglingProblems(existingOrgs, existingInitiatives): Problem[] {
      return refs
        .filter((r) => !(r.kind === 'organisation' ? existingOrgs : existingInitiatives).has(r.id))
        .map((r) => ({
          file: `${label}:${r.where}`,
          line: null,
          column: null,
          field: r.field,
          code: 'DANGLING_REFERENCE',
          message: `${r.field} "${r.id}" is not an ${r.kind} in this import or in the database`,
        }));
    },
  };
}
