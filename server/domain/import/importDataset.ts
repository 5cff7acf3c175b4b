// The import pipeline: validate everything (input, then references against the database), then write
// all or nothing. Re-importing the same input changes nothing.
import type { QueryName, QueryRunner } from '../../common/queryRunner.ts';
import { InvalidInputError } from '../../common/errors.ts';
import { formatProblem } from '../../common/problems.ts';
import { prepareBatches } from './prepare.ts';
import type { ImportSource } from './types.ts';
import { writeBatches, type WriteSummary } from './write.ts';

export async function importSource(
  runner: QueryRunner,
  source: ImportSource,
  options: { recordedBy: string; now?: string; beforeWrite?: () => Promise<void> },
): Promise<WriteSummary> {
  const problems = [...source.problems];
  if (problems.length === 0) {
    const [orgs, initiatives] = await Promise.all([
      existing(runner, 'existingOrganisationIds', source.externalOrganisationIds),
      existing(runner, 'existingInitiativeIds', source.externalInitiativeIds),
    ]);
    problems.push(...source.danglingProblems(orgs, initiatives));
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).map(formatProblem).join('\n  ');
    throw new InvalidInputError(
      `The import has ${problems.length} problem(s); nothing was written. Fix them and run it again:\n  ${shown}${problems.length > 5 ? '\n  …' : ''}`,
      problems,
    );
  }
  return writeBatches(runner, prepareBatches(source.dataset), {
    importedBy: options.recordedBy,
    now: options.now,
    ...(options.beforeWrite ? { beforeWrite: options.beforeWrite } : {}),
  });
}

async function existing(runner: QueryRunner, query: QueryName, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await runner.read<{ id: string }>(query, { ids });
  return new Set(rows.map((r) => r.id));
}
