// Writes prepared batches in ONE transaction: a failing import leaves the database unchanged.
import type { QueryRunner, QueryTx } from '../../db/runner.ts';
import type { WriteBatches } from './prepare.ts';

export interface WriteSummary {
  themes: number;
  places: number;
  organisations: number;
  relationships: number;
  initiatives: number;
  participations: number;
}

const BATCH = 2_000;

async function inBatches(
  tx: QueryTx,
  query: string,
  key: string,
  rows: unknown[],
  extra: Record<string, unknown>,
) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.run(query, { [key]: rows.slice(i, i + BATCH), ...extra });
  }
}

export async function writeBatches(
  runner: QueryRunner,
  batches: WriteBatches,
  options: { importedBy: string; now?: string; timeoutMs?: number },
): Promise<WriteSummary> {
  const stamp = { now: options.now ?? new Date().toISOString(), importedBy: options.importedBy };
  await runner.writeTransaction(
    async (tx) => {
      await inBatches(tx, 'importThemes', 'themes', batches.themes, {});
      await inBatches(tx, 'importPlaces', 'places', batches.places, {});
      await inBatches(tx, 'importOrganisations', 'organisations', batches.organisations, stamp);
      await inBatches(tx, 'importRelationships', 'relationships', batches.relationships, stamp);
      await inBatches(tx, 'importInitiatives', 'initiatives', batches.initiatives, stamp);
      await inBatches(tx, 'importParticipations', 'participations', batches.participations, stamp);
    },
    { timeoutMs: options.timeoutMs ?? 600_000 },
  );
  return {
    themes: batches.themes.length,
    places: batches.places.length,
    organisations: batches.organisations.length,
    relationships: batches.relationships.length,
    initiatives: batches.initiatives.length,
    participations: batches.participations.length,
  };
}
