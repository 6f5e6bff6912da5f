// worker_threads entry of the sweep pool. Plain JavaScript on purpose: on Node 20 a worker's
// entry module is loaded before `--import` hooks apply, so TypeScript support is registered
// here (tsx's ESM API), and then the TypeScript task module is imported.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { taskModule, options } = workerData;
const url = taskModule.startsWith('file:') ? taskModule : pathToFileURL(taskModule).href;
const { runTask } = await import(url);

parentPort.on('message', async ({ id, payload }) => {
  const started = performance.now();
  try {
    const result = await runTask(payload, options);
    parentPort.postMessage({ id, ok: true, result, ms: performance.now() - started });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
