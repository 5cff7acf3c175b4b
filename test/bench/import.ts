// Benchmark 3: the validated, idempotent MERGE-based import (importSource) against plain CREATEs with no
// validation, no MERGE, no themes or places, on fresh ids each round.
import type { Driver } from 'neo4j-driver';
import { generateSyntheticNetwork } from '../../server/domain/generate/synthetic.ts';
import { sourceFromDataset } from '../../server/domain/import/datasetSource.ts';
import { importSource } from '../../server/domain/import/importDataset.ts';
import type { DbRunner as QueryRunner } from '../../server/db/runner.ts';
import type { Dataset } from '../../server/domain/model.ts';
import { sideBySide, Samples, summarise, type Comparison } from './measure.ts';

/** Same statement size as the product's import (server/domain/import/write.ts). */
const BATCH = 2_000;
const TIMEOUT_MS = 600_000;

const CREATE_ORGANISATIONS = 'UNWIND $rows AS r CREATE (o:Organisation) SET o = r';
const CREATE_RELATIONSHIPS = `UNWIND $rows AS r
MATCH (a:Organisation {id: r.source})
MATCH (b:Organisation {id: r.target})
CREATE (a)-[x:$(r.kind)]->(b) SET x = r.props`;

/** Organisations and relationships only: the part of a Dataset both sides write. */
function organisationsAndRelationships(organisations: number, seed: number): Dataset {
  const dataset = generateSyntheticNetwork({ organisations, seed });
  return { ...dataset, initiatives: [], participations: [] };
}

function rowsOf(dataset: Dataset): number {
  return dataset.organisations.length + dataset.relationships.length;
}

async function ours(runner: QueryRunner, dataset: Dataset): Promise<void> {
  await importSource(runner, sourceFromDataset(dataset, 'bench'), { recordedBy: 'bench' });
}

/** The same facts as flat property maps, written with CREATE in one transaction, batched like ours. */
async function baseline(driver: Driver, dataset: Dataset): Promise<void> {
  const organisations = dataset.organisations.map(({ provenance, identifiers, themes: _t, ...o }) => ({
    ...o,
    identifiers: identifiers.map((i) => `${i.scheme}:${i.value}`),
    identifierText: identifiers.map((i) => `${i.scheme} ${i.value}`).join(' '),
    sourceDataset: provenance.sourceDataset,
    recordedBy: provenance.recordedBy,
    recordedAt: provenance.recordedAt,
  }));
  const relationships = dataset.relationships.map(({ provenance, source, target, kind, ...props }) => ({
    source,
    target,
    kind,
    props: { ...props, sourceDataset: provenance.sourceDataset, recordedBy: provenance.recordedBy },
  }));
  const session = driver.session({ database: 'neo4j' });
  try {
    await session.executeWrite(
      async (tx) => {
        for (const [cypher, rows] of [
          [CREATE_ORGANISATIONS, organisations],
          [CREATE_RELATIONSHIPS, relationships],
        ] as const) {
          for (let i = 0; i < rows.length; i += BATCH)
            await tx.run(cypher, { rows: rows.slice(i, i + BATCH) });
        }
      },
      { timeout: TIMEOUT_MS },
    );
  } finally {
    await session.close();
  }
}

/**
 * Each round imports a freshly generated network with its own seed (so its own ids) on each side. The
 * database grows by one network per side and round, which is why the order alternates.
 */
export async function benchImport(
  runner: QueryRunner,
  driver: Driver,
  organisations: number,
  rounds: number,
  log: (line: string) => void,
): Promise<Comparison> {
  const samples = new Samples();
  const throughput = { ours: [] as number[], baseline: [] as number[] };
  const rows = { ours: 0, baseline: 0 };
  // Round 0 warms both paths up on a tenth of the size and is not counted.
  for (let round = 0; round <= rounds; round++) {
    const size = round === 0 ? Math.max(100, Math.round(organisations / 10)) : organisations;
    log(`import: ${round === 0 ? `warm-up (${size} organisations)` : `round ${round}/${rounds}`}`);
    const forOurs = organisationsAndRelationships(size, 1_000 + round);
    const forBaseline = organisationsAndRelationships(size, 2_000 + round);
    const pair = await sideBySide(
      round % 2 === 1,
      () => ours(runner, forOurs),
      () => baseline(driver, forBaseline),
    );
    if (round === 0) continue;
    samples.add(pair);
    rows.ours = rowsOf(forOurs);
    rows.baseline = rowsOf(forBaseline);
    throughput.ours.push(rows.ours / (pair.ours.ms / 1000));
    throughput.baseline.push(rows.baseline / (pair.baseline.ms / 1000));
  }
  const perSecond = (xs: number[]) => Math.round(summarise(xs).median).toLocaleString('en-GB');
  return samples.compare(
    `import, ${organisations} organisations`,
    [
      `about ${rows.ours} rows per import (organisations + relationships; each round's network has its own seed, so counts vary slightly), ${rounds} round(s) after a warm-up at a tenth of the size`,
      `throughput (median of rounds): ours ${perSecond(throughput.ours)} rows/s, baseline ${perSecond(throughput.baseline)} rows/s`,
      'ours: importSource (reference checks, MERGE by id, themes, places, provenance) in one transaction; baseline: UNWIND … CREATE … SET = row in one transaction',
    ],
    's',
  );
}
