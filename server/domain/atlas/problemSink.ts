// Collects problems in the order found, keeping the first MAX_PROBLEMS so a badly broken file cannot flood the caller.
import type { Problem } from '../../common/problems.ts';
import type { RepairCode } from '../import/repairCodes.ts';
import type { AtlasProblemCode } from './codes.ts';

export const MAX_PROBLEMS = 1000;

export interface AtlasProblem extends Problem {
  code: AtlasProblemCode;
}

/** A documented repair the tolerant reader applied (README "Repairs"), with where it was. */
export interface AtlasRepair {
  file: string;
  line: number | null;
  field: string | null;
  code: RepairCode;
  message: string;
}

export class ProblemSink {
  private readonly kept: AtlasProblem[] = [];
  private readonly limit: number;
  private dropped = 0;
  private droppedFile = '';
  /**
   * Set for tolerant reading (imports): cosmetic problems are repaired and reported here instead of being
   * errors. Unset (the default), the reader is strict.
   */
  readonly repair: ((repair: AtlasRepair) => void) | undefined;

  constructor(limit = MAX_PROBLEMS, repair?: (repair: AtlasRepair) => void) {
    this.limit = limit;
    this.repair = repair;
  }

  add(problem: AtlasProblem): void {
    if (this.kept.length < this.limit) {
      this.kept.push(problem);
      return;
    }
    if (this.dropped === 0) this.droppedFile = problem.file;
    this.dropped += 1;
  }

  /**
   * The kept problems, file by file in the order the files were read, each file's in line and column order (a row's
   * fields are checked in dependency order, not column order); then one TOO_MANY_PROBLEMS if some were left out.
   */
  list(): AtlasProblem[] {
    const fileOrder = new Map<string, number>();
    for (const problem of this.kept)
      if (!fileOrder.has(problem.file)) fileOrder.set(problem.file, fileOrder.size);
    const sorted = [...this.kept].sort(
      (a, b) =>
        (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0),
    );
    if (this.dropped === 0) return sorted;
    return [
      ...sorted,
      {
        file: this.droppedFile,
        line: null,
        column: null,
        field: null,
        code: 'TOO_MANY_PROBLEMS',
        message: `${this.dropped} more problem(s) not listed; fix the ones above and import again`,
      },
    ];
  }
}
