// The explorer's neighbourhood loader: a few requests at a time, superseded ones aborted, a bounded cache.
import { describe, expect, it } from 'vitest';
import { NeighbourhoodLoader } from '../../../client/state/neighbourhoodLoader.ts';

/** A fetch whose answers the test releases by hand, recording what was asked and aborted. */
function controlledFetch() {
  const pending = new Map<string, { resolve: (value: string) => void; signal: AbortSignal }>();
  const started: string[] = [];
  const aborted: string[] = [];
  return {
    started,
    aborted,
    pending,
    fetch(id: string, signal: AbortSignal): Promise<string> {
      started.push(id);
      signal.addEventListener('abort', () => aborted.push(id));
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, signal });
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    },
    async release(id: string) {
      pending.get(id)?.resolve(`data:${id}`);
      pending.delete(id);
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `n${i}`);

describe('review findings: NeighbourhoodLoader', () => {
  it('runs at most `concurrency` requests at once, in the order the ids are wanted', async () => {
    const f = controlledFetch();
    const loader = new NeighbourhoodLoader({
      fetch: f.fetch,
      concurrency: 3,
      cacheSize: 50,
      onChange: () => {},
    });
    loader.want(ids(10));
    expect(f.started).toEqual(['n0', 'n1', 'n2']);
    await f.release('n1');
    expect(f.started).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(loader.get('n1')).toEqual({ data: 'data:n1' });
  });

  it('aborts requests for ids that are no longer wanted', async () => {
    const f = controlledFetch();
    const loader = new NeighbourhoodLoader({
      fetch: f.fetch,
      concurrency: 4,
      cacheSize: 50,
      onChange: () => {},
    });
    loader.want(ids(6));
    loader.want(['n0']);
    expect(f.aborted.sort()).toEqual(['n1', 'n2', 'n3']);
    expect(f.started).toEqual(['n0', 'n1', 'n2', 'n3']);
  });

  it('keeps at most `cacheSize` answers, never dropping one that is still wanted', async () => {
    const f = controlledFetch();
    const loader = new NeighbourhoodLoader({
      fetch: f.fetch,
      concurrency: 2,
      cacheSize: 4,
      onChange: () => {},
    });
    for (const id of ids(12)) {
      loader.want([id]);
      await f.release(id);
      expect(loader.size).toBeLessThanOrEqual(4);
      expect(loader.get(id)).toEqual({ data: `data:${id}` });
    }
    loader.want(ids(6));
    for (const id of ids(6)) await f.release(id);
    // Six are wanted at once: all six are kept, even above the bound.
    for (const id of ids(6)) expect(loader.get(id)).toEqual({ data: `data:${id}` });
  });
});
