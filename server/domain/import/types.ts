// What every importer (atlas now; 360Giving, GOV.UK, CORDIS… later) hands to the one import pipeline.
import type { Dataset } from '../model.ts';
import type { Problem } from '../../common/problems.ts';

export interface ImportSource {
  dataset: Dataset;
  /** Problems found in the input itself; when any exist nothing is written. */
  problems: Problem[];
  /** Ids that records refer to but the input does not define: they must already be in the database. */
  externalOrganisationIds: string[];
  externalInitiativeIds: string[];
  /** DANGLING_REFERENCE problems (with file and line) for the external ids the database lacks. */
  danglingProblems(
    existingOrganisationIds: ReadonlySet<string>,
    existingInitiativeIds: ReadonlySet<string>,
  ): Problem[];
}

export interface Importer {
  /** The name used on the command line: `npm run import -- <name> <path>`. */
  name: string;
  description: string;
  /** Who recorded facts whose provenance names no recorder, e.g. "import:atlas". */
  recordedBy: string;
  read(inputPath: string): Promise<ImportSource>;
}
