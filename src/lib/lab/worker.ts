/**
 * The lab's Web Worker: trains a LabSession in chunks of about CHUNK_MS, posting each chunk's new
 * steps to the island and yielding between chunks so pause, resume and reset are heard promptly.
 * Loaded only when the reader presses Train.
 */
/// <reference lib="webworker" />
import { EVAL_EVERY, MNIST_SUBSET, type LabConfig } from './config';
import type { FromWorker, TestMetrics, ToWorker } from './protocol';
import { LabSession, predictedGradientNorms, type LabData } from './session';
import { teacherStudentLabData } from './tasks';
import { fetchMnistSubset } from './mnist-fetch';

const CHUNK_MS = 100;

declare const self: DedicatedWorkerGlobalScope;

let session: LabSession | null = null;
let running = false;
let run = 0;
let mnist: LabData | null = null;
let scheduled = false;

/** Runs the next chunk once the message queue has been looked at (never two chains at once). */
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    loop();
  }, 0);
}

const post = (message: FromWorker) => self.postMessage(message);

async function dataFor(config: LabConfig, mnistUrl: string): Promise<{ data: LabData; fetchedBytes: number }> {
  if (config.task === 'teacher-student') return { data: teacherStudentLabData(), fetchedBytes: 0 };
  if (mnist) return { data: mnist, fetchedBytes: 0 };
  const { data, bytes } = await fetchMnistSubset(mnistUrl, MNIST_SUBSET);
  mnist = data;
  return { data, fetchedBytes: bytes };
}

async function start(config: LabConfig, mnistUrl: string): Promise<void> {
  running = false;
  session = null;
  const thisRun = ++run;
  try {
    const { data, fetchedBytes } = await dataFor(config, mnistUrl);
    if (thisRun !== run) return; // reset or restarted while fetching
    session = new LabSession(config, data);
    // Step 0's gradients, for the prediction: the first training step reports the same numbers.
    const probe = new LabSession(config, data).step();
    const prediction = predictedGradientNorms(config, probe.gradHNorms.at(-1)!);
    post({
      type: 'ready',
      run: thisRun,
      description: data.description,
      chi1: prediction.chi1,
      initialNorms: probe.gradHNorms,
      predictedNorms: prediction.norms,
      fetchedBytes,
    });
    running = true;
    schedule();
  } catch (error) {
    post({ type: 'error', run: thisRun, message: error instanceof Error ? error.message : String(error) });
  }
}

function loop(): void {
  const s = session;
  if (!running || !s) return;
  const thisRun = run;
  const from = s.steps;
  const losses: number[] = [];
  const accuracies: number[] = [];
  const twinLosses: number[] = [];
  const twinDifferences: number[] = [];
  const tests: TestMetrics[] = [];
  let gradients = { step: from, norms: [] as number[] };
  let diverged = false;
  const started = performance.now();
  do {
    if (s.steps % EVAL_EVERY === 0) tests.push({ step: s.steps, ...s.evaluate() });
    const record = s.step();
    losses.push(record.loss);
    accuracies.push(record.accuracy);
    if (record.twin) {
      twinLosses.push(record.twin.loss);
      twinDifferences.push(record.twin.difference);
    }
    gradients = { step: record.step, norms: record.gradHNorms };
    if (!Number.isFinite(record.loss)) diverged = true;
  } while (!diverged && s.steps < s.config.steps && performance.now() - started < CHUNK_MS);
  const finished = s.steps >= s.config.steps;
  if (finished && !diverged) tests.push({ step: s.steps, ...s.evaluate() });
  const seconds = (performance.now() - started) / 1000;
  post({
    type: 'progress',
    run: thisRun,
    from,
    losses,
    accuracies,
    ...(s.twin ? { twinLosses, twinDifferences } : {}),
    gradients,
    tests,
    stepsPerSecond: losses.length / Math.max(seconds, 1e-6),
  });
  if (diverged || finished) {
    running = false;
    post({ type: 'stopped', run: thisRun, reason: diverged ? 'diverged' : 'finished', steps: s.steps });
    return;
  }
  schedule();
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      void start(message.config, message.mnistUrl);
      break;
    case 'pause':
      if (running && session) {
        running = false;
        post({ type: 'stopped', run, reason: 'paused', steps: session.steps });
      }
      break;
    case 'resume':
      if (!running && session && session.steps < session.config.steps) {
        running = true;
        schedule();
      }
      break;
    case 'reset':
      running = false;
      session = null;
      run++;
      break;
  }
};
