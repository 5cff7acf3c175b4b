// A request's data-version read started early (NetworkAccess.prefetchVersion, server/graphql/versionPrefetch.ts):
// the check that takes it reads nothing more, a second check reads again, a failure reaches the check that
// takes it and nothing else; and which documents start it (those whose last run, as a query, checked it).
import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import type { QueryRunner } from '../../../server/common/queryRunner.ts';
import {
  networkAccess,
  type NetworkAccess,
  type NetworkCache,
} from '../../../server/domain/network/cache.ts';
import type { NetworkSnapshot } from '../../../server/domain/network/snapshot.ts';
import { versionPrefetch } from '../../../server/graphql/versionPrefetch.ts';

/** A runner whose data version is `version` (or whose read fails), counting its reads. */
function versionRunner(version: number | Error) {
  const reads: string[] = [];
  const runner = {
    read: (name: string) => {
      reads.push(name);
      return version instanceof Error ? Promise.reject(version) : Promise.resolve([{ dataVersion: version }]);
    },
  } as unknown as QueryRunner;
  return { runner, reads };
}

/** A cache holding the snapshot of version 7: it reads the version itself unless handed the read. */
function cacheOf7() {
  const snapshot = { version: 7 } as NetworkSnapshot;
  const handed: boolean[] = [];
  const version = async (runner: QueryRunner, read?: Promise<number>) => {
    handed.push(read !== undefined);
    return read ?? (await runner.read<{ dataVersion: number }>('dataVersion'))[0]?.dataVersion ?? 0;
  };
  const cache = {
    current: async (runner: QueryRunner, read?: Promise<number>) => {
      if ((await version(runner, read)) !== 7) throw new Error('a rebuild the test did not expect');
      return snapshot;
    },
    ifLoaded: async (runner: QueryRunner, read?: Promise<number>) =>
      (await version(runner, read)) === 7 ? snapshot : null,
  } as unknown as NetworkCache;
  return { cache, snapshot, handed };
}

describe('NetworkAccess.prefetchVersion', () => {
  it("is the read of the request's first check, which reads nothing more", async () => {
    for (const check of ['snapshot', 'ifLoaded'] as const) {
      const { runner, reads } = versionRunner(7);
      const { cache, snapshot, handed } = cacheOf7();
      const net = networkAccess(runner, cache);
      net.prefetchVersion();
      expect(reads).toEqual(['dataVersion']);
      expect(net.versionChecked()).toBe(false);
      expect(await net[check]()).toBe(snapshot);
      expect(await net.snapshot()).toBe(snapshot);
      expect(reads).toEqual(['dataVersion']);
      expect(handed).toEqual([true]);
      expect(net.versionChecked()).toBe(true);
    }
  });

  it('reads the version at the check when not started, and is not started after a check', async () => {
    const { runner, reads } = versionRunner(7);
    const { cache, handed } = cacheOf7();
    const net = networkAccess(runner, cache);
    await net.ifLoaded();
    net.prefetchVersion();
    await net.snapshot();
    expect(reads).toEqual(['dataVersion']);
    expect(handed).toEqual([false]);
  });

  it('serves one check only: a second check (after ifLoaded found no snapshot) reads again', async () => {
    const { runner, reads } = versionRunner(8);
    const snapshot = { version: 8 } as NetworkSnapshot;
    const handed: boolean[] = [];
    const cache = {
      ifLoaded: async (_: QueryRunner, read?: Promise<number>) => {
        handed.push(read !== undefined);
        await read;
        return null;
      },
      current: async (r: QueryRunner, read?: Promise<number>) => {
        handed.push(read !== undefined);
        await (read ?? r.read('dataVersion'));
        return snapshot;
      },
    } as unknown as NetworkCache;
    const net = networkAccess(runner, cache);
    net.prefetchVersion();
    expect(await net.ifLoaded()).toBeNull();
    expect(await net.snapshot()).toBe(snapshot);
    expect(handed).toEqual([true, false]);
    expect(reads).toEqual(['dataVersion', 'dataVersion']);
  });

  it("gives the read's failure to the check that takes it, and to nothing when none does", async () => {
    const failure = new Error('database unavailable');
    const used = networkAccess(versionRunner(failure).runner, cacheOf7().cache);
    used.prefetchVersion();
    await expect(used.snapshot()).rejects.toBe(failure);
    // Unused: no unhandled rejection (vitest fails the run on one), and no check was made.
    const unused = networkAccess(versionRunner(failure).runner, cacheOf7().cache);
    unused.prefetchVersion();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unused.versionChecked()).toBe(false);
  });

  it('is not started once the snapshot is confirmed from a query that read the version itself', () => {
    const { runner, reads } = versionRunner(7);
    const { cache, snapshot } = cacheOf7();
    const net = networkAccess(runner, cache);
    expect(net.confirm(snapshot, 7)).toBe(true);
    net.prefetchVersion();
    expect(reads).toEqual([]);
    expect(net.versionChecked()).toBe(false);
  });
});

describe('versionPrefetch', () => {
  /** A request's network access as far as versionPrefetch sees it. */
  const access = (checked: boolean) => {
    const started: boolean[] = [];
    const net = {
      prefetchVersion: () => started.push(true),
      versionChecked: () => checked,
    } as unknown as NetworkAccess;
    return { net, started };
  };
  /** Runs the plugin's willSendResponse for a request that ran `operation` and did or did not check. */
  async function answered(
    prefetch: ReturnType<typeof versionPrefetch>,
    request: { query?: string; operationName?: string },
    operation: 'query' | 'mutation' | undefined,
    checked: boolean,
  ) {
    const listener = await prefetch.plugin.requestDidStart!({} as never);
    await listener!.willSendResponse!({
      request,
      operation: operation ? { operation } : undefined,
      contextValue: { network: access(checked).net },
    } as unknown as GraphQLRequestContextWillSendResponse<{ network: NetworkAccess }>);
  }
  const starts = (
    prefetch: ReturnType<typeof versionPrefetch>,
    request: { query?: string; operationName?: string },
  ) => {
    const { net, started } = access(false);
    prefetch.start(request, net);
    return started.length === 1;
  };
  const Q = '{ network { organisationCount } }';

  it('starts the read for a query whose last run checked the data version, until a run does not', async () => {
    const prefetch = versionPrefetch();
    expect(starts(prefetch, { query: Q })).toBe(false);
    await answered(prefetch, { query: Q }, 'query', true);
    expect(starts(prefetch, { query: Q })).toBe(true);
    // The same text with another operation name is another document.
    expect(starts(prefetch, { query: Q, operationName: 'Other' })).toBe(false);
    expect(starts(prefetch, { query: `${Q} ` })).toBe(false);
    await answered(prefetch, { query: Q }, 'query', false);
    expect(starts(prefetch, { query: Q })).toBe(false);
  });

  it('never starts it for a mutation, a request that did not run, or a document over the length kept', async () => {
    const prefetch = versionPrefetch({ maxLength: 100 });
    const M = 'mutation { x }';
    await answered(prefetch, { query: M }, 'mutation', true);
    expect(starts(prefetch, { query: M })).toBe(false);
    await answered(prefetch, { query: '{ bad' }, undefined, true);
    expect(starts(prefetch, { query: '{ bad' })).toBe(false);
    const long = `{ network { organisationCount } ${' '.repeat(100)}}`;
    await answered(prefetch, { query: long }, 'query', true);
    expect(starts(prefetch, { query: long })).toBe(false);
    expect(starts(prefetch, {})).toBe(false);
  });

  it('keeps the documents run most recently, up to maxDocuments', async () => {
    const prefetch = versionPrefetch({ maxDocuments: 2 });
    for (const q of ['{ a }', '{ b }']) await answered(prefetch, { query: q }, 'query', true);
    await answered(prefetch, { query: '{ a }' }, 'query', true);
    await answered(prefetch, { query: '{ c }' }, 'query', true);
    expect(['{ a }', '{ b }', '{ c }'].map((query) => starts(prefetch, { query }))).toEqual([
      true,
      false,
      true,
    ]);
  });
});
