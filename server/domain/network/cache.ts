// One network snapshot per process, rebuilt when the data version moves. Every read first asks the
// database for its data version (one small query), so a snapshot is never older than the last write that
// committed before the request; concurrent requests share one rebuild. A read that queries the database
// anyway may instead read the data version in that query and check the newest snapshot against it
// (NetworkAccess.unchecked / confirm), which saves the round trip.
import { TimeoutError } from '../../common/errors.ts';
import type { QueryRunner } from '../../common/queryRunner.ts';
import { dataVersion } from '../dataVersion.ts';
import { loadSnapshot } from './load.ts';
import type { NetworkSnapshot } from './snapshot.ts';

export interface NetworkCache {
  /** The snapshot of the current data version. */
  current(runner: QueryRunner): Promise<NetworkSnapshot>;
  /**
   * The snapshot of the current data version if it is loaded; else null at once, after starting its
   * load (for a read that can also be answered from the database, rather than wait for a rebuild).
   */
  ifLoaded(runner: QueryRunner): Promise<NetworkSnapshot | null>;
  /** The newest snapshot built so far, without asking the data version (null before the first). */
  latest(): NetworkSnapshot | null;
  /** Derived figures (analytics, facets…) kept with the snapshot they were computed from. */
  derived<T>(snapshot: NetworkSnapshot, key: string, compute: () => T | Promise<T>): Promise<T>;
  /** Whether a derived figure of `snapshot` is kept (computed, or being computed), without computing it. */
  kept(snapshot: NetworkSnapshot, key: string): boolean;
}

/**
 * The network as one request sees it: one snapshot for the whole request (one data-version check),
 * and the derived figures kept with it.
 */
export interface NetworkAccess {
  snapshot(): Promise<NetworkSnapshot>;
  /**
   * The snapshot if the current data version's is loaded, else null (its load is started): one
   * data-version check per request, as snapshot() makes; a request that then asks snapshot() makes a
   * second check only when this answered null.
   */
  ifLoaded(): Promise<NetworkSnapshot | null>;
  /**
   * For a caller that reads the data version in a query it runs anyway (saving snapshot()'s own round
   * trip): the newest snapshot the process holds, unchecked; null when this request already has its
   * snapshot (use snapshot()) or none is built yet. The caller uses it only once `confirm` accepts the
   * version its query read.
   */
  unchecked(): NetworkSnapshot | null;
  /**
   * Whether `version`, read from the database during this request, is the version of `snapshot` (from
   * unchecked()); if so, the snapshot becomes the request's, as if snapshot() had checked it.
   */
  confirm(snapshot: NetworkSnapshot, version: number): boolean;
  /** NetworkCache.latest: the newest snapshot built so far, unchecked (at least as new as this request's). */
  latest(): NetworkSnapshot | null;
  derived<T>(snapshot: NetworkSnapshot, key: string, compute: () => T | Promise<T>): Promise<T>;
  /** NetworkCache.kept. */
  kept(snapshot: NetworkSnapshot, key: string): boolean;
}

/**
 * `budgetMs` is the request's time budget: a snapshot rebuild or a derived figure that takes longer is
 * answered with a TIMEOUT error while its computation goes on, so asking again later finds it ready.
 */
export function networkAccess(runner: QueryRunner, cache: NetworkCache, budgetMs?: number): NetworkAccess {
  const deadline = budgetMs === undefined ? null : Date.now() + budgetMs;
  const within = <T>(work: Promise<T>): Promise<T> => {
    if (deadline === null) return work;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new TimeoutError(
              `Working out these figures takes longer than one request may (${Math.round(budgetMs! / 1000)} s). They are still being computed and will be kept: ask again in a minute.`,
            ),
          ),
        Math.max(0, deadline - Date.now()),
      );
    });
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  };
  let snapshot: Promise<NetworkSnapshot> | null = null;
  let loaded: Promise<NetworkSnapshot | null> | null = null;
  return {
    snapshot: () =>
      within(
        (snapshot ??=
          loaded === null ? cache.current(runner) : loaded.then((s) => s ?? cache.current(runner))),
      ),
    // After snapshot() in the same request: that snapshot (the request waits for it anyway), null if it failed.
    ifLoaded: () =>
      within(
        (loaded ??=
          snapshot === null
            ? cache.ifLoaded(runner)
            : snapshot.then(
                (s) => s,
                () => null,
              )),
      ),
    unchecked: () => (snapshot === null ? cache.latest() : null),
    confirm: (of, version) => {
      if (snapshot !== null || of.version !== version) return false;
      snapshot = Promise.resolve(of);
      return true;
    },
    latest: () => cache.latest(),
    derived: (of, key, compute) => within(cache.derived(of, key, compute)),
    kept: (of, key) => cache.kept(of, key),
  };
}

export interface NetworkCacheOptions {
  /** Called after each rebuild, e.g. to log how long it took. */
  onRebuild?: (info: { version: number; organisations: number; ties: number; ms: number }) => void;
  /** Derived entries kept per snapshot (least recently used first out). */
  maxDerived?: number;
}

export function createNetworkCache(options: NetworkCacheOptions = {}): NetworkCache {
  const maxDerived = options.maxDerived ?? 200;
  let snapshot: NetworkSnapshot | null = null;
  let building: { version: number; promise: Promise<NetworkSnapshot> } | null = null;
  let derived = new Map<string, Promise<unknown>>();

  async function build(runner: QueryRunner, version: number): Promise<NetworkSnapshot> {
    const started = performance.now();
    const fresh = await loadSnapshot(runner, version);
    options.onRebuild?.({
      version,
      organisations: fresh.ids.length,
      ties: fresh.tieIds.length,
      ms: Math.round(performance.now() - started),
    });
    return fresh;
  }

  /** The build of `version`, started unless it is under way. */
  function buildOf(runner: QueryRunner, version: number): Promise<NetworkSnapshot> {
    if (building?.version !== version) {
      const promise = build(runner, version);
      building = { version, promise };
      promise.then(
        (fresh) => {
          // A newer build may have started meanwhile; keep the newest version.
          if (snapshot === null || fresh.version >= snapshot.version) {
            if (snapshot?.version !== fresh.version) derived = new Map();
            snapshot = fresh;
          }
          if (building?.promise === promise) building = null;
        },
        () => {
          if (building?.promise === promise) building = null;
        },
      );
    }
    return building!.promise;
  }

  return {
    async current(runner) {
      const version = await dataVersion(runner);
      if (snapshot?.version === version) return snapshot;
      return buildOf(runner, version);
    },

    async ifLoaded(runner) {
      const version = await dataVersion(runner);
      if (snapshot?.version === version) return snapshot;
      // Started for the requests after this one; a failure is reported to whoever waits for it.
      void buildOf(runner, version).catch(() => {});
      return null;
    },

    latest: () => snapshot,

    kept: (of, key) => derived.has(`${of.version}:${key}`),

    derived<T>(of: NetworkSnapshot, key: string, compute: () => T | Promise<T>): Promise<T> {
      const full = `${of.version}:${key}`;
      let entry = derived.get(full) as Promise<T> | undefined;
      if (entry === undefined) {
        entry = Promise.resolve().then(compute);
        // A failed computation is not kept.
        entry.catch(() => derived.delete(full));
        if (snapshot?.version === of.version) {
          derived.set(full, entry);
          for (const old of derived.keys()) {
            if (derived.size <= maxDerived) break;
            derived.delete(old);
          }
        }
      } else {
        derived.delete(full);
        derived.set(full, entry);
      }
      return entry;
    },
  };
}
