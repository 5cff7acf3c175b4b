// References from relationships and participations to ids this import does not define: the caller checks the
// database for them, then turns the ones still missing into DANGLING_REFERENCE problems.
import type { Dataset } from '../model.ts';
import type { Problem } from '../../common/problems.ts';
import { FILE_SPECS, type Entity } from './columns.ts';
import { suggest } from '../didYouMean.ts';
import type { AtlasOrigins, RecordLocation } from './locations.ts';

export interface UnresolvedRef {
  /** The id referred to. */
  id: string;
  /** What the id must name. */
  refersTo: 'organisation' | 'initiative';
  /** The record that refers to it and the field holding the id. */
  record: 'relationship' | 'participation' | 'initiative stage';
  field: 'source' | 'target' | 'organisation' | 'initiative';
  file: string;
  line: number;
  column: number | null;
  /** A close id defined in this import, when there is one (a likely typo). */
  suggestion: string | null;
}

// Suggestions compare each unresolved id with every defined id; beyond this many the cost is not worth it.
const MAX_SUGGESTION_CANDIDATES = 20_000;

function locationAt(locations: RecordLocation[], index: number, entity: Entity): RecordLocation {
  const location = locations[index];
  // The reader builds records and locations together; a mismatch means the caller passed another dataset.
  if (location === undefined)
    throw new Error(`no location for ${entity}[${index}]: pass the read result unchanged`);
  return location;
}

export function findUnresolvedReferences(dataset: Dataset, origins: AtlasOrigins): UnresolvedRef[] {
  const organisationIds = dataset.organisations.map((o) => o.id);
  const initiativeIds = dataset.initiatives.map((i) => i.id);
  const defined = {
    organisation: new Set([...organisationIds, ...origins.rejectedIds.organisations]),
    initiative: new Set([...initiativeIds, ...origins.rejectedIds.initiatives]),
  };
  const candidates = { organisation: organisationIds, initiative: initiativeIds };
  const unresolved: UnresolvedRef[] = [];
  const check = (
    id: string,
    refersTo: UnresolvedRef['refersTo'],
    record: UnresolvedRef['record'],
    field: UnresolvedRef['field'],
    location: RecordLocation,
  ): void => {
    if (defined[refersTo].has(id)) return;
    const options = candidates[refersTo];
    const position = location.fields[field];
    unresolved.push({
      id,
      refersTo,
      record,
      field,
      file: location.file,
      line: position?.line ?? location.line,
      column: position?.column ?? location.column,
      suggestion: options.length <= MAX_SUGGESTION_CANDIDATES ? (suggest(id, options) ?? null) : null,
    });
  };
  dataset.relationships.forEach((relationship, index) => {
    const location = locationAt(origins.locations.relationships, index, 'relationships');
    check(relationship.source, 'organisation', 'relationship', 'source', location);
    check(relationship.target, 'organisation', 'relationship', 'target', location);
  });
  dataset.participations.forEach((participation, index) => {
    const location = locationAt(origins.locations.participations, index, 'participations');
    check(participation.initiative, 'initiative', 'participation', 'initiative', location);
    check(participation.organisation, 'organisation', 'participation', 'organisation', location);
  });
  (dataset.initiativeStages ?? []).forEach((step, index) => {
    const location = locationAt(origins.locations.initiativeStages, index, 'initiativeStages');
    check(step.initiative, 'initiative', 'initiative stage', 'initiative', location);
  });
  return unresolved;
}

/** The distinct ids to look up in the database. */
export function unresolvedIds(unresolved: readonly UnresolvedRef[]): {
  organisations: string[];
  initiatives: string[];
} {
  const ids = (refersTo: UnresolvedRef['refersTo']) => [
    ...new Set(unresolved.filter((ref) => ref.refersTo === refersTo).map((ref) => ref.id)),
  ];
  return { organisations: ids('organisation'), initiatives: ids('initiative') };
}

/** DANGLING_REFERENCE for every reference that is neither in the import nor among the existing ids. */
export function danglingProblems(
  unresolved: readonly UnresolvedRef[],
  existingOrganisationIds: ReadonlySet<string>,
  existingInitiativeIds: ReadonlySet<string>,
): Problem[] {
  return unresolved
    .filter(
      (ref) =>
        !(ref.refersTo === 'organisation' ? existingOrganisationIds : existingInitiativeIds).has(ref.id),
    )
    .map((ref) => {
      const list = ref.refersTo === 'organisation' ? 'organisations' : 'initiatives';
      const addTo = ref.file.toLowerCase().endsWith('.json') ? `the "${list}" list` : FILE_SPECS[list].file;
      const typo = ref.suggestion === null ? '' : ` (did you mean ${JSON.stringify(ref.suggestion)}?)`;
      return {
        file: ref.file,
        line: ref.line,
        column: ref.column,
        field: ref.field,
        code: 'DANGLING_REFERENCE',
        message:
          `${ref.record} ${ref.field} "${ref.id}" is not an ${ref.refersTo} in this import or in the database${typo}; ` +
          `add it to ${addTo} or fix the id`,
      };
    });
}
