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

/**
 * Words that end a street's name and no town's: "Watford Road", "Old Castle Street", "Hoffman Way". Only as
 * a word of their own after another word, so "Chester-le-Street" and the Somerset town "Street" stay towns.
 * Lane, Place, Square, Row, Grove, Gardens, Park, Hill and Green are not here: they end names of real places
 * too (Easington Lane, Sloane Square, Ladbroke Grove, Bethnal Green), so such a value stays a town.
 */
const STREET_ENDING = /\S\s+(street|st|road|rd|avenue|ave|drive|close|crescent|terrace|way)\.?$/i;

/** Sites within a town: "Southmead Industrial Park", "Trafford Business Centre". */
const SITE_ENDING =
  /\b(industrial|business|retail|science|technology|trading|enterprise|innovation)\s+(park|estate|centre|center)$/i;

/** Corners ("Cnr. Beyers Naude and Marina Street", "Corner of …") and care-of lines are addresses, not towns. */
const ADDRESS_START = /^(cnr\b|corner of\b|c\/o\b)/i;

/**
 * An address line that is not a town: a street (a house number, a postcode or any digit; or a name ending in
 * a street word), an industrial or business park, a corner, a care-of line, a PO box.
 */
export function looksLikeStreet(text: string): boolean {
  return (
    /\d/.test(text) ||
    /^p\.?\s?o\.?\s+box\b/i.test(text) ||
    STREET_ENDING.test(text.trim()) ||
    SITE_ENDING.test(text.trim()) ||
    ADDRESS_START.test(text.trim())
  );
}
