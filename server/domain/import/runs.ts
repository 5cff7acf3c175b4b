// Read side of import runs: one ImportRun node per run (id, format, files, checksum, times, status and
// its report as JSON), listed newest first as a connection (API-CONTRACT pagination).
import type { QueryRunner } from '../../common/queryRunner.ts';
import { connection, pageStart, PAGE_LIMITS, type Connection } from '../pagination.ts';
import type { RunStatus } from './report.ts';

export interface ImportRun {
  id: string;
  format: string;
  files: string[];
  checksum: string | null;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  /** The run's report as JSON text. */
  report: string | null;
}

type Props = Record<string, unknown>;
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function runOf(r: Props): ImportRun {
  return {
    id: String(r.id),
    format: String(r.format ?? ''),
    files: Array.isArray(r.files) ? (r.files as string[]) : [],
    checksum: text(r.checksum),
    status: (text(r.status) ?? 'RUNNING') as RunStatus,
    startedAt: String(r.startedAt ?? ''),
    finishedAt: text(r.finishedAt),
    report: text(r.report),
  };
}

const LIST = 'importRuns';

export async function listImportRuns(
  runner: QueryRunner,
  first: number = PAGE_LIMITS.defaultFirst,
  after?: string | null,
): Promise<Connection<ImportRun>> {
  const start = pageStart(LIST, first, after);
  const [rows, [count]] = await Promise.all([
    runner.read<{ run: Props }>('importRunsPage', {
      afterStartedAt: start.after === null ? null : (start.after.key[0] ?? null),
      afterId: start.after?.id ?? '',
      limit: first + 1,
    }),
    runner.read<{ count: number }>('countImportRuns'),
  ]);
  return connection(
    LIST,
    rows.map((r) => runOf(r.run)),
    first,
    count?.count ?? 0,
    (run) => ({
      key: [run.startedAt],
      id: run.id,
    }),
  );
}

/** Runs by id, aligned with `ids` (null for an unknown id). */
export async function importRunsByIds(
  runner: QueryRunner,
  ids: readonly string[],
): Promise<(ImportRun | null)[]> {
  if (ids.length === 0) return [];
  const rows = await runner.read<{ run: Props }>('importRunsByIds', { ids: [...ids] });
  const byId = new Map(rows.map((r) => [String(r.run.id), runOf(r.run)]));
  return ids.map((id) => byId.get(id) ?? null);
}
