// worker_threads entry of the sweep pool. Plain JavaScript on purpose: on Node 20 a worker's
// entry module is loaded before `--import` hooks apply, so TypeScript support is registered
// here (tsx's ESM API), and then the TypeScript task module is imported.
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { taskModule } = workerData;
const url = taskModule.startsWith('file:') ? taskModule : pathToFileURL(taskModule).href;
const { runTask } = await import(url);

parentPort.on('message', async ({ id, payload }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: await runTask(payload) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
