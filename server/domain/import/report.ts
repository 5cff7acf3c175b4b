// The report of one import run: what it created, matched, merged, repaired, flagged and rejected, with
// where and why. The CLI prints it as text (describeReport) or JSON; the ImportRun node stores it as JSON.
import type { Problem } from '../../common/problems.ts';
import { formatProblem } from '../../common/problems.ts';
import type { CandidateRule } from '../identity/candidates.ts';
import type { MatchRule } from '../identity/resolver.ts';
import type { Repair } from './incoming.ts';

/** How a run ended. RUNNING only while it writes its staging data. */
export const RUN_STATUS = {
  RUNNING: 'RUNNING',
  PUBLISHED: 'PUBLISHED',
  REJECTED: 'REJECTED',
  FAILED: 'FAILED',
  DRY_RUN: 'DRY_RUN',
} as const;
export type RunStatus = (typeof RUN_STATUS)[keyof typeof RUN_STATUS];

export interface Counts {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
}

export interface OrganisationCounts extends Counts {
  /** Records that were another record of this run, or a stored organisation, by a rule other than their id. */
  merged: number;
  /** Records that named a stored organisation by its id or an alias (re-imports). */
  matched: number;
}

export interface RelationshipCounts extends Counts {
  /** Stored relationships whose id came back with another kind or other ends. */
  replaced: number;
  /** Stored relationships whose trust state people set (claimed, confirmed, disputed, sourced): kept. */
  keptTrust: number;
}

export interface MergeEntry {
  record: string;
  where: string;
  organisation: string;
  rule: Exclude<MatchRule, 'NEW' | 'SAME_ID'>;
  evidence: string | null;
}

export interface CandidateEntry {
  id: string;
  rule: CandidateRule;
  organisations: [string, string];
  evidence: Record<string, unknown>;
  score: number;
}

/** A stored record the run changes (or, in a dry run, would change), with the fields that change. */
export interface UpdateEntry {
  record: 'organisation' | 'relationship' | 'initiative' | 'participation';
  /** A participation's id is `organisation>initiative`. */
  id: string;
  fields: string[];
}

export interface SkipEntry {
  where: string;
  reason: string;
}

export interface ImportReport {
  runId: string | null;
  format: string;
  files: string[];
  checksum: string | null;
  status: RunStatus;
  dryRun: boolean;
  strict: boolean;
  merge: boolean;
  startedAt: string;
  finishedAt: string | null;
  /** What the database has (or, in a dry run, would have) after the run. */
  counts: {
    organisations: OrganisationCounts;
    relationships: RelationshipCounts;
    initiatives: Counts;
    participations: Counts;
    /** read: steps read; created, updated, unchanged: initiatives whose stage history that is. */
    stageHistories: Counts;
    aliases: number;
    candidates: number;
  };
  /** Records per sector-inference rule. */
  sectorRules: Record<string, number>;
  /** Repairs per code, and the first ones with where they were. */
  repairCounts: Record<string, number>;
  repairs: Repair[];
  merges: MergeEntry[];
  mergeCount: number;
  candidates: CandidateEntry[];
  /** The first updated records (their number is the sum of the updated counts). */
  updates: UpdateEntry[];
  /** Records left out with a warning (exact repeats, ties that became self-ties by a merge…). */
  skipped: SkipEntry[];
  skippedCount: number;
  /** Errors: when any exist, nothing is written. */
  problems: Problem[];
  problemCount: number;
  /** Why a run failed while writing (database errors), when it did. */
  error: string | null;
}

export const LIST_LIMIT = 1000;

function counts(): Counts {
  return { read: 0, created: 0, updated: 0, unchanged: 0 };
}

export function emptyReport(init: {
  format: string;
  files: string[];
  dryRun: boolean;
  strict: boolean;
  merge: boolean;
  startedAt: string;
}): ImportReport {
  return {
    runId: null,
    checksum: null,
    status: RUN_STATUS.RUNNING,
    finishedAt: null,
    ...init,
    counts: {
      organisations: { ...counts(), merged: 0, matched: 0 },
      relationships: { ...counts(), replaced: 0, keptTrust: 0 },
      initiatives: counts(),
      participations: counts(),
      stageHistories: counts(),
      aliases: 0,
      candidates: 0,
    },
    sectorRules: {},
    repairCounts: {},
    repairs: [],
    merges: [],
    mergeCount: 0,
    candidates: [],
    updates: [],
    skipped: [],
    skippedCount: 0,
    problems: [],
    problemCount: 0,
    error: null,
  };
}

export function pushLimited<T>(list: T[], item: T): void {
  if (list.length < LIST_LIMIT) list.push(item);
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

function countLine(name: string, c: Counts, extra: string[] = []): string {
  const parts = [`${c.created} created`, `${c.updated} updated`, `${c.unchanged} unchanged`, ...extra];
  return `  ${name.padEnd(15)} ${parts.join(', ')} (${plural(c.read, 'record')} read)`;
}

function more(shown: number, total: number): string[] {
  return total > shown ? [`    … and ${(total - shown).toLocaleString('en')} more (see --json)`] : [];
}

/** The report as people read it; `limit` lines per list. */
export function describeReport(report: ImportReport, limit = 20): string[] {
  const lines: string[] = [];
  const what = `${report.format} ${report.files.join(' ')}`;
  const headline: Record<RunStatus, string> = {
    PUBLISHED: `Imported ${what}`,
    DRY_RUN: `Dry run of ${what} (nothing was written; this is what the import would do)`,
    REJECTED: `Did not import ${what}: ${plural(report.problemCount, 'problem')}; nothing was written`,
    FAILED: `The import of ${what} failed; nothing was written`,
    RUNNING: `Importing ${what}`,
  };
  const c0 = report.counts;
  const nothing =
    c0.organisations.created +
      c0.organisations.updated +
      c0.relationships.created +
      c0.relationships.updated +
      c0.initiatives.created +
      c0.initiatives.updated +
      c0.participations.created +
      c0.participations.updated +
      c0.stageHistories.created +
      c0.stageHistories.updated +
      c0.aliases ===
    0;
  const note =
    nothing && report.status === 'PUBLISHED'
      ? ' (nothing changed: the database already held it)'
      : nothing && report.status === 'DRY_RUN'
        ? ' (it would change nothing)'
        : '';
  lines.push(`${headline[report.status]}${report.runId ? ` (run ${report.runId})` : ''}${note}.`);
  if (report.error) lines.push(`  ${report.error}`);
  const c = report.counts;
  lines.push(
    countLine('organisations', c.organisations, [
      `${c.organisations.merged} merged`,
      `${c.organisations.matched} matched by id`,
    ]),
    countLine('relationships', c.relationships, [
      ...(c.relationships.replaced > 0 ? [`${c.relationships.replaced} replaced`] : []),
      ...(c.relationships.keptTrust > 0
        ? [
            `kept ${c.relationships.keptTrust} people-set trust state${c.relationships.keptTrust === 1 ? '' : 's'}`,
          ]
        : []),
    ]),
    countLine('initiatives', c.initiatives),
    countLine('participations', c.participations),
    ...(c.stageHistories.read > 0 ? [countLine('stage histories', c.stageHistories)] : []),
    `  ${'aliases'.padEnd(15)} ${c.aliases} new`,
    `  ${'candidates'.padEnd(15)} ${c.candidates} possible duplicates flagged for curators`,
  );
  const rules = Object.entries(report.sectorRules).sort((a, b) => b[1] - a[1]);
  if (rules.length > 0) {
    lines.push('Sector inferred by rule:');
    for (const [rule, n] of rules) lines.push(`    ${rule.padEnd(28)} ${n}`);
  }
  const repairTotal = Object.values(report.repairCounts).reduce((a, b) => a + b, 0);
  if (repairTotal > 0) {
    lines.push(`Repaired (${plural(repairTotal, 'warning')}):`);
    for (const [code, n] of Object.entries(report.repairCounts)) lines.push(`    ${code.padEnd(28)} ${n}`);
    for (const r of report.repairs.slice(0, limit))
      lines.push(`    ${r.where}${r.field ? ` (${r.field})` : ''}: ${r.message} [${r.code}]`);
    lines.push(...more(Math.min(limit, report.repairs.length), repairTotal));
  }
  if (report.mergeCount > 0) {
    lines.push(`Merged (${plural(report.mergeCount, 'record')} recognised as another organisation):`);
    for (const m of report.merges.slice(0, limit)) {
      lines.push(
        `    ${m.where}: ${m.record} → ${m.organisation} (${m.rule}${m.evidence ? `: ${m.evidence}` : ''})`,
      );
    }
    lines.push(...more(Math.min(limit, report.merges.length), report.mergeCount));
  }
  if (report.candidates.length > 0) {
    lines.push(`Flagged as possible duplicates (merge candidates for curators):`);
    for (const m of report.candidates.slice(0, limit)) {
      lines.push(
        `    ${m.organisations.join(' ~ ')} (${m.rule}, score ${m.score}): ${JSON.stringify(m.evidence)}`,
      );
    }
    lines.push(...more(Math.min(limit, report.candidates.length), report.candidates.length));
  }
  const updated =
    c.organisations.updated + c.relationships.updated + c.initiatives.updated + c.participations.updated;
  if (updated > 0) {
    lines.push(`Updated (${plural(updated, 'record')}; the fields that change):`);
    for (const u of report.updates.slice(0, limit))
      lines.push(`    ${u.record} ${u.id}: ${u.fields.join(', ')}`);
    lines.push(...more(Math.min(limit, report.updates.length), updated));
  }
  if (report.skippedCount > 0) {
    lines.push(`Left out (${plural(report.skippedCount, 'record')}):`);
    for (const s of report.skipped.slice(0, limit)) lines.push(`    ${s.where}: ${s.reason}`);
    lines.push(...more(Math.min(limit, report.skipped.length), report.skippedCount));
  }
  if (report.problemCount > 0) {
    lines.push(`Rejected (${plural(report.problemCount, 'problem')}; fix them and run the import again):`);
    for (const p of report.problems.slice(0, Math.max(limit, 50))) lines.push(`    ${formatProblem(p)}`);
    lines.push(...more(Math.min(Math.max(limit, 50), report.problems.length), report.problemCount));
  }
  return lines;
}
