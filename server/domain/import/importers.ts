// Every importer by its command-line name. New open-data importers register here.
import { atlasImporter } from './atlasImporter.ts';
import type { Importer } from './types.ts';

export const IMPORTERS: Readonly<Record<string, Importer>> = {
  [atlasImporter.name]: atlasImporter,
};
