// Whether the steps given for each initiative make a pathway: IDEA → PILOT → SCALING → ADOPTED or ENDED,
// stages may be skipped, each at most once, dates never going backwards, nothing after ADOPTED or ENDED,
// and the initiative's own `stage` (when the same import gives it) the last step. Pure: the atlas reader
// and the streaming import run it on what they read; problems point at the row to fix.
import type { InitiativeStage, InitiativeStageRecord } from '../model.ts';
import type { AtlasProblemCode } from './codes.ts';

/** A stage's place in a pathway; ADOPTED and ENDED are both ends. */
export const STAGE_RANK: Readonly<Record<InitiativeStage, number>> = {
  IDEA: 0,
  PILOT: 1,
  SCALING: 2,
  ADOPTED: 3,
  ENDED: 3,
};

export const isFinalStage = (stage: InitiativeStage): boolean => STAGE_RANK[stage] === 3;

export interface LocatedStep {
  step: InitiativeStageRecord;
  file: string;
  line: number;
  /** Where the row's fields are (JSON: each value's own line and column), when known. */
  fields: Partial<Record<'initiative' | 'stage' | 'date', { line: number; column: number }>>;
}

export interface StageProblem {
  file: string;
  line: number;
  column: number | null;
  field: string;
  code: AtlasProblemCode;
  message: string;
}

/** Steps in pathway order: by date, then by stage on the same day. */
export function pathwayOrder<T extends { date: string; stage: InitiativeStage }>(steps: readonly T[]): T[] {
  return [...steps].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : STAGE_RANK[a.stage] - STAGE_RANK[b.stage],
  );
}

/**
 * Problems of every initiative's steps. `stageOf` gives the stage an initiative has in the same import
 * (undefined when the import does not give the initiative itself).
 */
export function checkStageHistories(
  steps: readonly LocatedStep[],
  stageOf: (initiative: string) => InitiativeStage | undefined,
  where: (first: LocatedStep, other: LocatedStep) => string = (first, other) =>
    first.file === other.file ? `line ${first.line}` : `line ${first.line} of ${first.file}`,
): StageProblem[] {
  const problems: StageProblem[] = [];
  const byInitiative = new Map<string, LocatedStep[]>();
  for (const s of steps) {
    const list = byInitiative.get(s.step.initiative);
    if (list) list.push(s);
    else byInitiative.set(s.step.initiative, [s]);
  }
  const at = (
    s: LocatedStep,
    field: 'initiative' | 'stage' | 'date',
    code: AtlasProblemCode,
    message: string,
  ) =>
    problems.push({
      file: s.file,
      line: s.fields[field]?.line ?? s.line,
      column: s.fields[field]?.column ?? null,
      field,
      code,
      message,
    });
  for (const [initiative, list] of byInitiative) {
    const seen = new Map<InitiativeStage, LocatedStep>();
    const distinct: LocatedStep[] = [];
    for (const s of list) {
      const first = seen.get(s.step.stage);
      if (first) {
        at(
          s,
          'stage',
          'DUPLICATE_ID',
          `initiative "${initiative}" already reached ${s.step.stage} on ${where(first, s)}; give each stage once`,
        );
      } else {
        seen.set(s.step.stage, s);
        distinct.push(s);
      }
    }
    const ordered = [...distinct].sort(
      (a, b) =>
        (a.step.date < b.step.date ? -1 : a.step.date > b.step.date ? 1 : 0) ||
        STAGE_RANK[a.step.stage] - STAGE_RANK[b.step.stage],
    );
    let ok = true;
    for (let k = 1; k < ordered.length; k++) {
      const before = ordered[k - 1]!;
      const s = ordered[k]!;
      if (isFinalStage(before.step.stage)) {
        ok = false;
        at(
          s,
          'stage',
          'STAGE_AFTER_END',
          `${s.step.stage} on ${s.step.date} comes after ${before.step.stage} on ${before.step.date} (${where(before, s)}), ` +
            `and nothing follows ADOPTED or ENDED; correct the date or remove one of the two`,
        );
      } else if (STAGE_RANK[s.step.stage] <= STAGE_RANK[before.step.stage]) {
        ok = false;
        at(
          s,
          'date',
          'STAGE_ORDER',
          `${s.step.stage} on ${s.step.date} is dated after ${before.step.stage} on ${before.step.date} (${where(before, s)}): ` +
            `the dates go backwards in the pathway IDEA → PILOT → SCALING → ADOPTED or ENDED; correct one of the dates`,
        );
      }
    }
    const own = stageOf(initiative);
    const last = ordered[ordered.length - 1];
    if (ok && own !== undefined && last !== undefined && own !== last.step.stage) {
      at(
        last,
        'stage',
        'STAGE_MISMATCH',
        `initiative "${initiative}" has stage ${own}, but its last stage here is ${last.step.stage} on ${last.step.date}; ` +
          `an initiative's stage is its latest: write ${last.step.stage} as its stage, or add the step that reached ${own}`,
      );
    }
  }
  return problems;
}
