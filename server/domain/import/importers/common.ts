// Pieces every open-data importer shares: provenance, record positions, and reporting repairs.
import path from 'node:path';
import type { Problem } from '../../../common/problems.ts';
import type { ReadContext, SourceFacts } from '../incoming.ts';
import type { Repaired } from '../repairs.ts';

/** `360giving:nominet.json`: the format and the file the facts came from. */
export function datasetName(format: string, file: string): string {
  return `${format}:${path.basename(file)}`;
}

export function sourceFacts(dataset: string, record: string | null, url: string | null): SourceFacts {
  return {
    sourceDataset: dataset,
    sourceRecord: record,
    sourceUrl: url,
    licence: null,
    recordedBy: null,
    recordedAt: null,
  };
}

/** Takes a repaired value, reporting the repair (if any) at `where`. */
export function take<T>(context: ReadContext, where: string, field: string, repaired: Repaired<T>): T {
  if (repaired.repair) context.repair({ ...repaired.repair, where, field });
  return repaired.value;
}

export function problemAt(where: string, field: string | null, code: string, message: string): Problem {
  return { file: where, line: null, column: null, field, code, message };
}

/** Paths the importer reads must be files (not folders), at least one. */
export function filesOnly(paths: readonly string[], format: string, what: string): Problem[] {
  if (paths.length === 0)
    return [problemAt('arguments', null, 'NO_INPUT', `give at least one ${what} to import as ${format}`)];
  return [];
}

/** An address line that is not a town: a street, a PO box, a postcode (has a digit). */
export function looksLikeStreet(text: string): boolean {
  return /\d/.test(text) || /^p\.?\s?o\.?\s+box\b/i.test(text);
}
