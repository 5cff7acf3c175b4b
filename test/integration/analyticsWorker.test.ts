// Whole-network analytics run on a worker thread, never on the request thread: the figures say which
// thread computed them, they are the same as computed in place, and while the worker is busy with a
// `network` job (held there by the pool's test gate) a cheap query is answered and the `network` request
// is still waiting; released, it answers correctly. No timing is measured.
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyticsJob } from '../../server/domain/network/analyticsJob.ts';
import { analyticsGraph, holdNextAnalyticsJob } from '../../server/domain/network/analyticsPool.ts';
import { createNetworkCache, networkAccess } from '../../server/domain/network/cache.ts';
import { networkMetrics, networkSummary } from '../../server/domain/network/metrics.ts';
import type { Dataset } from '../../server/domain/model.ts';
import { uniquePrefix, type TestDb } from '../support/db.ts';
import { org, rel, searchWord } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { closeServedNetwork, openServedNetwork } from '../support/servedNetwork.ts';

let db: TestDb;
let server: TestServer;
const p = uniquePrefix('worker');
const w = searchWord(p);
const country = `${w}land`;
const id = (name: string) => `${p}-${name}`;

/** A triangle a–b–c and a pair d–e, all in one country of their own. */
function network(): Dataset {
  const at = { country };
  return {
    organisations: [
      org(id('a'), `${w} Council`, 'GOVERNMENT', at),
      org(id('b'), `${w} Trust`, 'NGO', at),
      org(id('c'), `${w} Lab`, 'CIVIC_INNOVATOR', at),
      org(id('d'), `${w} Company`, 'COMPANY', at),
      org(id('e'), `${w} University`, 'ACADEMIC', at),
    ],
    relationships: [
      rel(id('ab'), id('a'), id('b'), 'PARTNERSHIP'),
      rel(id('bc'), id('b'), id('c'), 'FUNDING'),
      rel(id('ca'), id('c'), id('a'), 'PARTNERSHIP'),
      rel(id('de'), id('d'), id('e'), 'PARTNERSHIP'),
    ],
    initiatives: [],
    participations: [],
    places: [],
  };
}

beforeAll(async () => ({ db, server } = await openServedNetwork(p, network())));
afterAll(() => closeServedNetwork({ db, server }, p));

describe('analytics on a worker thread', () => {
  it('computes the whole-network metrics on another thread, with the same figures as in place', async () => {
    const net = networkAccess(db.runner, createNetworkCache());
    const { snapshot, metrics } = await networkMetrics(net);
    expect(metrics.thread).not.toBe(threadId);
    expect(metrics.thread).toBeGreaterThan(0);

    const inPlace = runAnalyticsJob({
      kind: 'metrics',
      graph: analyticsGraph(snapshot),
      nodes: null,
      ties: null,
    });
    if (inPlace.kind !== 'metrics') throw new Error('expected metrics');
    expect(Array.from(metrics.pageRank)).toEqual(Array.from(inPlace.pageRank));
    expect(Array.from(metrics.betweenness)).toEqual(Array.from(inPlace.betweenness));
    expect(Array.from(metrics.community)).toEqual(Array.from(inPlace.community));
    expect(metrics.componentSizes).toEqual(inPlace.componentSizes);
    // The triangle's members are in one component, the pair in another.
    const [a, c, d] = ['a', 'c', 'd'].map((x) => snapshot.index.get(id(x))!);
    expect(metrics.component[a!]).toBe(metrics.component[c!]);
    expect(metrics.component[a!]).not.toBe(metrics.component[d!]);
  });

  it('computes a filtered network summary on another thread', async () => {
    const summary = await networkSummary(
      db.runner,
      networkAccess(db.runner, createNetworkCache()),
      { places: [country] },
      null,
    );
    expect(summary.thread).not.toBe(threadId);
    expect(summary).toMatchObject({ organisationCount: 5, relationshipCount: 4, componentSizes: [3, 2] });
  });

  it('answers a cheap query while the worker is busy with the network figures', async () => {
    const hold = holdNextAnalyticsJob();
    let answered = false;
    const slow = server
      .graphql<{ network: { organisationCount: number; components: { sizes: number[] } } }>(
        `query ($filter: OrganisationFilter) { network(filter: $filter) { organisationCount components { sizes } } }`,
        { filter: { places: [country], sectors: ['GOVERNMENT', 'NGO', 'CIVIC_INNOVATOR', 'COMPANY'] } },
      )
      .finally(() => {
        answered = true;
      });
    // The worker has the job and is held: the request thread is free.
    const workerThread = await hold.started;
    expect(workerThread).not.toBe(threadId);

    const cheap = await server.graphql<{ organisation: { name: string } | null }>(
      `query ($id: ID!) { organisation(id: $id) { name } }`,
      { id: id('a') },
    );
    expect(cheap.errors).toBeUndefined();
    expect(cheap.data!.organisation!.name).toBe(`${w} Council`);
    expect(answered).toBe(false);

    hold.release();
    const { data, errors } = await slow;
    expect(errors).toBeUndefined();
    expect(data!.network).toEqual({ organisationCount: 4, components: { sizes: [3, 1] } });
  });
});
