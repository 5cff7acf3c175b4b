// Checks a CSV file's header (missing, unknown, duplicate columns) and turns its rows into raw records.
import { FILE_SPECS, columnNames, requiredColumnNames, type Entity } from './columns.ts';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { readCsvRows, type CsvRow } from './csvRows.ts';
import { didYouMean } from '../didYouMean.ts';
import { countLineBreaks } from './lineIndex.ts';
import type { ProblemSink } from './problemSink.ts';
import type { RawField, RawRecord } from './rawRecord.ts';

/** Column name → 0-based position in the header, for the known columns seen first. */
type Header = Map<string, number>;

function isBlank(row: CsvRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}

function readHeader(entity: Entity, row: CsvRow, sink: ProblemSink): Header {
  const { file } = FILE_SPECS[entity];
  const known = columnNames(entity);
  const header: Header = new Map();
  const at = (index: number) => ({ file, line: row.line, column: index + 1 });
  row.cells.forEach((cell, index) => {
    const name = cell.trim();
    const first = header.get(name);
    if (name === '') {
      sink.add({
        ...at(index),
        field: null,
        code: 'UNKNOWN_COLUMN',
        message: `column ${index + 1} has no name; name it or remove the column (look for a stray comma)`,
      });
    } else if (!known.includes(name)) {
      sink.add({
        ...at(index),
        field: name,
        code: 'UNKNOWN_COLUMN',
        message: `unknown column "${name}"${didYouMean(name, known)}; ${file} has the columns ${known.join(', ')}`,
      });
    } else if (first !== undefined) {
      sink.add({
        ...at(index),
        field: name,
        code: 'DUPLICATE_COLUMN',
        message: `column "${name}" appears twice (columns ${first + 1} and ${index + 1}); remove one`,
      });
    } else {
      header.set(name, index);
    }
  });
  const required = requiredColumnNames(entity);
  for (const name of required.filter((column) => !header.has(column))) {
    sink.add({
      file,
      line: row.line,
      column: null,
      field: name,
      code: 'MISSING_COLUMN',
      message: `missing column "${name}"; ${file} needs the columns ${required.join(', ')} (in any order, cells may be empty)`,
    });
  }
  return header;
}

/** A spreadsheet set to another locale may save with `;` or tabs; the whole header then lands in one cell. */
function wrongSeparator(row: CsvRow): string | null {
  const only = row.cells.length === 1 ? (row.cells[0] ?? '') : '';
  if (only.includes(';')) return '";"';
  if (only.includes('\t')) return 'tabs';
  return null;
}

function toRecord(entity: Entity, header: Header, row: CsvRow, width: number, sink: ProblemSink): RawRecord {
  const { file } = FILE_SPECS[entity];
  const fields = new Map<string, RawField>();
  for (const [name, index] of header) {
    const cell = row.cells[index];
    if (cell !== undefined) fields.set(name, { value: cell, line: row.line, column: index + 1 });
  }
  const unreadable = row.cells.length !== width;
  if (unreadable) {
    const firstOff = Math.min(row.cells.length, width);
    sink.add({
      file,
      line: row.line,
      column: firstOff + 1,
      field: null,
      code: 'BAD_CSV',
      message:
        `this row has ${row.cells.length} fields but the header has ${width} columns; ` +
        'put values containing commas in double quotes, and give every row one value per column',
    });
  }
  return { entity, file, line: row.line, column: null, fields, reportAbsentRequired: false, unreadable };
}

export function csvRecords(entity: Entity, text: string, sink: ProblemSink): RawRecord[] {
  const { file } = FILE_SPECS[entity];
  const { rows, headerBroken } = readCsvRows(text, file, sink);
  if (headerBroken) return [];
  const [headerRow, ...dataRows] = rows.filter((row) => !isBlank(row));
  if (headerRow === undefined) {
    sink.add({
      file,
      line: 1,
      column: null,
      field: null,
      code: 'BAD_CSV',
      message: `the file is empty; its first line must be the header: ${columnNames(entity).join(',')}`,
    });
    return [];
  }
  const separator = wrongSeparator(headerRow);
  if (separator !== null) {
    sink.add({
      file,
      line: headerRow.line,
      column: 1,
      field: null,
      code: 'BAD_CSV',
      message: `the header seems to be separated by ${separator}; atlas CSV files separate columns with commas`,
    });
    return [];
  }
  const header = readHeader(entity, headerRow, sink);
  return dataRows.map((row) => toRecord(entity, header, row, headerRow.cells.length, sink));
}

/**
 * The same as csvRecords for a stream, one record at a time (relationships.csv of a large network is never
 * held in memory). Yields nothing after a broken header or a file separated by another character.
 */
export async function* csvRecordStream(
  entity: Entity,
  input: Readable,
  sink: ProblemSink,
): AsyncGenerator<RawRecord> {
  const { file } = FILE_SPECS[entity];
  const parser = parse({
    relax_column_count: true,
    trim: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    bom: true,
  });
  parser.on('skip', (error: Error & { lines?: number }) => {
    sink.add({
      file,
      line: typeof error.lines === 'number' ? error.lines : null,
      column: null,
      field: null,
      code: 'BAD_CSV',
      message: error.message,
    });
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let header: Header | null = null;
  let width = 0;
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const inside = item.record.reduce((sum, cell) => sum + countLineBreaks(cell), 0);
    const row: CsvRow = { line: item.info.lines - inside, cells: item.record };
    if (isBlank(row)) continue;
    if (header === null) {
      const separator = wrongSeparator(row);
      if (separator !== null) {
        sink.add({
          file,
          line: row.line,
          column: 1,
          field: null,
          code: 'BAD_CSV',
          message: `the header seems to be separated by ${separator}; atlas CSV files separate columns with commas`,
        });
        input.destroy();
        return;
      }
      header = readHeader(entity, row, sink);
      width = row.cells.length;
      continue;
    }
    yield toRecord(entity, header, row, width, sink);
  }
}
