// One import run, all or nothing at any size (README "All or nothing"):
//   1. check the files (size limit, checksum) and load what identity resolution compares with;
//   2. read the organisations, resolve each to a stored or new organisation (merges, aliases, candidates);
//   3. write the new ones in batches under staging labels no reader matches, and read the stored ones to
//      learn what the run would change; then stream relationships, initiatives and participations the same way;
//   4. publish in one final transaction: relabel the staged nodes, turn staged ties into real ones, apply
//      the changes to stored data, record the run and bump the data version.
// A run with problems (or any failure) discards its staging data: readers never see half a run.
// A dry run does steps 1–3 reading only.
import { randomUUID } from 'node:crypto';
import type { Problem } from '../../common/problems.ts';
import type { QueryName, QueryRunner } from '../../common/queryRunner.ts';
import type { Identifier } from '../model.ts';
import { normaliseIdentifier, normaliseName } from '../identity/normalise.ts';
import { IdentityResolver, type IdentityFacts } from '../identity/resolver.ts';
import fs from 'node:fs/promises';
import { checkFiles, checksumOf, expandFiles } from './files.ts';
import { StagingArea, type PendingChanges } from './staging.ts';
import type {
  IncomingInitiative,
  IncomingOrganisation,
  IncomingParticipation,
  IncomingRelationship,
  IncomingStage,
  KeptFact,
  Located,
  OpenImporter,
  PlacesAbove,
  ReadContext,
  SourceFacts,
} from './incoming.ts';
import {
  emptyReport,
  pushLimited,
  RUN_STATUS,
  type ImportReport,
  type MergeEntry,
  type UpdateEntry,
} from './report.ts';
import {
  changedFields,
  changedValues,
  keepsPeopleTrust,
  fingerprint,
  initiativeRow,
  mergeInto,
  organisationChange,
  organisationRow,
  participationRow,
  relationshipRow,
  type ChangeMode,
  type InitiativeRow,
  type OrganisationRow,
  type ParticipationRow,
  type Props,
  type RelationshipRow,
  type StoredOrganisation,
} from './rows.ts';
import { placeIds } from './slug.ts';
import { stageHistoryRows } from './prepare.ts';

export interface RunOptions {
  paths: string[];
  dryRun?: boolean;
  strict?: boolean;
  /** Identity resolution by identifiers, websites and names (off with --no-merge). */
  merge?: boolean;
  /** Overrides the importer's licence. */
  licence?: string | null;
  /** Prefix of every id this run writes and the only ids it matches (tests own their data this way). */
  namespace?: string;
  maxFileBytes: number;
  now?: string;
  onProgress?: (progress: RunProgress) => void;
  /** Test seam: runs just before the final transaction (a failure there must leave nothing behind). */
  beforePublish?: () => Promise<void>;
}

export interface RunProgress {
  phase: 'checking' | 'organisations' | 'links' | 'publishing' | 'done';
  bytes: number;
  totalBytes: number;
  records: number;
}

const BATCH = 2_000;
const READ_TIMEOUT_MS = 600_000;

class ProblemList {
  readonly list: Problem[] = [];
  count = 0;
  add(problem: Problem): void {
    this.count += 1;
    if (this.list.length < 1000) this.list.push(problem);
  }
}

/** Runs one import. Never throws for bad input: the report says what was wrong. */
export async function runImport(
  runner: QueryRunner,
  importer: OpenImporter,
  options: RunOptions,
): Promise<ImportReport> {
  const run = new Run(runner, importer, options);
  return run.execute();
}

class Run {
  private readonly report: ImportReport;
  private readonly problems = new ProblemList();
  private readonly now: string;
  private readonly ns: string;
  private readonly dry: boolean;
  private readonly runId: string;
  private readonly resolver: IdentityResolver;
  private readonly licence: string | null;
  private readonly organisations = new Map<string, OrganisationRow>();
  /** Record id → index in organisations (rows of records merged into another are kept under the target). */
  private readonly storedDatasets = new Map<string, string | null>();
  private readonly firstRecords = new Map<string, { print: number; line: number | null; where: string }>();
  private readonly relationshipPrints = new Map<string, number>();
  private readonly initiatives = new Map<string, { staged: boolean; print: number }>();
  private readonly participationPrints = new Map<string, number>();
  /** Stage history steps by initiative id (a few per initiative: kept until the links are all read). */
  private readonly stageSteps = new Map<
    string,
    { step: IncomingStage; where: string; at: Located<unknown>['at'] }[]
  >();
  private readonly pending: PendingChanges = {
    organisationChanges: [],
    stageHistories: [],
    relationshipChanges: [],
    relationshipReplacements: [],
    initiativeChanges: [],
    participationChanges: [],
    aliasesToStored: [],
  };
  private readonly stagedAliases: { alias: string; organisation: string }[] = [];
  /** Aliases records give, checked once all organisations are read (takeGivenAliases). */
  private readonly givenAliases: {
    alias: string;
    organisation: string;
    at: Located<unknown>['at'];
    where: string;
  }[] = [];
  private relationshipBuffer: {
    row: RelationshipRow;
    sourceStaged: boolean;
    targetStaged: boolean;
    where: string;
  }[] = [];
  private initiativeBuffer: { row: InitiativeRow; where: string }[] = [];
  private participationBuffer: {
    row: ParticipationRow;
    where: string | Located<unknown>['at'];
    organisationStaged: boolean;
  }[] = [];
  private readonly knownPlaces = new Set<string>();
  private readonly knownThemes = new Set<string>();
  private readonly changeMode = new Map<string, ChangeMode>();
  private readonly ctx: ReadContext = this.context();
  private readonly staging: StagingArea;
  private bytes = 0;
  private totalBytes = 0;
  private records = 0;

  constructor(
    private readonly runner: QueryRunner,
    private readonly importer: OpenImporter,
    private readonly options: RunOptions,
  ) {
    this.now = options.now ?? new Date().toISOString();
    this.ns = options.namespace ?? '';
    this.dry = options.dryRun ?? false;
    this.runId = `run-${this.now.slice(0, 10)}-${randomUUID().slice(0, 8)}`;
    this.resolver = new IdentityResolver(options.merge ?? true);
    this.staging = new StagingArea(runner, {
      id: this.runId,
      format: importer.name,
      files: options.paths,
      namespace: this.ns,
      now: this.now,
      importedBy: importer.recordedBy,
    });
    this.licence = options.licence ?? importer.defaultLicence;
    this.report = emptyReport({
      format: importer.name,
      files: options.paths,
      dryRun: this.dry,
      strict: options.strict ?? false,
      merge: options.merge ?? true,
      startedAt: this.now,
    });
  }

  async execute(): Promise<ImportReport> {
    this.progress('checking');
    const pathProblems = [
      ...this.importer.checkPaths(this.options.paths),
      ...(await checkFiles(this.options.paths, this.options.maxFileBytes)),
    ];
    if (pathProblems.length > 0) {
      for (const p of pathProblems) this.problems.add(p);
      return this.finish(RUN_STATUS.REJECTED);
    }
    this.report.checksum = await checksumOf(this.options.paths);
    this.totalBytes = await this.sizeOf();
    try {
      await this.loadIdentities();
      await this.readOrganisations();
      if (!this.failed()) await this.stageOrganisations();
      await this.readLinks();
      await this.flushLinks();
      this.report.candidates = this.resolver.candidates().slice(0, 1000);
      this.report.counts.candidates = this.resolver.candidates().length;
      if (this.failed()) {
        await this.staging.reject();
        return this.finish(RUN_STATUS.REJECTED);
      }
      if (this.dry) return this.finish(RUN_STATUS.DRY_RUN);
      await this.options.beforePublish?.();
      this.progress('publishing');
      await this.publish();
      return this.finish(RUN_STATUS.PUBLISHED);
    } catch (error) {
      this.report.error = `The database failed while importing: ${error instanceof Error ? error.message : String(error)}`;
      await this.staging.fail(this.runReport(RUN_STATUS.FAILED), this.report.checksum).catch(() => {});
      this.report.runId = this.staging.started ? this.runId : null;
      return this.finish(RUN_STATUS.FAILED, false);
    }
  }

  private async sizeOf(): Promise<number> {
    let total = 0;
    for (const f of await expandFiles(this.options.paths)) total += (await fs.stat(f)).size;
    return total;
  }

  /**
   * A read with the import's time budget (the runner's default is the API's, seconds): loading identities of
   * a large database and looking up stored values take longer, more so while other work runs.
   */
  private read<T>(query: QueryName, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.runner.readTransaction((tx) => tx.run<T>(query, params), { timeoutMs: READ_TIMEOUT_MS });
  }

  private failed(): boolean {
    return this.problems.count > 0;
  }

  private progress(phase: RunProgress['phase']): void {
    this.options.onProgress?.({
      phase,
      bytes: this.bytes,
      totalBytes: this.totalBytes,
      records: this.records,
    });
  }

  private finish(status: ImportReport['status'], keepRunId = true): ImportReport {
    this.report.status = status;
    this.report.finishedAt = new Date().toISOString();
    this.report.problems = this.problems.list;
    this.report.problemCount = this.problems.count;
    if (keepRunId) this.report.runId = status === RUN_STATUS.PUBLISHED ? this.runId : null;
    this.progress('done');
    return this.report;
  }

  private context(): ReadContext {
    return {
      problem: (p) => this.problems.add(p),
      repair: (r) => {
        this.report.repairCounts[r.code] = (this.report.repairCounts[r.code] ?? 0) + 1;
        pushLimited(this.report.repairs, r);
        if (this.report.strict) {
          this.problems.add({
            file: r.where,
            line: null,
            column: null,
            field: r.field,
            code: r.code,
            message: `${r.message} (a repair; --strict makes it an error)`,
          });
        }
      },
      sectorRule: (rule) => {
        this.report.sectorRules[rule] = (this.report.sectorRules[rule] ?? 0) + 1;
      },
      progress: (n) => {
        this.bytes += n;
      },
    };
  }

  // ---- identity ------------------------------------------------------------------------------------

  /** False when the database has no relationship at all: then no batch needs to look for stored ones. */
  private storedRelationshipsExist = true;

  private async loadIdentities(): Promise<void> {
    const [count] = await this.read<{ count: number }>('countStoredRelationships');
    this.storedRelationshipsExist = (count?.count ?? 1) > 0;
    let after = '';
    for (;;) {
      const rows = await this.read<{
        id: string;
        name: string;
        identifiers: string[];
        websites: string[];
        sourceDataset: string | null;
        places: { name: string; level: string }[];
      }>('identityOrganisations', { namespace: this.ns, after, limit: 10_000 });
      for (const row of rows) {
        const place = (level: string) => row.places.find((p) => p.level === level)?.name ?? null;
        this.resolver.addExisting({
          id: row.id,
          name: row.name,
          country: place('country'),
          region: place('region'),
          city: place('city'),
          identifiers: row.identifiers.flatMap((i) => normalisedIdentifiers([parseWritten(i)])),
          websites: row.websites,
        });
        this.storedDatasets.set(row.id, row.sourceDataset);
      }
      if (rows.length < 10_000) break;
      after = rows[rows.length - 1]?.id ?? after;
    }
    const aliases = await this.read<{ alias: string; organisation: string }>('identityAliases', {
      namespace: this.ns,
    });
    for (const a of aliases) this.resolver.addAlias(a.alias, a.organisation);
  }

  // ---- organisations -------------------------------------------------------------------------------

  private async readOrganisations(): Promise<void> {
    const context = this.ctx;
    this.progress('organisations');
    for await (const item of this.importer.read(this.options.paths, 'organisations', context)) {
      if (item.record.type !== 'organisation') continue;
      this.records += 1;
      if (this.records % 1000 === 0) this.progress('organisations');
      this.takeOrganisation(item as Located<IncomingOrganisation>);
    }
    this.takeGivenAliases();
  }

  /**
   * In formats whose records are the organisations (atlas), an id given twice is an error, unless the
   * record is an exact repeat (left out with a warning). Open-data formats repeat an organisation in every
   * grant that names it: there repeats are the normal case.
   */
  private duplicate(
    recordId: string,
    o: IncomingOrganisation,
    where: string,
    at: Located<unknown>['at'],
  ): boolean {
    const print = fingerprint({ ...o, provenance: null });
    const first = this.firstRecords.get(recordId);
    if (first === undefined) {
      this.firstRecords.set(recordId, { print, line: at?.line ?? null, where });
      return false;
    }
    if (first.print === print) {
      this.skip(where, `organisation ${o.recordId} again (an exact repeat of ${first.where}); left out`);
      return true;
    }
    this.problems.add({
      file: at?.file ?? where,
      line: at?.line ?? null,
      column: at?.columns?.id ?? null,
      field: 'id',
      code: 'DUPLICATE_ID',
      message: `organisation id "${o.recordId}" is already used on ${first.line === null ? first.where : `line ${first.line}`}; ids must be unique`,
    });
    return true;
  }

  private takeOrganisation({ record, where, at }: Located<IncomingOrganisation>): void {
    const recordId = this.ns + record.recordId;
    const o = this.licensed(record);
    if (record.referenceOnly) {
      // A record left out for its own problems: references to it are not dangling too.
      this.resolver.reserve(recordId);
      return;
    }
    if (this.importer.authoritative && this.duplicate(recordId, o, where, at)) return;
    this.report.counts.organisations.read += 1;
    const facts: IdentityFacts = {
      id: recordId,
      name: o.name,
      country: o.country,
      region: o.region,
      city: o.city,
      identifiers: normalisedIdentifiers(o.identifiers),
      websites: o.websites,
    };
    const resolution = this.resolver.resolve(facts);
    const id = resolution.organisationId;
    const row = organisationRow(id, { ...o, identifiers: facts.identifiers });
    for (const alias of record.aliases ?? [])
      this.givenAliases.push({ alias: this.ns + alias, organisation: id, at, where });
    const held = this.organisations.get(id);
    if (resolution.rule !== 'NEW' && resolution.rule !== 'SAME_ID') {
      this.report.mergeCount += 1;
      this.report.counts.organisations.merged += 1;
      const entry: MergeEntry = {
        record: recordId,
        where,
        organisation: id,
        rule: resolution.rule,
        evidence: resolution.evidence,
      };
      pushLimited(this.report.merges, entry);
      if (recordId !== id) this.alias(recordId, id, resolution.existing);
    } else if (resolution.rule === 'SAME_ID' && resolution.existing && held === undefined) {
      this.report.counts.organisations.matched += 1;
    }
    if (held) {
      if (
        resolution.rule === 'SAME_ID' &&
        normaliseName(held.props.name as string) !== normaliseName(o.name)
      ) {
        this.ctx.repair({
          code: 'NAME_VARIES',
          where,
          field: 'name',
          message: `${record.recordId} is also called "${o.name}" here; kept the first name, "${String(held.props.name)}"`,
        });
      }
      mergeInto(held, row);
    } else {
      // A stored organisation matched by its own id (or an alias): the record's values are the facts when
      // the format says so, or when the organisation came from this same dataset.
      this.organisations.set(id, row);
      if (resolution.existing) {
        const storedDataset = this.storedDatasets.get(id) ?? null;
        const own = resolution.rule === 'SAME_ID' && recordId === id;
        this.changeMode.set(
          id,
          own && this.importer.authoritative
            ? 'replace'
            : own && storedDataset === o.provenance.sourceDataset
              ? 'correct'
              : 'fill',
        );
      }
    }
  }

  /**
   * A record under the run's licence (its own, else --licence or the importer's default), keeping as stored
   * what it does not give: not the licence when --licence gives one (it is then the record's).
   */
  private licensed<T extends { provenance: SourceFacts; keep?: readonly KeptFact[] }>(
    record: T,
  ): T & { keep: KeptFact[] } {
    return {
      ...record,
      provenance: { ...record.provenance, licence: record.provenance.licence ?? this.licence },
      keep: (record.keep ?? []).filter((fact) => fact !== 'licence' || this.licence === null),
    };
  }

  /**
   * The aliases records give (the atlas `aliases` column), once every organisation of the run is known: each
   * becomes an alias of its organisation, unless it is already one (nothing to do), or it is an
   * organisation's own id or an alias of another organisation (ALIAS_CONFLICT: an id names one organisation).
   */
  private takeGivenAliases(): void {
    for (const { alias, organisation, at, where } of this.givenAliases) {
      const problem = (message: string) =>
        this.problems.add({
          file: at?.file ?? where,
          line: at?.line ?? null,
          column: at?.columns?.aliases ?? null,
          field: 'aliases',
          code: 'ALIAS_CONFLICT',
          message,
        });
      const named = this.resolver.lookupId(alias);
      const shown = alias.slice(this.ns.length);
      if (this.resolver.isOrganisationId(alias)) {
        problem(
          `alias "${shown}" is the id of an organisation; an id names one organisation: remove the alias, or merge the two organisations`,
        );
      } else if (named !== undefined && named !== organisation) {
        problem(
          `alias "${shown}" already names organisation "${named.slice(this.ns.length)}"; an alias names one organisation`,
        );
      } else if (named === undefined) {
        this.resolver.addAlias(alias, organisation);
        this.alias(alias, organisation, this.resolver.isExisting(organisation));
      }
    }
    this.givenAliases.length = 0;
  }

  private alias(alias: string, organisation: string, stored: boolean): void {
    if (this.resolver.isOrganisationId(alias)) return;
    if (stored) this.pending.aliasesToStored.push({ alias, organisation });
    else this.stagedAliases.push({ alias, organisation });
  }

  /** New organisations to staging, in batches; stored ones compared with what the run read. */
  private async stageOrganisations(): Promise<void> {
    const fresh: OrganisationRow[] = [];
    const stored: OrganisationRow[] = [];
    for (const row of this.organisations.values())
      (this.resolver.isExisting(row.id) ? stored : fresh).push(row);
    if (!this.dry && (fresh.length > 0 || this.stagedAliases.length > 0)) await this.startStaging();
    for (let i = 0; i < fresh.length; i += BATCH) {
      const batch = fresh.slice(i, i + BATCH);
      this.report.counts.organisations.created += batch.length;
      if (this.dry) continue;
      await this.writePlacesAndThemes(batch);
      await this.staging.write('stageOrganisations', {
        organisations: batch.map((r) => ({
          id: r.id,
          props: r.props,
          themeIds: r.themeIds,
          placeId: r.placeId,
          closedOn: r.closedOn,
        })),
      });
    }
    for (let i = 0; i < this.stagedAliases.length; i += BATCH) {
      if (this.dry) break;
      await this.staging.write('stageAliases', { aliases: this.stagedAliases.slice(i, i + BATCH) });
    }
    this.report.counts.aliases += this.stagedAliases.length;
    for (let i = 0; i < stored.length; i += BATCH) {
      const batch = stored.slice(i, i + BATCH);
      const current = await this.read<StoredOrganisation>('storedOrganisations', {
        ids: batch.map((r) => r.id),
      });
      const byId = new Map(current.map((c) => [c.id, c]));
      const changed: OrganisationRow[] = [];
      for (const row of batch) {
        const c = byId.get(row.id);
        const change = c ? organisationChange(row, c, this.changeMode.get(row.id) ?? 'fill') : null;
        if (change) {
          this.pending.organisationChanges.push(change);
          changed.push(row);
          this.report.counts.organisations.updated += 1;
          this.updated('organisation', row.id, change.fields);
        } else this.report.counts.organisations.unchanged += 1;
      }
      if (!this.dry && changed.length > 0) {
        await this.startStaging();
        await this.writePlacesAndThemes(changed);
      }
    }
    this.report.counts.aliases += this.pending.aliasesToStored.length;
    // The rows are no longer needed: only ids (in the resolver) are kept for the links.
    this.organisations.clear();
  }

  private async writePlacesAndThemes(
    rows: readonly {
      place?: OrganisationRow['place'];
      latitude?: number | null;
      longitude?: number | null;
      placesAbove?: PlacesAbove;
      themes: { id: string; name: string }[];
    }[],
  ): Promise<void> {
    const places: Record<string, unknown>[] = [];
    const add = (
      id: string,
      name: string,
      level: string,
      parentId: string | null,
      lat: number | null,
      lon: number | null,
    ) => {
      if (this.knownPlaces.has(id)) return;
      this.knownPlaces.add(id);
      places.push({ id, name, level, parentId, latitude: lat, longitude: lon });
    };
    for (const row of rows) {
      if (!row.place) continue;
      const { country, region, city } = row.place;
      const ids = placeIds(country, region, city);
      const mostSpecific = ids.city ?? ids.region ?? ids.country;
      // Its own place's coordinates, and those of the places above it when the source gives them.
      const coords = (id: string, above: PlacesAbove['country']) =>
        id === mostSpecific
          ? ([row.latitude ?? null, row.longitude ?? null] as const)
          : ([above?.latitude ?? null, above?.longitude ?? null] as const);
      add(ids.country, country, 'country', null, ...coords(ids.country, row.placesAbove?.country));
      if (ids.region !== null && region !== null)
        add(ids.region, region, 'region', ids.country, ...coords(ids.region, row.placesAbove?.region));
      if (ids.city !== null && city !== null)
        add(ids.city, city, 'city', ids.region ?? ids.country, ...coords(ids.city, undefined));
    }
    const themes = rows
      .flatMap((r) => r.themes)
      .filter((t) => {
        if (this.knownThemes.has(t.id)) return false;
        this.knownThemes.add(t.id);
        return true;
      });
    if (places.length > 0) await this.staging.write('stagePlaces', { places });
    if (themes.length > 0) await this.staging.write('stageThemes', { themes });
  }

  // ---- relationships, initiatives, participations -----------------------------------------------------

  private async readLinks(): Promise<void> {
    const context = this.ctx;
    this.progress('links');
    for await (const item of this.importer.read(this.options.paths, 'links', context)) {
      this.records += 1;
      if (this.records % 1000 === 0) this.progress('links');
      const { record, where } = item;
      if (record.type === 'relationship') await this.takeRelationship(record, where, item.at);
      else if (record.type === 'initiative') await this.takeInitiative(record, where);
      else if (record.type === 'participation') await this.takeParticipation(record, where, item.at);
      else if (record.type === 'stage') this.takeStage(record, where, item.at);
    }
  }

  /** The organisation a reference names: a record of this run, a stored organisation or an alias. */
  private organisationFor(reference: string): string | undefined {
    return this.resolver.lookupId(this.ns + reference);
  }

  private dangling(
    where: string | Located<unknown>['at'],
    field: string,
    id: string,
    what = 'organisation',
  ): void {
    const at = typeof where === 'string' || where === undefined ? undefined : where;
    this.problems.add({
      file: at?.file ?? String(where),
      line: at?.line ?? null,
      column: at?.columns?.[field] ?? null,
      field,
      code: 'DANGLING_REFERENCE',
      message: `${field} "${id}" is not an ${what} in this import or in the database; add it or fix the id`,
    });
  }

  private skip(where: string, reason: string): void {
    this.report.skippedCount += 1;
    pushLimited(this.report.skipped, { where, reason });
  }

  /** Exact repeats are skipped with a warning; the same id with other content is an error. */
  private repeat(
    prints: Map<string, number>,
    key: string,
    print: number,
    where: string,
    noun: string,
  ): boolean {
    const seen = prints.get(key);
    if (seen === undefined) {
      prints.set(key, print);
      return false;
    }
    if (seen === print) this.skip(where, `the same ${noun} ${key} again (an exact repeat); left out`);
    else {
      this.problems.add({
        file: where,
        line: null,
        column: null,
        field: 'id',
        code: 'DUPLICATE_ID',
        message: `${noun} ${key} is given twice with different content; give each its own id or remove one`,
      });
    }
    return true;
  }

  private async takeRelationship(
    r: IncomingRelationship,
    where: string,
    at: Located<unknown>['at'],
  ): Promise<void> {
    this.report.counts.relationships.read += 1;
    const source = this.organisationFor(r.source);
    const target = this.organisationFor(r.target);
    if (source === undefined) this.dangling(at ?? where, 'source', r.source);
    if (target === undefined) this.dangling(at ?? where, 'target', r.target);
    if (source === undefined || target === undefined) return;
    if (source === target) {
      this.skip(
        where,
        `${r.kind} from ${r.source} to ${r.target}: both are the same organisation (${source}); left out`,
      );
      return;
    }
    const row = relationshipRow(this.licensed(r), this.ns + r.id, source, target);
    if (this.repeat(this.relationshipPrints, row.id, fingerprint(row), where, 'relationship')) return;
    this.relationshipBuffer.push({
      row,
      sourceStaged: !this.resolver.isExisting(source),
      targetStaged: !this.resolver.isExisting(target),
      where,
    });
    if (this.relationshipBuffer.length >= BATCH) await this.flushRelationships();
  }

  private async flushRelationships(): Promise<void> {
    const buffer = this.relationshipBuffer;
    this.relationshipBuffer = [];
    if (buffer.length === 0) return;
    const stored = !this.storedRelationshipsExist
      ? []
      : await this.read<{
          id: string;
          kind: string;
          source: string;
          target: string;
          stored: Record<string, unknown>;
        }>('storedRelationshipValues', { ids: buffer.map((b) => b.row.id) });
    const byId = new Map(stored.map((s) => [s.id, s]));
    const direct: Record<string, unknown>[] = [];
    const betweenStored: Record<string, unknown>[] = [];
    const counts = this.report.counts.relationships;
    for (const item of buffer) {
      const { row } = item;
      const s = byId.get(row.id);
      if (s && s.kind === row.kind && s.source === row.source && s.target === row.target) {
        const dates = { since: row.since, until: row.until };
        const mode = this.modeFor(s.stored, row.props);
        if (keepsPeopleTrust(row.props, s.stored, mode)) counts.keptTrust += 1;
        const set = changedValues(row.props, dates, s.stored, mode);
        if (set) {
          counts.updated += 1;
          this.updated('relationship', row.id, changedFields(set, dates, s.stored));
          this.pending.relationshipChanges.push({
            id: row.id,
            kind: row.kind,
            set,
            since: dates.since,
            until: dates.until,
          });
        } else counts.unchanged += 1;
        continue;
      }
      if (s) {
        counts.replaced += 1;
        counts.created += 1;
        this.pending.relationshipReplacements.push({ remove: { id: s.id, kind: s.kind }, row });
        continue;
      }
      counts.created += 1;
      if (item.sourceStaged || item.targetStaged) {
        direct.push({ ...row, sourceStaged: item.sourceStaged, targetStaged: item.targetStaged });
      } else betweenStored.push({ ...row });
    }
    if (this.dry || this.failed()) return;
    await this.startStaging();
    const betweenNew = direct.filter((r) => r.sourceStaged === true && r.targetStaged === true);
    const mixed = direct.filter((r) => !(r.sourceStaged === true && r.targetStaged === true));
    if (betweenNew.length > 0)
      await this.staging.write('stageRelationshipsBetweenNew', { relationships: betweenNew });
    if (mixed.length > 0) await this.staging.write('stageRelationships', { relationships: mixed });
    if (betweenStored.length > 0)
      await this.staging.write('stageRelationshipsBetweenStored', { relationships: betweenStored });
  }

  private async takeInitiative(i: IncomingInitiative, where: string): Promise<void> {
    this.report.counts.initiatives.read += 1;
    const row = initiativeRow(this.licensed(i), this.ns + i.id);
    const print = fingerprint(row);
    const seen = this.initiatives.get(row.id);
    if (seen) {
      this.repeat(new Map([[row.id, seen.print]]), row.id, print, where, 'initiative');
      return;
    }
    this.initiatives.set(row.id, { staged: true, print });
    this.initiativeBuffer.push({ row, where });
    if (this.initiativeBuffer.length >= BATCH) await this.flushInitiatives();
  }

  private async flushInitiatives(): Promise<void> {
    const buffer = this.initiativeBuffer;
    this.initiativeBuffer = [];
    if (buffer.length === 0) return;
    const stored = await this.read<{
      id: string;
      stored: Record<string, unknown>;
      themeIds: string[];
    }>('storedInitiatives', {
      ids: buffer.map((b) => b.row.id),
    });
    const byId = new Map(stored.map((s) => [s.id, s]));
    const fresh: InitiativeRow[] = [];
    const counts = this.report.counts.initiatives;
    for (const { row } of buffer) {
      const s = byId.get(row.id);
      const known = this.initiatives.get(row.id);
      if (!s) {
        fresh.push(row);
        counts.created += 1;
        continue;
      }
      if (known) known.staged = false;
      const dates = { startDate: row.startDate, endDate: row.endDate };
      const mode = this.modeFor(s.stored, row.props);
      const set = changedValues(row.props, dates, s.stored, mode);
      const themeIds =
        mode === 'replace' ? row.themeIds : [...new Set([...s.themeIds, ...row.themeIds])].sort();
      const themesChanged = JSON.stringify(s.themeIds) !== JSON.stringify(themeIds);
      if (set || themesChanged) {
        counts.updated += 1;
        this.updated('initiative', row.id, [
          ...changedFields(set, dates, s.stored),
          ...(themesChanged ? ['themes'] : []),
        ]);
        this.pending.initiativeChanges.push({
          id: row.id,
          set: set ?? {},
          startDate: dates.startDate,
          endDate: dates.endDate,
          themeIds: themesChanged ? themeIds : null,
        });
      } else counts.unchanged += 1;
    }
    if (this.dry || this.failed()) return;
    await this.startStaging();
    await this.writePlacesAndThemes(buffer.map((b) => ({ themes: b.row.themes })));
    if (fresh.length > 0) {
      await this.staging.write('stageInitiatives', {
        initiatives: fresh.map((r) => ({
          id: r.id,
          props: r.props,
          startDate: r.startDate,
          endDate: r.endDate,
          themeIds: r.themeIds,
        })),
      });
    }
  }

  private async takeParticipation(
    p: IncomingParticipation,
    where: string,
    at: Located<unknown>['at'],
  ): Promise<void> {
    this.report.counts.participations.read += 1;
    const organisation = this.organisationFor(p.organisation);
    if (organisation === undefined) {
      this.dangling(at ?? where, 'organisation', p.organisation);
      return;
    }
    const row = participationRow(this.licensed(p), organisation, this.ns + p.initiative);
    const key = `${row.organisation} → ${row.initiative}`;
    if (this.repeat(this.participationPrints, key, fingerprint(row), where, 'participation')) return;
    this.participationBuffer.push({
      row,
      where,
      organisationStaged: !this.resolver.isExisting(organisation),
    });
    if (this.participationBuffer.length >= BATCH) await this.flushParticipations();
  }

  private async flushParticipations(): Promise<void> {
    await this.flushInitiatives();
    const buffer = this.participationBuffer;
    this.participationBuffer = [];
    if (buffer.length === 0) return;
    const unknownInitiatives = [
      ...new Set(buffer.map((b) => b.row.initiative).filter((id) => !this.initiatives.has(id))),
    ];
    if (unknownInitiatives.length > 0) {
      const found = await this.read<{ id: string }>('existingInitiativeIds', {
        ids: unknownInitiatives,
      });
      for (const f of found) this.initiatives.set(f.id, { staged: false, print: 0 });
    }
    const checkStored = buffer.filter(
      (b) => !b.organisationStaged && this.initiatives.get(b.row.initiative)?.staged === false,
    );
    const stored =
      checkStored.length === 0
        ? []
        : await this.read<{
            organisation: string;
            initiative: string;
            stored: Record<string, unknown>;
          }>('storedParticipations', {
            pairs: checkStored.map((b) => ({
              organisation: b.row.organisation,
              initiative: b.row.initiative,
            })),
          });
    const byKey = new Map(stored.map((s) => [`${s.organisation}|${s.initiative}`, s.stored]));
    const create: Record<string, unknown>[] = [];
    const counts = this.report.counts.participations;
    for (const { row, where, organisationStaged } of buffer) {
      const initiative = this.initiatives.get(row.initiative);
      if (!initiative) {
        this.dangling(where, 'initiative', row.initiative.slice(this.ns.length), 'initiative');
        continue;
      }
      const s = byKey.get(`${row.organisation}|${row.initiative}`);
      if (s) {
        const dates = { since: row.since, until: row.until };
        const set = changedValues(row.props, dates, s, this.modeFor(s, row.props));
        if (set) {
          counts.updated += 1;
          this.updated(
            'participation',
            `${row.organisation}>${row.initiative}`,
            changedFields(set, dates, s),
          );
          this.pending.participationChanges.push({
            organisation: row.organisation,
            initiative: row.initiative,
            set,
            since: dates.since,
            until: dates.until,
          });
        } else counts.unchanged += 1;
        continue;
      }
      counts.created += 1;
      create.push({ ...row, organisationStaged, initiativeStaged: initiative.staged });
    }
    if (this.dry || this.failed() || create.length === 0) return;
    await this.startStaging();
    await this.staging.write('stageParticipations', { participations: create });
  }

  /** Notes a stored record the run changes, with the fields that change (the report lists the first ones). */
  private updated(record: UpdateEntry['record'], id: string, fields: string[]): void {
    pushLimited(this.report.updates, { record, id, fields });
  }

  /** How a record changes a stored fact: see ChangeMode (rows.ts). */
  private modeFor(stored: Record<string, unknown>, incoming: Props): ChangeMode {
    if (this.importer.authoritative) return 'replace';
    return stored.sourceDataset === incoming.sourceDataset ? 'correct' : 'fill';
  }

  private takeStage(step: IncomingStage, where: string, at: Located<unknown>['at']): void {
    this.report.counts.stageHistories.read += 1;
    const id = this.ns + step.initiative;
    const list = this.stageSteps.get(id);
    if (list) list.push({ step, where, at });
    else this.stageSteps.set(id, [{ step, where, at }]);
  }

  /**
   * Stage histories (checked as pathways by the importer): each names an initiative of this run or a stored
   * one; a history replaces the stored one whole and is written in the final transaction.
   */
  private async flushStageHistories(): Promise<void> {
    if (this.stageSteps.size === 0) return;
    const unknown = [...this.stageSteps.keys()].filter((id) => !this.initiatives.has(id));
    for (let i = 0; i < unknown.length; i += BATCH) {
      const found = await this.read<{ id: string }>('existingInitiativeIds', {
        ids: unknown.slice(i, i + BATCH),
      });
      for (const f of found) this.initiatives.set(f.id, { staged: false, print: 0 });
    }
    const rows = stageHistoryRows(
      [...this.stageSteps.entries()].flatMap(([id, list]) =>
        list.map(({ step }) => ({
          initiative: id,
          stage: step.stage,
          date: step.date,
          provenance: {
            sourceUrl: step.provenance.sourceUrl,
            sourceDataset: step.provenance.sourceDataset,
            sourceRecord: step.provenance.sourceRecord,
            recordedBy: step.provenance.recordedBy,
            recordedAt: step.provenance.recordedAt,
          },
        })),
      ),
    );
    const stored = rows.filter((r) => this.initiatives.get(r.initiative as string)?.staged === false);
    const before = new Map<string, string>();
    for (let i = 0; i < stored.length; i += BATCH) {
      const found = await this.read<{ id: string; steps: string[][] }>('storedStageHistories', {
        ids: stored.slice(i, i + BATCH).map((r) => r.initiative),
      });
      for (const f of found) before.set(f.id, JSON.stringify(f.steps));
    }
    const counts = this.report.counts.stageHistories;
    for (const row of rows) {
      const id = row.initiative as string;
      const known = this.initiatives.get(id);
      if (!known) {
        for (const { where, at } of this.stageSteps.get(id) ?? [])
          this.dangling(at ?? where, 'initiative', id.slice(this.ns.length), 'initiative');
        continue;
      }
      const steps = row.steps as { stage: string; on: string }[];
      const was = before.get(id);
      if (was === JSON.stringify(steps.map((s) => [s.stage, s.on]))) {
        counts.unchanged += 1;
        continue;
      }
      if (was === undefined || was === '[]') counts.created += 1;
      else counts.updated += 1;
      this.pending.stageHistories.push(row);
    }
  }

  private async flushLinks(): Promise<void> {
    await this.flushRelationships();
    await this.flushInitiatives();
    await this.flushParticipations();
    await this.flushStageHistories();
  }

  // ---- staging, publishing, discarding -----------------------------------------------------------------

  private async startStaging(): Promise<void> {
    if (!this.dry) await this.staging.start(this.report.checksum);
  }

  private runReport(status: string): string {
    return JSON.stringify({
      ...this.report,
      status,
      finishedAt: new Date().toISOString(),
      problems: this.problems.list,
      problemCount: this.problems.count,
    });
  }

  private changedAnything(): boolean {
    const c = this.report.counts;
    return (
      c.organisations.created +
        c.organisations.updated +
        c.relationships.created +
        c.relationships.updated +
        c.initiatives.created +
        c.initiatives.updated +
        c.participations.created +
        c.participations.updated +
        c.stageHistories.created +
        c.stageHistories.updated +
        c.aliases >
      0
    );
  }

  private async publish(): Promise<void> {
    const candidates = this.resolver.candidates();
    this.report.runId = this.runId;
    this.report.status = RUN_STATUS.PUBLISHED;
    await this.staging.publish(
      this.pending,
      candidates,
      this.changedAnything(),
      () => this.runReport(RUN_STATUS.PUBLISHED),
      this.report.checksum,
    );
    this.report.counts.candidates = candidates.length;
  }
}

function parseWritten(written: string): Identifier {
  const at = written.indexOf(':');
  return { scheme: written.slice(0, at), value: written.slice(at + 1) };
}

/** Identifiers in one spelling; ones whose value is not valid for their register are left out of matching. */
export function normalisedIdentifiers(identifiers: readonly Identifier[]): Identifier[] {
  const out = new Map<string, Identifier>();
  for (const i of identifiers) {
    const n = normaliseIdentifier(i.scheme, i.value);
    if (n) out.set(`${n.scheme}:${n.value}`, n);
  }
  return [...out.values()];
}
