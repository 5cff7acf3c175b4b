// Splits CSV text into rows, each with the line it starts on; syntax errors become BAD_CSV problems.
import { parse, type CsvError } from 'csv-parse/sync';
import { countLineBreaks, lineIndexOfBytes } from './lineIndex.ts';
import type { ProblemSink } from './problemSink.ts';

export interface CsvRow {
  /** The line the row starts on; a quoted field with line breaks makes a row span several lines. */
  line: number;
  cells: string[];
}

export interface CsvRows {
  rows: CsvRow[];
  /** A syntax error before the first row was read: the header cannot be trusted, so nothing else is. */
  headerBroken: boolean;
}

const CSV_ERROR_HINTS: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED:
    'a quoted field is never closed, so the rest of the file could not be read; add the closing double quote (")',
  INVALID_OPENING_QUOTE:
    'a double quote inside an unquoted field; put the whole field in double quotes and write each quote inside it twice ("")',
  CSV_INVALID_CLOSING_QUOTE:
    'text follows the closing quote of a field; write each double quote inside a quoted field twice ("")',
  CSV_MAX_RECORD_SIZE: 'a row is too long; this usually means a quote is not closed',
};

function hasContent(row: CsvRow): boolean {
  return row.cells.some((cell) => cell.trim() !== '');
}

export function readCsvRows(text: string, file: string, sink: ProblemSink): CsvRows {
  // Editors hide a byte order mark; drop it so it is not taken for part of the first column name.
  const bytes = new TextEncoder().encode(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const lines = lineIndexOfBytes(bytes);
  const rows: CsvRow[] = [];
  let headerBroken = false;
  let lastErrorLine: number | null = null;
  const reportError = (error: CsvError): void => {
    // csv-parse's own line counter miscounts \r\n inside quoted fields; its byte offsets are right.
    const line =
      typeof error.bytes === 'number' ? lines.position(Math.min(error.bytes, bytes.length)).line : null;
    const column = typeof error.column === 'number' ? error.column + 1 : null;
    if (!rows.some(hasContent)) headerBroken = true;
    // After an error csv-parse resumes inside the same row and may stumble again; the first error is the one to fix.
    if (line !== null && line === lastErrorLine) return;
    lastErrorLine = line;
    sink.add({
      file,
      line,
      column,
      field: null,
      code: 'BAD_CSV',
      message: CSV_ERROR_HINTS[error.code] ?? error.message,
    });
  };
  try {
    parse(bytes, {
      relax_column_count: true, // column counts are checked against the header, with a clearer message
      trim: true, // allows spaces around a quoted field (`a, "b, c"`); cells are trimmed anyway
      skip_empty_lines: true,
      skip_records_with_error: true, // report every broken row, not only the first
      on_skip: (error) => {
        if (error) reportError(error);
      },
      on_record: (cells: string[], context) => {
        // context.bytes is the offset just past the row's line break; the row starts as many lines earlier as
        // its quoted fields contain line breaks.
        const end = lines.position(Math.max(context.bytes - 1, 0)).line;
        const inside = cells.reduce((sum, cell) => sum + countLineBreaks(cell), 0);
        rows.push({ line: end - inside, cells });
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    sink.add({ file, line: null, column: null, field: null, code: 'BAD_CSV', message: error.message });
    headerBroken ||= !rows.some(hasContent);
  }
  return { rows, headerBroken };
}
