// Every importer by its command-line name. A new importer is one file in importers/ that turns its input
// into incoming records (see incoming.ts and README "Adding an importer"), registered here.
import { atlasImporter } from './importers/atlas.ts';
import { cfaBrigadesImporter } from './importers/cfaBrigades.ts';
import { cordisImporter } from './importers/cordis.ts';
import { govukImporter } from './importers/govuk.ts';
import { threeSixtyGivingImporter } from './importers/threeSixtyGiving.ts';
import type { OpenImporter } from './incoming.ts';

export const IMPORTERS: Readonly<Record<string, OpenImporter>> = Object.fromEntries(
  [atlasImporter, threeSixtyGivingImporter, cfaBrigadesImporter, govukImporter, cordisImporter].map((i) => [
    i.name,
    i,
  ]),
);
