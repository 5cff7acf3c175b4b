// The analytics worker thread (started by analyticsPool.ts through analyticsWorker.mjs): runs one job
// at a time and answers with the result and its own thread id, so callers and tests can tell where the
// work ran. A test may hand a gate (a shared Int32Array) with a job: the worker says it started, then
// waits until the gate opens, so a test can ask other things while the worker is busy.
import { parentPort, threadId } from 'node:worker_threads';
import { runAnalyticsJob, type AnalyticsJob } from './analyticsJob.ts';

export interface WorkerRequest {
  id: number;
  job: AnalyticsJob;
  gate?: Int32Array;
}

export type WorkerReply =
  | { id: number; type: 'started'; thread: number }
  | { id: number; type: 'done'; thread: number; result: ReturnType<typeof runAnalyticsJob> }
  | { id: number; type: 'failed'; thread: number; message: string };

const port = parentPort;
if (port === null) throw new Error('analyticsWorker.ts runs only as a worker thread (analyticsPool.ts).');

port.on('message', (request: WorkerRequest) => {
  const reply = (message: WorkerReply) => port.postMessage(message);
  try {
    reply({ id: request.id, type: 'started', thread: threadId });
    if (request.gate) Atomics.wait(request.gate, 0, 0);
    reply({ id: request.id, type: 'done', thread: threadId, result: runAnalyticsJob(request.job) });
  } catch (error) {
    reply({
      id: request.id,
      type: 'failed',
      thread: threadId,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
