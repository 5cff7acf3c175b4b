// The staging area of one import run (README "All or nothing, at D1 size"): the run's record, writes in
// batches under labels and types no reader matches, the final publishing transaction, and discarding the
// staging data of a run that is rejected, fails or was abandoned.
import type { QueryName, QueryRunner } from '../../common/queryRunner.ts';
import { CANDIDATE_STATUS, type MergeCandidate } from '../identity/candidates.ts';
import { RUN_STATUS } from './report.ts';
import type { OrganisationChange, Props, RelationshipRow } from './rows.ts';

const BATCH = 2_000;
const PUBLISH_BATCH = 5_000;
const HEARTBEAT_MS = 30_000;
/** A running run whose heartbeat is older than this is taken as abandoned. */
const ABANDONED_AFTER_MS = 10 * 60_000;
const WRITE_TIMEOUT_MS = 600_000;

/** Changes to facts stored before the run, applied in its final transaction. */
export interface PendingChanges {
  organisationChanges: OrganisationChange[];
  /** Whole stage histories to write (new initiatives' and changed ones), rows of replaceStageHistories. */
  stageHistories: Record<string, unknown>[];
  relationshipChanges: { id: string; kind: string; set: Props; since: string | null; until: string | null }[];
  relationshipReplacements: { remove: { id: string; kind: string }; row: RelationshipRow }[];
  initiativeChanges: {
    id: string;
    set: Props;
    startDate: string | null;
    endDate: string | null;
    themeIds: string[] | null;
  }[];
  participationChanges: {
    organisation: string;
    initiative: string;
    set: Props;
    since: string | null;
    until: string | null;
  }[];
  aliasesToStored: { alias: string; organisation: string }[];
}

export interface RunIdentity {
  id: string;
  format: string;
  files: string[];
  namespace: string;
  /** The run's time, ISO: createdAt, recordedAt and the run's startedAt. */
  now: string;
  /** Who records facts that name no recorder: `import:<format>`. */
  importedBy: string;
}

export class StagingArea {
  /** True once the run has a record and may have staging data. */
  started = false;
  private lastHeartbeat = Date.now();

  constructor(
    private readonly runner: QueryRunner,
    private readonly run: RunIdentity,
  ) {}

  /** Records the run as RUNNING (after discarding abandoned runs); idempotent. */
  async start(checksum: string | null): Promise<void> {
    if (this.started) return;
    await this.discardAbandoned(checksum);
    await this.runner.write('startImportRun', {
      id: this.run.id,
      format: this.run.format,
      files: this.run.files,
      checksum,
      namespace: this.run.namespace,
      now: this.run.now,
      status: RUN_STATUS.RUNNING,
    });
    this.started = true;
  }

  /** One staging batch in its own transaction; keeps the run's heartbeat fresh. */
  async write(query: QueryName, params: Record<string, unknown>): Promise<void> {
    await this.runner.writeTransaction(
      (tx) =>
        tx.run(query, { ...params, runId: this.run.id, now: this.run.now, importedBy: this.run.importedBy }),
      { timeoutMs: WRITE_TIMEOUT_MS },
    );
    if (Date.now() - this.lastHeartbeat > HEARTBEAT_MS) {
      this.lastHeartbeat = Date.now();
      await this.runner.write('heartbeatImportRun', { id: this.run.id, now: new Date().toISOString() });
    }
  }

  /** A run rejected for its input: its staging data and its record go. */
  async reject(): Promise<void> {
    if (!this.started) return;
    await discardRun(this.runner, this.run.id);
    await this.runner.write('deleteImportRun', { id: this.run.id });
  }

  /** A run that failed while writing: its staging data goes, its record says FAILED with the report. */
  async fail(report: string, checksum: string | null): Promise<void> {
    if (!this.started) return;
    await discardRun(this.runner, this.run.id);
    await this.runner.write(
      'finishImportRun',
      this.finishParams(RUN_STATUS.FAILED, report, checksum, this.run.id),
    );
  }

  private finishParams(
    status: string,
    report: string,
    checksum: string | null,
    id: string,
  ): Record<string, unknown> {
    return {
      id,
      status,
      report,
      now: new Date().toISOString(),
      format: this.run.format,
      files: this.run.files,
      checksum,
      namespace: this.run.namespace,
    };
  }

  /** Staging data of runs whose process is gone (killed mid-run): discarded before this run stages. */
  private async discardAbandoned(checksum: string | null): Promise<void> {
    const before = new Date(Date.now() - ABANDONED_AFTER_MS).toISOString();
    const abandoned = await this.runner.read<{ id: string }>('abandonedImportRuns', {
      status: RUN_STATUS.RUNNING,
      before,
    });
    for (const { id } of abandoned) {
      await discardRun(this.runner, id);
      const report = JSON.stringify({
        error: 'abandoned: its process stopped before it finished; its staging data was discarded',
      });
      await this.runner.write('finishImportRun', this.finishParams(RUN_STATUS.FAILED, report, checksum, id));
    }
  }

  /**
   * The final transaction: relabels the staged nodes, turns staged ties into real ones, applies the changes
   * to stored facts, stores aliases and merge candidates, bumps the data version (when anything changed)
   * and records the run. Returns how many merge candidates were new.
   */
  async publish(
    pending: PendingChanges,
    candidates: readonly MergeCandidate[],
    changed: boolean,
    report: () => string,
    checksum: string | null,
  ): Promise<number> {
    const { id: runId, now, importedBy } = this.run;
    return this.runner.writeTransaction(
      async (tx) => {
        const loop = async (query: QueryName) => {
          for (;;) {
            const [row] = await tx.run<{ published: number }>(query, { runId, limit: PUBLISH_BATCH });
            if ((row?.published ?? 0) === 0) break;
          }
        };
        await loop('publishStagedOrganisations');
        await loop('publishStagedInitiatives');
        await loop('publishStagedRelationships');
        await loop('publishStagedParticipations');
        const batches = async (
          query: QueryName,
          key: string,
          rows: unknown[],
          extra: Record<string, unknown> = {},
        ) => {
          let total = 0;
          for (let i = 0; i < rows.length; i += BATCH) {
            const [row] = await tx.run<Record<string, number>>(query, {
              [key]: rows.slice(i, i + BATCH),
              ...extra,
            });
            total += Object.values(row ?? {})[0] ?? 0;
          }
          return total;
        };
        await batches('applyOrganisationChanges', 'organisations', pending.organisationChanges, {
          runId,
          now,
        });
        await batches(
          'deleteRelationshipsById',
          'relationships',
          pending.relationshipReplacements.map((r) => r.remove),
        );
        await batches(
          'stageRelationships',
          'relationships',
          pending.relationshipReplacements.map((r) => ({
            ...r.row,
            sourceStaged: false,
            targetStaged: false,
          })),
          { runId, now, importedBy },
        );
        await batches('applyRelationshipChanges', 'relationships', pending.relationshipChanges, { runId });
        await batches('applyInitiativeChanges', 'initiatives', pending.initiativeChanges, { runId });
        await batches('replaceStageHistories', 'histories', pending.stageHistories, {
          runId,
          now,
          importedBy,
        });
        await batches('applyParticipationChanges', 'participations', pending.participationChanges, { runId });
        await batches('publishAliases', 'aliases', pending.aliasesToStored, { runId });
        const newCandidates = await batches(
          'publishMergeCandidates',
          'candidates',
          candidates.map((c) => ({
            id: c.id,
            rule: c.rule,
            evidence: JSON.stringify(c.evidence),
            score: c.score,
            a: c.organisations[0],
            b: c.organisations[1],
          })),
          { runId, now, status: CANDIDATE_STATUS.OPEN },
        );
        if (changed || newCandidates > 0) await tx.run('bumpDataVersion', { now });
        await tx.run('finishImportRun', this.finishParams(RUN_STATUS.PUBLISHED, report(), checksum, runId));
        return newCandidates;
      },
      { timeoutMs: WRITE_TIMEOUT_MS },
    );
  }
}

/** Removes a run's staging data in small transactions (nothing a reader sees is touched). */
export async function discardRun(runner: QueryRunner, runId: string): Promise<void> {
  const removed = async (query: QueryName, params: Record<string, unknown>) => {
    const [row] = await runner.writeTransaction((tx) => tx.run<{ removed: number }>(query, params), {
      timeoutMs: WRITE_TIMEOUT_MS,
    });
    return row?.removed ?? 0;
  };
  // A staged organisation may have many relationships: a thousand at a time keeps each transaction small.
  while ((await removed('discardStagedRun', { runId, limit: 1_000 })) > 0);
  while ((await removed('discardRunPlaces', { runId })) > 0);
}
