// The atlas writer: a Dataset to the six CSV files or to one JSON file, both read back by read.ts unchanged.
import { stringify } from 'csv-stringify/sync';
import type { Dataset } from '../model.ts';
import { datasetCells, type Cell } from './cells.ts';
import { ENTITIES, FILE_SPECS, columnNames } from './columns.ts';
import { formatListCell } from './listCell.ts';

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (Array.isArray(cell)) return formatListCell(cell);
  return String(cell);
}

/** All six files, each with every column in its header (places.csv and initiative_stages.csv may be just the header). */
export function toAtlasCsvFiles(dataset: Dataset): Record<string, string> {
  const cells = datasetCells(dataset);
  const files: Record<string, string> = {};
  for (const entity of ENTITIES) {
    const columns = columnNames(entity);
    const rows = cells[entity].map((record) => columns.map((column) => csvCell(record[column] ?? null)));
    files[FILE_SPECS[entity].file] = stringify([columns, ...rows]);
  }
  return files;
}

/** Pretty JSON with every key of every record (null where there is no value). */
export function toAtlasJson(dataset: Dataset): string {
  const cells = datasetCells(dataset);
  const document: Record<string, unknown> = { format: 'atlas', version: 1 };
  for (const entity of ENTITIES) {
    const columns = columnNames(entity);
    document[entity] = cells[entity].map((record) =>
      Object.fromEntries(columns.map((column) => [column, record[column] ?? null])),
    );
  }
  return `${JSON.stringify(document, null, 2)}\n`;
}
