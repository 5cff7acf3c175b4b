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

interface RelationshipRow {
  id: string;
  kind: string;
  source: string;
  target: string;
}

interface RelationshipPlan {
  /** Stored relationships whose id comes back with another kind or other ends: replaced. */
  remove: string[];
  create: Record<string, unknown>[];
  /** Same id, kind and ends: updated in place (by element id). */
  update: Record<string, unknown>[];
}

/**
 * An id names one relationship. The stored ones are read before the write transaction (index seeks on
 * committed data), so the transaction only creates, updates by element id, or deletes.
 */
async function planRelationships(
  runner: QueryRunner,
  rows: Record<string, unknown>[],
): Promise<RelationshipPlan> {
  const plan: RelationshipPlan = { remove: [], create: [], update: [] };
  const stored = new Map<string, RelationshipRow & { elementId: string }>();
  const ids = (rows as unknown as RelationshipRow[]).map((r) => r.id);
  for (let i = 0; i < ids.length; i += BATCH) {
    const found = await runner.read<RelationshipRow & { elementId: string }>('storedRelationships', {
      ids: ids.slice(i, i + BATCH),
    });
    for (const s of found) stored.set(s.id, s);
  }
  for (const row of rows) {
    const w = row as unknown as RelationshipRow;
    const s = stored.get(w.id);
    if (s && s.kind === w.kind && s.source === w.source && s.target === w.target) {
      plan.update.push({ ...row, elementId: s.elementId });
    } else {
      if (s) plan.remove.push(s.elementId);
      plan.create.push(row);
    }
  }
  return plan;
}

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
  options: { importedBy: string; now?: string; timeoutMs?: number; beforeWrite?: () => Promise<void> },
): Promise<WriteSummary> {
  const stamp = { now: options.now ?? new Date().toISOString(), importedBy: options.importedBy };
  const relationships = await planRelationships(runner, batches.relationships);
  // Test seam: lets a test change the database between reading what is stored and writing.
  await options.beforeWrite?.();
  await runner.writeTransaction(
    async (tx) => {
      await inBatches(tx, 'deleteRelationships', 'elementIds', relationships.remove, {});
      await inBatches(tx, 'importThemes', 'themes', batches.themes, {});
      await inBatches(tx, 'importPlaces', 'places', batches.places, {});
      await inBatches(tx, 'importOrganisations', 'organisations', batches.organisations, stamp);
      await inBatches(tx, 'createRelationships', 'relationships', relationships.create, stamp);
      await inBatches(tx, 'updateRelationships', 'relationships', relationships.update, stamp);
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
