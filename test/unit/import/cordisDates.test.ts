// CORDIS projects whose start or end date is missing (`NA` in the H2020 file) or unreadable (QA L5): each is
// reported as a repair naming the project and the field, and one with no end date is not taken for a running
// pilot: ENDED once no H2020 project could still run (102 months after its start), ENDED with no dates at all.
// The importer reads a few rows here (no database); the last test counts such rows in the real file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IncomingInitiative, ReadContext, Repair } from '../../../server/domain/import/incoming.ts';
import { addMonths, cordisImporter, projectStage } from '../../../server/domain/import/importers/cordis.ts';
import type { Problem } from '../../../server/common/problems.ts';
import { sharedFile } from '../../support/sharedData.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const HEADER =
  'rcn,role,pic,type,contribution,country,start_date,end_date,max_contribution,total_cost,start_year,end_year,duration,group,nunique';

/** A participations CSV of these rows (rcn, start_date, end_date), one coordinator each. */
function participations(rows: [string, string, string][]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-cordis-dates-'));
  dirs.push(dir);
  const file = path.join(dir, 'h2020.csv');
  const lines = rows.map(
    ([rcn, start, end], i) =>
      `${rcn},coordinator,99984${String(i).padStart(4, '0')},HES,183454.8,UK,${start},${end},183454.8,183454.8,NA,NA,NA,eu15,1`,
  );
  fs.writeFileSync(file, [HEADER, ...lines, ''].join('\n'));
  return file;
}

/** The projects, repairs and problems of the importer's links pass over `paths`. */
async function readLinks(paths: string[]) {
  const repairs: Repair[] = [];
  const problems: Problem[] = [];
  const context: ReadContext = {
    problem: (p) => problems.push(p),
    repair: (r) => repairs.push(r),
    sectorRule: () => {},
    progress: () => {},
  };
  const projects = new Map<string, IncomingInitiative>();
  for await (const { record } of cordisImporter.read(paths, 'links', context)) {
    if (record.type === 'initiative') projects.set(record.id, record);
  }
  return { projects, repairs, problems };
}

const TODAY = new Date().toISOString().slice(0, 10);

describe('CORDIS project dates', () => {
  it('reports each missing or unreadable date with the project and field, and chooses no running PILOT', async () => {
    const file = participations([
      ['194830', 'NA', 'NA'],
      ['195303', '2015-10-01', 'NA'],
      ['195304', '2015-10-01', ''],
      ['195305', 'soon', '2017-09-30'],
      ['221856', '2019-05-01', '2022-04-30'],
    ]);
    const { projects, repairs, problems } = await readLinks([file]);
    expect(problems).toEqual([]);

    expect(projects.get('cordis:194830')).toMatchObject({ stage: 'ENDED', startDate: null, endDate: null });
    expect(projects.get('cordis:195303')).toMatchObject({
      stage: 'ENDED',
      startDate: '2015-10-01',
      endDate: null,
    });
    expect(projects.get('cordis:195304')).toMatchObject({ stage: 'ENDED', endDate: null });
    expect(projects.get('cordis:195305')).toMatchObject({
      stage: 'ENDED',
      startDate: null,
      endDate: '2017-09-30',
    });
    expect(projects.get('cordis:221856')).toMatchObject({
      stage: 'ENDED',
      startDate: '2019-05-01',
      endDate: '2022-04-30',
    });

    const listed = repairs.map((r) => [r.code, r.where, r.field]);
    expect(listed).toEqual([
      ['MISSING_DATE', 'h2020.csv:2', 'start_date'],
      ['MISSING_DATE', 'h2020.csv:2', 'end_date'],
      ['STAGE_ASSUMED', 'h2020.csv:2', 'end_date'],
      ['MISSING_DATE', 'h2020.csv:3', 'end_date'],
      ['STAGE_ASSUMED', 'h2020.csv:3', 'end_date'],
      ['MISSING_DATE', 'h2020.csv:4', 'end_date'],
      ['STAGE_ASSUMED', 'h2020.csv:4', 'end_date'],
      ['BAD_DATE_DROPPED', 'h2020.csv:5', 'start_date'],
    ]);
    expect(repairs[0]!.message).toBe('project cordis:194830 has no start_date ("NA"); left empty');
    expect(repairs[2]!.message).toMatch(/^project cordis:194830 has no end date; stage ENDED assumed: /);
    expect(repairs[4]!.message).toBe(
      'project cordis:195303 has no end date; stage ENDED assumed: no H2020 project runs longer than 102 months, so one started on 2015-10-01 ended by 2024-04-01',
    );
    expect(repairs[7]!.message).toBe('project cordis:195305: start_date "soon" is not a date; left out');
  });

  it('reports an end before the start and leaves the end out', async () => {
    const file = participations([['300001', '2016-05-01', '2016-04-30']]);
    const { projects, repairs } = await readLinks([file]);
    expect(projects.get('cordis:300001')).toMatchObject({
      startDate: '2016-05-01',
      endDate: null,
      stage: 'ENDED',
    });
    expect(repairs.map((r) => r.code)).toEqual(['DATE_ORDER_DROPPED', 'STAGE_ASSUMED']);
  });

  it('keeps a project started recently with no end date a PILOT, saying until when it may run', () => {
    const start = addMonths(TODAY, -12);
    const stage = projectStage(start, null, TODAY);
    expect(stage.stage).toBe('PILOT');
    expect(stage.assumed).toBe(
      `stage PILOT assumed: started on ${start}, it may run until ${addMonths(start, 102)} (no H2020 project runs longer than 102 months)`,
    );
  });

  it('decides by the end date when there is one', () => {
    expect(projectStage('2015-01-01', '2015-12-31', '2016-01-01')).toEqual({ stage: 'ENDED', assumed: null });
    expect(projectStage(null, '2030-12-31', '2026-12-01')).toEqual({ stage: 'PILOT', assumed: null });
    // 102 months after the start: still possibly running on the last day, ended the day after.
    expect(projectStage('2018-01-01', null, '2026-07-01').stage).toBe('PILOT');
    expect(projectStage('2018-01-01', null, '2026-07-02').stage).toBe('ENDED');
  });

  it.each([
    ['2015-10-01', 102, '2024-04-01'],
    ['2016-01-31', 1, '2016-02-29'],
    ['2019-12-15', 1, '2020-01-15'],
    ['2020-03-01', -12, '2019-03-01'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('the real H2020 file: 20 projects have no end date (6 of them no start date either), none stays a PILOT', async () => {
    const { projects, repairs, problems } = await readLinks([
      sharedFile('cordis-h2020-participations', 'h2020.csv.gz'),
      sharedFile('cordis-h2020-participations', 'programme_parts.csv.gz'),
    ]);
    expect(problems).toEqual([]);
    const missing = (field: string) =>
      repairs.filter((r) => r.code === 'MISSING_DATE' && r.field === field).length;
    expect(missing('end_date')).toBe(20);
    expect(missing('start_date')).toBe(6);
    const assumed = repairs.filter((r) => r.code === 'STAGE_ASSUMED');
    expect(assumed).toHaveLength(20);
    expect(repairs.filter((r) => !['MISSING_DATE', 'STAGE_ASSUMED'].includes(r.code))).toEqual([]);
    const undated = [...projects.values()].filter((p) => p.endDate === null);
    expect(undated.map((p) => p.stage)).toEqual(Array(20).fill('ENDED'));
    expect(projects.get('cordis:194830')).toMatchObject({ stage: 'ENDED', startDate: null, endDate: null });
    // 145k rows read twice over: a few seconds alone, more on a loaded machine.
  }, 120_000);
});
