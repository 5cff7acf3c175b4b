// The `atlas` importer: a folder of CSV files or one JSON file in the project's own format.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAtlasCsv, parseAtlasJson, type AtlasReadResult } from '../atlas/read.ts';
import { danglingProblems, findUnresolvedReferences, unresolvedIds } from '../atlas/references.ts';
import type { Problem } from '../../common/problems.ts';
import type { Importer, ImportSource } from './types.ts';

async function readInput(inputPath: string): Promise<AtlasReadResult | Problem> {
  const stat = await fs.stat(inputPath).catch(() => null);
  if (stat === null)
    return fileProblem(inputPath, 'NOT_FOUND', 'no such file or folder; give an atlas folder or .json file');
  if (stat.isDirectory()) {
    const files: Record<string, string> = {};
    for (const name of await fs.readdir(inputPath)) {
      if (name.toLowerCase().endsWith('.csv'))
        files[name] = await fs.readFile(path.join(inputPath, name), 'utf8');
    }
    return parseAtlasCsv(files);
  }
  if (inputPath.toLowerCase().endsWith('.json')) {
    return parseAtlasJson(await fs.readFile(inputPath, 'utf8'), path.basename(inputPath));
  }
  return fileProblem(inputPath, 'UNKNOWN_FILE', 'an atlas import is a folder of CSV files or one .json file');
}

function fileProblem(file: string, code: string, message: string): Problem {
  return { file, line: null, column: null, field: null, code, message };
}

export async function readAtlas(inputPath: string): Promise<ImportSource> {
  const read = await readInput(inputPath);
  if ('code' in read) {
    return {
      dataset: { organisations: [], relationships: [], initiatives: [], participations: [], places: [] },
      problems: [read],
      externalOrganisationIds: [],
      externalInitiativeIds: [],
      danglingProblems: () => [],
    };
  }
  const unresolved = findUnresolvedReferences(read.dataset, read);
  const ids = unresolvedIds(unresolved);
  return {
    dataset: read.dataset,
    problems: read.problems,
    externalOrganisationIds: ids.organisations,
    externalInitiativeIds: ids.initiatives,
    danglingProblems: (orgs, initiatives) => danglingProblems(unresolved, orgs, initiatives),
  };
}

export const atlasImporter: Importer = {
  name: 'atlas',
  description: "the project's own format: a folder of CSV files or one JSON file (see README)",
  recordedBy: 'import:atlas',
  read: readAtlas,
};
