// Writes prepared batches in ONE transaction, so a failing import leaves the database unchanged, and
// reports what the database actually wrote. Relationships are addressed by their stable id (never by
// element ids, which hold only within one transaction): the stored ones are read inside the write
// transaction before anything is written, so the index seeks see only committed data and stay fast.
import { ConflictError } from '../../common/errors.ts';
import type { QueryName, QueryRunner, QueryTx } from '../../common/queryRunner.ts';
import type { WriteBatches } from './prepare.ts';

/** What happened to one kind of record. */
export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export interface WriteSummary {
  themes: WriteCounts;
  places: WriteCounts;
  organisations: WriteCounts;
  relationships: WriteCounts;
  initiatives: WriteCounts;
  participations: WriteCounts;
  /** Initiatives whose stage history was written. */
  initiativeStages: WriteCounts;
}

export interface WriteOptions {
  importedBy: string;
  now?: string;
  timeoutMs?: number;
  /**
   * Test seam: runs after the stored relationships were read and before anything is written, so a test
   * can change the database in between (as a concurrent writer would).
   */
  beforeWrite?: () => Promise<void>;
}

const BATCH = 2_000;
/** A concurrent writer creating one of our relationship ids makes the CREATE fail: plan again, once. */
const ATTEMPTS = 2;

interface RelationshipRow {
  id: string;
  kind: string;
  source: string;
  target: string;
}

interface RelationshipPlan {
  /** Stored relationships whose id comes back with another kind or other ends: replaced. */
  remove: { id: string; kind: string }[];
  create: Record<string, unknown>[];
  /** Same id, kind and ends: updated in place. */
  update: Record<string, unknown>[];
}

function noCounts(): WriteCounts {
  return { created: 0, updated: 0, unchanged: 0, deleted: 0 };
}

function add(into: WriteCounts, row: Partial<WriteCounts> | undefined): void {
  into.created += row?.created ?? 0;
  into.updated += row?.updated ?? 0;
  into.unchanged += row?.unchanged ?? 0;
  into.deleted += row?.deleted ?? 0;
}

async function planRelationships(tx: QueryTx, rows: Record<string, unknown>[]): Promise<RelationshipPlan> {
  const plan: RelationshipPlan = { remove: [], create: [], update: [] };
  const stored = new Map<string, RelationshipRow>();
  const ids = (rows as unknown as RelationshipRow[]).map((r) => r.id);
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const s of await tx.run<RelationshipRow>('storedRelationships', { ids: ids.slice(i, i + BATCH) })) {
      stored.set(s.id, s);
    }
  }
  for (const row of rows) {
    const w = row as unknown as RelationshipRow;
    const s = stored.get(w.id);
    if (s && s.kind === w.kind && s.source === w.source && s.target === w.target) plan.update.push(row);
    else {
      if (s) plan.remove.push({ id: s.id, kind: s.kind });
      plan.create.push(row);
    }
  }
  return plan;
}

/** Runs `query` over `rows` in batches, adding up the counts each batch returns. */
async function inBatches(
  tx: QueryTx,
  query: QueryName,
  key: string,
  rows: unknown[],
  extra: Record<string, unknown>,
  counts: WriteCounts = noCounts(),
): Promise<WriteCounts> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const [row] = await tx.run<Partial<WriteCounts>>(query, { [key]: rows.slice(i, i + BATCH), ...extra });
    add(counts, row);
  }
  return counts;
}

async function writeRelationships(
  tx: QueryTx,
  plan: RelationshipPlan,
  stamp: Record<string, unknown>,
): Promise<WriteCounts> {
  const counts = noCounts();
  await inBatches(tx, 'deleteRelationshipsById', 'relationships', plan.remove, {}, counts);
  // Updates first, while the transaction holds no new relationships; the ones that are gone since the
  // plan was made (another writer deleted them) are created instead.
  const gone: Record<string, unknown>[] = [];
  for (let i = 0; i < plan.update.length; i += BATCH) {
    const batch = plan.update.slice(i, i + BATCH);
    const found = await tx.run<{ id: string; changed: boolean }>('updateRelationships', {
      relationships: batch,
      ...stamp,
    });
    const foundIds = new Set(found.map((f) => f.id));
    for (const f of found) counts[f.changed ? 'updated' : 'unchanged'] += 1;
    gone.push(...batch.filter((row) => !foundIds.has(row.id as string)));
  }
  await inBatches(tx, 'createRelationships', 'relationships', [...plan.create, ...gone], stamp, counts);
  return counts;
}

function changedAnything(summary: WriteSummary): boolean {
  return Object.values(summary).some((c: WriteCounts) => c.created + c.updated + c.deleted > 0);
}

export async function writeBatches(
  runner: QueryRunner,
  batches: WriteBatches,
  options: WriteOptions,
): Promise<WriteSummary> {
  const stamp = { now: options.now ?? new Date().toISOString(), importedBy: options.importedBy };
  const attempt = () =>
    runner.writeTransaction(
      async (tx): Promise<WriteSummary> => {
        const plan = await planRelationships(tx, batches.relationships);
        await options.beforeWrite?.();
        const themes = await inBatches(tx, 'importThemes', 'themes', batches.themes, {});
        const places = await inBatches(tx, 'importPlaces', 'places', batches.places, {});
        const organisations = await inBatches(
          tx,
          'importOrganisations',
          'organisations',
          batches.organisations,
          stamp,
        );
        const relationships = await writeRelationships(tx, plan, stamp);
        const initiatives = await inBatches(
          tx,
          'importInitiatives',
          'initiatives',
          batches.initiatives,
          stamp,
        );
        const participations = await inBatches(
          tx,
          'importParticipations',
          'participations',
          batches.participations,
          stamp,
        );
        const initiativeStages = await inBatches(
          tx,
          'replaceStageHistories',
          'histories',
          batches.initiativeStages,
          { ...stamp, runId: null },
        );
        const summary = {
          themes,
          places,
          organisations,
          relationships,
          initiatives,
          participations,
          initiativeStages,
        };
        if (changedAnything(summary)) await tx.run('bumpDataVersion', { now: stamp.now });
        return summary;
      },
      { timeoutMs: options.timeoutMs ?? 600_000 },
    );
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConflictError) || n >= ATTEMPTS) throw error;
    }
  }
}
