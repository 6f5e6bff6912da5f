/**
 * A pool of worker_threads, each running tasks from one module (`runTask(payload, options)`),
 * one at a time. Each worker has its own TensorFlow.js backend (wasm runs one thread per instance), so
 * the pool is how a sweep uses every core.
 */
import { Worker } from 'node:worker_threads';

export interface PoolTask<P> {
  id: number;
  payload: P;
}

type Reply<R> = { id: number; ok: true; result: R; ms: number } | { id: number; ok: false; error: string };

/** Registers TypeScript support in the worker, then loads the task module (see its comment). */
export const WORKER_ENTRY = new URL('./worker.mjs', import.meta.url);

/**
 * Runs every task on `size` workers loading `taskModule` (an absolute path or file URL of a
 * module exporting `runTask`), each given `options` as its second argument. `onResult` sees each
 * result as soon as it arrives (to save it), in completion order, with the task's own time in
 * its worker. The first failure stops all workers and rejects, naming the task.
 */
export async function runInWorkers<P, R>(
  taskModule: string,
  size: number,
  tasks: ReadonlyArray<PoolTask<P>>,
  onResult: (id: number, result: R, ms: number) => void,
  options: unknown = {},
): Promise<void> {
  if (tasks.length === 0) return;
  const queue = [...tasks];
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let remaining = tasks.length;
      let failed = false;
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      const feed = (worker: Worker) => {
        const task = queue.shift();
        if (task) worker.postMessage(task);
      };
      for (let i = 0; i < Math.min(size, tasks.length); i++) {
        const worker = new Worker(WORKER_ENTRY, { workerData: { taskModule, options } });
        workers.push(worker);
        worker.on('message', (reply: Reply<R>) => {
          if (failed) return;
          if (!reply.ok) return fail(new Error(`task ${reply.id} failed in a worker: ${reply.error}`));
          try {
            onResult(reply.id, reply.result, reply.ms);
          } catch (error) {
            return fail(error as Error);
          }
          remaining -= 1;
          if (remaining === 0) resolve();
          else feed(worker);
        });
        worker.on('error', (error) => fail(new Error(`a sweep worker crashed: ${error.message}`, { cause: error })));
        worker.on('exit', (code) => {
          if (code !== 0 && remaining > 0) fail(new Error(`a sweep worker exited with code ${code}`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
