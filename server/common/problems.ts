// A problem found in input: where it is (file, line, column, field) and what to fix.

export interface Problem {
  /** File name as the user gave it (relative to the import root), e.g. "organisations.csv". */
  file: string;
  /** 1-based line in the file, or null when the problem is about the whole file. */
  line: number | null;
  /** 1-based column (CSV: the field's position in the row; JSON: the character column). */
  column: number | null;
  /** The column or JSON key concerned, e.g. "sector". */
  field: string | null;
  /** Stable machine code, e.g. UNKNOWN_VALUE, MISSING_COLUMN, DUPLICATE_ID, DANGLING_REFERENCE, BAD_DATE. */
  code: string;
  /** What is wrong and what to do, e.g. 'unknown sector "NGOO"; use one of … (did you mean NGO?)'. */
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.line ?? undefined, p.column ?? undefined].filter((x) => x !== undefined).join(':');
  const field = p.field ? ` (${p.field})` : '';
  return `${where}${field}: ${p.message} [${p.code}]`;
}
