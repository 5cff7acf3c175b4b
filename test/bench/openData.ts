// Import throughput at real sizes: CORDIS H2020 (145k participation rows, ../shared/data) and D1 (100k
// organisations, ~950k relationships), ours (runImport: tolerant reading, identity resolution or id
// matching, staging in batches, one publishing transaction) against a plain `UNWIND … CREATE` baseline of
// the same rows in batches of 2,000 (one auto-commit transaction each, no checks, no provenance), each on a
// fresh store, in the same run. The Node heap is sampled throughout (peak heapUsed).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse';
import type { Driver } from 'neo4j-driver';
import { cordisImporter } from '../../server/domain/import/importers/cordis.ts';
import { openText } from '../../server/domain/import/files.ts';
import type { ImportReport } from '../../server/domain/import/report.ts';
import { runImport } from '../../server/domain/import/run.ts';
import { startPrivateNeo4j } from '../support/privateNeo4j.ts';
import { sharedFile } from '../support/sharedData.ts';
import { D1_HEAP, D1_OPTIONS, D1_PAGE_CACHE, generateD1, importD1, openD1 } from './d1.ts';

const BATCH = 2_000;

/** Peak Node heap while `work` runs, sampled every 100 ms. */
async function withHeapPeak<T>(
  work: () => Promise<T>,
): Promise<{ value: T; seconds: number; peakHeapMiB: number; peakRssMiB: number }> {
  let peakHeap = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }, 100);
  const started = performance.now();
  try {
    const value = await work();
    return {
      value,
      seconds: (performance.now() - started) / 1000,
      peakHeapMiB: peakHeap / 2 ** 20,
      peakRssMiB: peakRss / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}

async function* csvRows(file: string): AsyncGenerator<Record<string, string>> {
  const parser = parse({ columns: true, skip_empty_lines: true, bom: true });
  openText(file).pipe(parser);
  for await (const row of parser as AsyncIterable<Record<string, string>>) yield row;
}

async function inBatches<T>(rows: AsyncIterable<T>, write: (batch: T[]) => Promise<void>): Promise<number> {
  let batch: T[] = [];
  let count = 0;
  for await (const row of rows) {
    batch.push(row);
    count += 1;
    if (batch.length >= BATCH) {
      await write(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await write(batch);
  return count;
}

const run = (driver: Driver, cypher: string, rows: unknown[]) =>
  driver.executeQuery(cypher, { rows }, { database: 'neo4j' });

/**
 * The baseline for CORDIS: organisations, projects and participations with plain CREATEs. It gives the rows
 * read and the distinct PICs and projects among them: what our import must create.
 */
async function cordisBaseline(
  driver: Driver,
  file: string,
): Promise<{ rows: number; organisations: number; projects: number }> {
  const pics = new Set<string>();
  const projects = new Set<string>();
  let rows = 0;
  await run(driver, 'CREATE INDEX bench_initiative_id IF NOT EXISTS FOR (i:Initiative) ON (i.id)', []);
  rows += await inBatches(csvRows(file), async (batch) => {
    const fresh = batch.filter((r) => !pics.has(r.pic ?? '') && pics.add(r.pic ?? ''));
    await run(
      driver,
      'UNWIND $rows AS r CREATE (o:Organisation) SET o.id = "pic:" + r.pic, o.sector = r.type, o.country = r.country',
      fresh,
    );
  });
  await inBatches(csvRows(file), async (batch) => {
    const fresh = batch.filter((r) => !projects.has(r.rcn ?? '') && projects.add(r.rcn ?? ''));
    await run(
      driver,
      'UNWIND $rows AS r CREATE (i:Initiative) SET i.id = "cordis:" + r.rcn, i.startDate = r.start_date, i.endDate = r.end_date',
      fresh,
    );
    await run(
      driver,
      `UNWIND $rows AS r MATCH (o:Organisation {id: "pic:" + r.pic}) MATCH (i:Initiative {id: "cordis:" + r.rcn})
       CREATE (o)-[p:PARTICIPATES_IN]->(i) SET p.role = r.role, p.contribution = r.contribution`,
      batch,
    );
  });
  return { rows, organisations: pics.size, projects: projects.size };
}

/** The baseline for D1: the atlas CSV files with plain CREATEs (properties as written). */
async function d1Baseline(driver: Driver, folder: string): Promise<number> {
  let rows = await inBatches(csvRows(path.join(folder, 'organisations.csv')), (batch) =>
    run(driver, 'UNWIND $rows AS r CREATE (o:Organisation) SET o = r', batch).then(() => undefined),
  );
  rows += await inBatches(csvRows(path.join(folder, 'relationships.csv')), (batch) =>
    run(
      driver,
      `UNWIND $rows AS r MATCH (a:Organisation {id: r.source}) MATCH (b:Organisation {id: r.target})
       CREATE (a)-[x:$(r.kind)]->(b) SET x = r`,
      batch,
    ).then(() => undefined),
  );
  return rows;
}

function reportRows(report: ImportReport): number {
  const c = report.counts;
  return c.organisations.read + c.relationships.read + c.initiatives.read + c.participations.read;
}

export interface OpenDataResult {
  title: string;
  lines: string[];
}

function section(
  title: string,
  data: string,
  ours: { seconds: number; peakHeapMiB: number; peakRssMiB: number; rows: number },
  baseline: { seconds: number; peakHeapMiB: number; rows: number },
  notes: string[],
): OpenDataResult {
  const rate = (rows: number, s: number) => Math.round(rows / s).toLocaleString('en-GB');
  return {
    title,
    lines: [
      `- data: ${data}`,
      '',
      '| side | time | rows | rows/s | Node heap peak (heapUsed) |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| ours (runImport) | ${ours.seconds.toFixed(1)} s | ${ours.rows.toLocaleString('en-GB')} | ${rate(ours.rows, ours.seconds)} | ${ours.peakHeapMiB.toFixed(0)} MiB (RSS ${ours.peakRssMiB.toFixed(0)} MiB) |`,
      `| baseline (UNWIND … CREATE, batches of ${BATCH}) | ${baseline.seconds.toFixed(1)} s | ${baseline.rows.toLocaleString('en-GB')} | ${rate(baseline.rows, baseline.seconds)} | ${baseline.peakHeapMiB.toFixed(0)} MiB |`,
      '',
      `- ratio ours / baseline: **${(ours.seconds / baseline.seconds).toFixed(2)}**`,
      ...notes.map((n) => `- ${n}`),
    ],
  };
}

export async function benchCordis(log: (line: string) => void): Promise<OpenDataResult> {
  const files = [
    sharedFile('cordis-h2020-participations', 'h2020.csv.gz'),
    sharedFile('cordis-h2020-participations', 'programme_parts.csv.gz'),
  ];
  const heap = '2g';
  const pageCache = '1g';
  log('cordis: baseline on a fresh store');
  const a = await startPrivateNeo4j({ label: 'bench-cordis-base', heap, pageCache, queryTimeoutMs: 600_000 });
  const baseline = await withHeapPeak(() => cordisBaseline(a.driver, files[0] ?? '')).finally(() => a.stop());
  log(`cordis: baseline ${baseline.seconds.toFixed(1)} s; ours on a fresh store`);
  const b = await startPrivateNeo4j({ label: 'bench-cordis', heap, pageCache, queryTimeoutMs: 600_000 });
  const ours = await withHeapPeak(() =>
    runImport(b.runner, cordisImporter, { paths: files, maxFileBytes: 2 ** 40 }),
  ).finally(() => b.stop());
  if (ours.value.status !== 'PUBLISHED') throw new Error(`the CORDIS import ended ${ours.value.status}`);
  log(`cordis: ours ${ours.seconds.toFixed(1)} s`);
  const c = ours.value.counts;
  // The whole file's import is checked here (the test suite imports a slice of it): one organisation per PIC,
  // one initiative per project, one participation per row.
  const file = baseline.value;
  const created = [c.organisations.created, c.initiatives.created, c.participations.created];
  if (created.join() !== [file.organisations, file.projects, file.rows].join())
    throw new Error(
      `the CORDIS import created ${created.join(' / ')} organisations / initiatives / participations; the file holds ${file.organisations} PICs, ${file.projects} projects and ${file.rows} rows`,
    );
  return section(
    'import, CORDIS H2020',
    `CORDIS H2020 participations (../shared/data/cordis-h2020-participations): ${c.participations.read.toLocaleString('en-GB')} rows, ${c.organisations.created.toLocaleString('en-GB')} organisations, ${c.initiatives.created.toLocaleString('en-GB')} projects; Neo4j heap ${heap}, page cache ${pageCache}`,
    { ...ours, rows: reportRows(ours.value) },
    { ...baseline, rows: baseline.value.rows },
    [
      'goal: ours ≤ 120 s',
      'ours reads the gzipped file twice (organisations, then projects and participations), resolves identities by PIC, stages in batches and publishes in one transaction; the baseline creates the same nodes and participations with no checks',
    ],
  );
}

export async function benchD1(log: (line: string) => void): Promise<OpenDataResult> {
  const folder = generateD1(log);
  const sizes = fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => `${f} ${(fs.statSync(path.join(folder, f)).size / 2 ** 20).toFixed(0)} MiB`);
  log('d1: baseline on a fresh store');
  const a = await startPrivateNeo4j({
    label: 'bench-d1-base',
    heap: D1_HEAP,
    pageCache: D1_PAGE_CACHE,
    queryTimeoutMs: 600_000,
  });
  const baseline = await withHeapPeak(() => d1Baseline(a.driver, folder)).finally(() => a.stop());
  log(`d1: baseline ${baseline.seconds.toFixed(0)} s; ours`);
  // Ours builds the reusable store when it is missing or stale (that import is the measurement), else
  // imports into a fresh temporary store.
  const ours = await withHeapPeak(async () => {
    const d1 = await openD1({ log });
    if (d1.built && d1.report && d1.importSeconds !== null) {
      await d1.stop();
      return { report: d1.report, seconds: d1.importSeconds };
    }
    await d1.stop();
    const b = await startPrivateNeo4j({
      label: 'bench-d1',
      heap: D1_HEAP,
      pageCache: D1_PAGE_CACHE,
      queryTimeoutMs: 600_000,
    });
    return importD1(b.runner, folder).finally(() => b.stop());
  });
  log(`d1: ours ${ours.value.seconds.toFixed(0)} s`);
  const c = ours.value.report.counts;
  return section(
    'import, D1',
    `D1 = npm run generate -- --organisations ${D1_OPTIONS.organisations} --seed ${D1_OPTIONS.seed} --average-degree ${D1_OPTIONS.averageDegree}: ${c.organisations.read.toLocaleString('en-GB')} organisations, ${c.relationships.read.toLocaleString('en-GB')} relationships, ${c.initiatives.read.toLocaleString('en-GB')} initiatives, ${c.participations.read.toLocaleString('en-GB')} participations (${sizes.join(', ')}); Neo4j heap ${D1_HEAP}, page cache ${D1_PAGE_CACHE}`,
    {
      seconds: ours.value.seconds,
      peakHeapMiB: ours.peakHeapMiB,
      peakRssMiB: ours.peakRssMiB,
      rows: reportRows(ours.value.report),
    },
    { ...baseline, rows: baseline.value },
    [
      'goal: ours within 2× of the baseline, Node heap ≤ 1 GiB',
      'ours: `npm run import -- atlas <D1 folder> --no-merge` as a function call (every CSV file streamed; staged in batches, published in one small transaction), including initiatives, participations, themes, places and provenance; baseline: organisations and relationships only, with plain CREATEs',
      'Node heap: the peak of heapUsed sampled every 100 ms while the import runs (garbage not yet collected included)',
    ],
  );
}
