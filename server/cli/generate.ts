// `npm run generate -- --organisations 5000 --seed 42 --out <folder | file.json>`: a synthetic network in the atlas format.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { toAtlasCsvFiles, toAtlasJson } from '../domain/atlas/write.ts';
import { InvalidInputError } from '../common/errors.ts';
import {
  generateSyntheticNetwork,
  MAX_ORGANISATIONS,
  SYNTHETIC_DEFAULTS,
  type SyntheticOptions,
} from '../domain/generate/synthetic.ts';

const USAGE = `Usage: npm run generate -- --organisations <n> --seed <integer> --out <folder | file.json> [options]

Writes a synthetic collaboration network (deterministic for a seed) as atlas CSV files in a folder, or as one
JSON file when --out ends in .json. Import it with: npm run import -- atlas <out>

Required:
  -n, --organisations <n>        number of organisations, 1 to ${MAX_ORGANISATIONS.toLocaleString('en-GB')}
  -s, --seed <integer>           the same seed and options always give the same network
  -o, --out <path>               a folder (created if missing) or a file ending in .json

Options:
  --average-degree <x>           mean relationships per organisation (default ${SYNTHETIC_DEFAULTS.averageDegree})
  --community-size <n>           mean organisations per community (default ${SYNTHETIC_DEFAULTS.communitySize})
  --bridge-share <x>             share of relationships between communities, 0 to 1 (default ${SYNTHETIC_DEFAULTS.bridgeShare})
  --initiatives-per-100 <x>      initiatives per 100 organisations (default ${SYNTHETIC_DEFAULTS.initiativesPer100})
  -h, --help                     show this help`;

/** Option name (as in problems) → command-line flag. */
const FLAGS: Readonly<Record<string, string>> = {
  averageDegree: 'average-degree',
  communitySize: 'community-size',
  bridgeShare: 'bridge-share',
  initiativesPer100: 'initiatives-per-100',
};

class UsageError extends Error {
  override readonly name = 'UsageError';
}

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)$/;

function numberArg(flag: string, raw: string | undefined, pattern: RegExp): number | undefined {
  if (raw === undefined) return undefined;
  if (!pattern.test(raw.trim())) {
    throw new UsageError(
      `--${flag} must be ${pattern === INTEGER ? 'an integer' : 'a number'}; got "${raw}"`,
    );
  }
  return Number(raw);
}

function parseCommandLine(argv: string[]): { options: SyntheticOptions; out: string } | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        organisations: { type: 'string', short: 'n' },
        seed: { type: 'string', short: 's' },
        out: { type: 'string', short: 'o' },
        'average-degree': { type: 'string' },
        'community-size': { type: 'string' },
        'bridge-share': { type: 'string' },
        'initiatives-per-100': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const missing = (['organisations', 'seed', 'out'] as const).filter((flag) => values[flag] === undefined);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((flag) => `--${flag}`).join(', ')}`);
  const options: SyntheticOptions = {
    organisations: numberArg('organisations', values.organisations, INTEGER) as number,
    seed: numberArg('seed', values.seed, INTEGER) as number,
  };
  const averageDegree = numberArg('average-degree', values['average-degree'], DECIMAL);
  const communitySize = numberArg('community-size', values['community-size'], INTEGER);
  const bridgeShare = numberArg('bridge-share', values['bridge-share'], DECIMAL);
  const initiativesPer100 = numberArg('initiatives-per-100', values['initiatives-per-100'], DECIMAL);
  if (averageDegree !== undefined) options.averageDegree = averageDegree;
  if (communitySize !== undefined) options.communitySize = communitySize;
  if (bridgeShare !== undefined) options.bridgeShare = bridgeShare;
  if (initiativesPer100 !== undefined) options.initiativesPer100 = initiativesPer100;
  return { options, out: values.out as string };
}

const count = (n: number, noun: string): string =>
  `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;

async function writeOutput(
  out: string,
  files: () => Record<string, string>,
  json: () => string,
): Promise<string> {
  if (out.toLowerCase().endsWith('.json')) {
    await mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await writeFile(out, json(), 'utf8');
    return out;
  }
  const existing = await stat(out).catch(() => null);
  if (existing && !existing.isDirectory()) {
    throw new UsageError(`--out ${out} is a file; give a folder, or a path ending in .json`);
  }
  await mkdir(out, { recursive: true });
  for (const [name, text] of Object.entries(files())) await writeFile(path.join(out, name), text, 'utf8');
  return out;
}

async function main(): Promise<void> {
  const parsed = parseCommandLine(process.argv.slice(2));
  if (parsed === 'help') {
    console.log(USAGE);
    return;
  }
  const { options, out } = parsed;
  const dataset = generateSyntheticNetwork(options);
  const written = await writeOutput(
    out,
    () => toAtlasCsvFiles(dataset),
    () => toAtlasJson(dataset),
  );
  const counts = [
    count(dataset.organisations.length, 'organisation'),
    count(dataset.relationships.length, 'relationship'),
    count(dataset.initiatives.length, 'initiative'),
    count(dataset.participations.length, 'participation'),
  ];
  console.log(
    `Generated ${counts.join(', ')} and ${count(dataset.places.length, 'place')} (seed ${options.seed}) into ${written}`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof InvalidInputError) {
    const details =
      error instanceof InvalidInputError && error.problems.length > 0
        ? error.problems.map((p) => `  --${FLAGS[p.field ?? ''] ?? p.field}: ${p.message}`).join('\n')
        : `  ${error.message}`;
    console.error(`Bad arguments:\n${details}\n\nRun with --help for usage.`);
    process.exit(2);
  }
  console.error(error instanceof Error ? `Could not generate: ${error.message}` : error);
  process.exit(1);
});
