// One worker thread per process for the whole-network analytics (analyticsJob.ts): the request thread
// sends a job and awaits the answer, so other requests are served while PageRank, betweenness and
// Louvain run. Jobs run one after another (the results are cached per data version by cache.derived, so
// there are few). The worker starts on the first job and does not keep the process alive when idle; if it
// dies, the jobs it had fail and the next job starts a new one.
import { Worker } from 'node:worker_threads';
import type { NetworkSnapshot } from './snapshot.ts';
import type { AnalyticsGraph } from './analytics.ts';
import type { AnalyticsJob, AnalyticsResult } from './analyticsJob.ts';
import type { WorkerReply, WorkerRequest } from './analyticsWorker.ts';

export interface Computed<T extends AnalyticsResult> {
  result: T;
  /** The thread id the job ran on (never the request thread's). */
  thread: number;
}

interface Pending {
  resolve: (value: Computed<AnalyticsResult>) => void;
  reject: (error: Error) => void;
  onStart?: (thread: number) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
let nextGate: { gate: Int32Array; onStart: (thread: number) => void } | null = null;

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function startWorker(): Worker {
  // execArgv [] : the entry registers tsx itself (analyticsWorker.mjs); nothing of the parent's flags.
  const w = new Worker(new URL('./analyticsWorker.mjs', import.meta.url), { execArgv: [] });
  w.unref();
  w.on('message', (reply: WorkerReply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    if (reply.type === 'started') {
      job.onStart?.(reply.thread);
      return;
    }
    pending.delete(reply.id);
    if (pending.size === 0) w.unref();
    if (reply.type === 'done') job.resolve({ result: reply.result, thread: reply.thread });
    else job.reject(new Error(`Network analytics failed: ${reply.message}`));
  });
  w.on('error', (error) => {
    if (worker === w) worker = null;
    failAll(new Error(`The analytics worker stopped: ${error.message}`));
  });
  w.on('exit', (code) => {
    if (worker === w) worker = null;
    if (pending.size > 0) failAll(new Error(`The analytics worker exited (code ${code}).`));
  });
  return w;
}

/** Runs a job on the analytics worker thread. */
export function runInWorker<K extends AnalyticsJob['kind']>(
  job: AnalyticsJob & { kind: K },
): Promise<Computed<Extract<AnalyticsResult, { kind: K }>>> {
  worker ??= startWorker();
  const w = worker;
  const id = nextId++;
  const gate = nextGate;
  nextGate = null;
  return new Promise((resolve, reject) => {
    pending.set(id, {
      resolve: resolve as (value: Computed<AnalyticsResult>) => void,
      reject,
      onStart: gate?.onStart,
    });
    // Keep the process alive while a job is out (a CLI may be waiting for it).
    w.ref();
    const request: WorkerRequest = { id, job, ...(gate ? { gate: gate.gate } : {}) };
    w.postMessage(request);
  });
}

/** The arrays of a snapshot the analytics read (the rest stays on the request thread). */
export function analyticsGraph(s: NetworkSnapshot): AnalyticsGraph {
  return {
    ids: s.ids,
    adjStart: s.adjStart,
    adjOther: s.adjOther,
    adjTie: s.adjTie,
    tieKind: s.tieKind,
    tieSource: s.tieSource,
    tieTarget: s.tieTarget,
  };
}

/**
 * Test seam: the next job waits in the worker, after telling `started` its thread id, until `release()`;
 * so a test can ask other things while the worker is busy with analytics.
 */
export function holdNextAnalyticsJob(): { started: Promise<number>; release: () => void } {
  const gate = new Int32Array(new SharedArrayBuffer(4));
  let onStart: (thread: number) => void = () => {};
  const started = new Promise<number>((resolve) => (onStart = resolve));
  nextGate = { gate, onStart };
  return {
    started,
    release: () => {
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
    },
  };
}
