// The atlas reader: CSV files or one JSON file to a Dataset, with every problem found and where each record came from.
import type { Dataset } from '../model.ts';
import type { Problem } from '../../common/problems.ts';
import { assemble } from './assemble.ts';
import { CSV_FILE_NAMES, ENTITIES, FILE_SPECS } from './columns.ts';
import { csvRecords } from './csvRecords.ts';
import { didYouMean } from '../didYouMean.ts';
import { jsonRecords } from './jsonRecords.ts';
import type { AtlasOrigins } from './locations.ts';
import { ProblemSink, type AtlasRepair } from './problemSink.ts';
import { emptyRawRecords } from './rawRecord.ts';

export type { AtlasLocations, AtlasOrigins, FieldPosition, RecordLocation } from './locations.ts';

export interface AtlasReadResult extends AtlasOrigins {
  /** Complete when problems is empty; otherwise partial (records with problems left out), not to be written. */
  dataset: Dataset;
  problems: Problem[];
}

/** Reads the CSV files of an atlas folder, keyed by file name (organisations.csv is required). */
export function parseAtlasCsv(
  files: Readonly<Record<string, string>>,
  options: { repair?: (repair: AtlasRepair) => void } = {},
): AtlasReadResult {
  const sink = new ProblemSink(undefined, options.repair);
  for (const name of Object.keys(files).filter((file) => !CSV_FILE_NAMES.includes(file))) {
    sink.add({
      file: name,
      line: null,
      column: null,
      field: null,
      code: 'UNKNOWN_FILE',
      message: `unknown file${didYouMean(name, CSV_FILE_NAMES)}; an atlas folder holds ${CSV_FILE_NAMES.join(', ')}`,
    });
  }
  const raws = emptyRawRecords();
  for (const entity of ENTITIES) {
    const { file } = FILE_SPECS[entity];
    const text = Object.hasOwn(files, file) ? files[file] : undefined;
    if (text !== undefined) raws[entity] = csvRecords(entity, text, sink);
    else if (entity === 'organisations') {
      sink.add({
        file,
        line: null,
        column: null,
        field: null,
        code: 'MISSING_FILE',
        message: `${file} is missing; every atlas import needs it (it may hold just the header row)`,
      });
    }
  }
  return { ...assemble(raws, sink), problems: sink.list() };
}

/** Reads an atlas JSON file; fileName is used in problems. */
export function parseAtlasJson(
  text: string,
  fileName: string,
  options: { repair?: (repair: AtlasRepair) => void } = {},
): AtlasReadResult {
  const sink = new ProblemSink(undefined, options.repair);
  const raws = jsonRecords(text, fileName, sink) ?? emptyRawRecords();
  return { ...assemble(raws, sink), problems: sink.list() };
}
