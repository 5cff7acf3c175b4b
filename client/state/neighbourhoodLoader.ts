// Loads the neighbourhoods the view wants: at most `concurrency` requests at a time, in the order wanted;
// requests for ids the view no longer wants are aborted; answers are kept in a bounded cache (least
// recently wanted first out), never dropping one that is wanted now. Plain TypeScript, tested without React.

export type Entry<T> = { data: T } | { error: unknown };

export interface NeighbourhoodLoaderOptions<T> {
  fetch: (id: string, signal: AbortSignal) => Promise<T>;
  /** Requests in flight at once. */
  concurrency: number;
  /** Answers kept for ids no longer wanted (Back, collapse, then expand again without a request). */
  cacheSize: number;
  /** Called whenever an answer arrives or is forgotten, so the view can re-render. */
  onChange: () => void;
}

export class NeighbourhoodLoader<T> {
  /** Map order is recency: an id is moved to the end whenever it is wanted again. */
  private readonly cache = new Map<string, Entry<T>>();
  private readonly inFlight = new Map<string, AbortController>();
  private wanted: readonly string[] = [];
  private wantedSet = new Set<string>();

  constructor(private readonly options: NeighbourhoodLoaderOptions<T>) {}

  /** Answers held now. */
  get size(): number {
    return this.cache.size;
  }

  get(id: string): Entry<T> | undefined {
    return this.cache.get(id);
  }

  /** The ids the view needs now, in order: starts what is missing, aborts what is no longer needed. */
  want(ids: readonly string[]): void {
    this.wanted = [...ids];
    this.wantedSet = new Set(ids);
    for (const [id, controller] of this.inFlight) {
      if (!this.wantedSet.has(id)) {
        controller.abort();
        this.inFlight.delete(id);
      }
    }
    for (const id of ids) {
      const entry = this.cache.get(id);
      if (entry !== undefined) {
        this.cache.delete(id);
        this.cache.set(id, entry);
      }
    }
    this.evict();
    this.pump();
  }

  /** Forgets failed answers, so the ids still wanted are asked for again. */
  retryFailed(): void {
    for (const [id, entry] of this.cache) if ('error' in entry) this.cache.delete(id);
    this.options.onChange();
    this.pump();
  }

  private pump(): void {
    for (const id of this.wanted) {
      if (this.inFlight.size >= this.options.concurrency) return;
      if (this.cache.has(id) || this.inFlight.has(id)) continue;
      this.start(id);
    }
  }

  private start(id: string): void {
    const controller = new AbortController();
    this.inFlight.set(id, controller);
    this.options.fetch(id, controller.signal).then(
      (data) => this.settle(id, controller, { data }),
      (error: unknown) => {
        if (!controller.signal.aborted) this.settle(id, controller, { error });
      },
    );
  }

  private settle(id: string, controller: AbortController, entry: Entry<T>): void {
    // A request that was aborted (and perhaps started again since) does not count.
    if (this.inFlight.get(id) !== controller) return;
    this.inFlight.delete(id);
    this.cache.set(id, entry);
    this.evict();
    this.options.onChange();
    this.pump();
  }

  private evict(): void {
    for (const id of this.cache.keys()) {
      if (this.cache.size <= this.options.cacheSize) return;
      if (!this.wantedSet.has(id)) this.cache.delete(id);
    }
  }
}
