/**
 * Where a training step's time goes (issue 14, item 7). For one network shape (default: depth 50,
 * width 128, batch 64, MNIST-sized inputs 784 → 10, tanh(2x), SGD) it prints:
 *  - the whole `Trainer.step` (median ms over the timed steps), and
 *  - the same step re-enacted op by op with a clock around each op group (forward matMuls,
 *    activation, loss, transposes, backward matMuls, activation derivative, optimiser updates,
 *    creating/disposing the batch tensors, reading the loss back with dataSync), as shares;
 *    wasm kernels run synchronously, so a clock around a kernel call measures that kernel;
 *  - `Trainer.evaluate` on 2000 test rows, one float64 gradient-statistics checkpoint
 *    (parameters() copy + mlp64 forwardBackward64 on one batch of 64), and a sweep worker's
 *    start-up (new Worker → tfjs + wasm initialised → first tiny run answered).
 * A benchmark, not a test: figures depend on the machine and its load.
 *
 *   nice -n 19 npx tsx scripts/bench-engine.ts [--depth 50] [--width 128] [--batch 64] [--steps 60] [--json]
 *   nice -n 19 npx tsx scripts/bench-engine.ts --run 200 [--residual] [--layer-norm] [--clip 1]
 */
import * as tf from '@tensorflow/tfjs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';

import { initParameters } from '../src/lib/math/init.ts';
import { forwardBackward64 } from '../src/lib/math/mlp64.ts';
import type { NetworkSpec } from '../src/lib/math/network.ts';
import { denseActivation } from '../src/lib/train/activation.ts';
import { initBackend } from '../src/lib/train/backend.ts';
import { lossAndGradient } from '../src/lib/train/loss.ts';
import { createOptimiser } from '../src/lib/train/optimiser.ts';
import { WORKER_ENTRY } from '../src/lib/train/sweep/pool.ts';
import { Trainer } from '../src/lib/train/trainer.ts';
import { transpose2d } from '../src/lib/train/transpose.ts';
import { Random } from '../src/lib/math/random.ts';

const { values } = parseArgs({
  options: {
    depth: { type: 'string', default: '50' },
    width: { type: 'string', default: '128' },
    batch: { type: 'string', default: '64' },
    steps: { type: 'string', default: '60' },
    json: { type: 'boolean', default: false },
    'skip-worker': { type: 'boolean', default: false },
    run: { type: 'string' },
    residual: { type: 'boolean', default: false },
    'layer-norm': { type: 'boolean', default: false },
    clip: { type: 'string' },
  },
});

// --run N: one whole runTraining (MNIST 8000/2000, tanh(2x) at σ_w² = 1/4, SGD η = 0.01, test
// metrics every 50 steps, N steps, no early stop) printing its time and the sha256 of its result:
// the end-to-end figure, and the check that a change keeps (or changes) the bytes.
if (values.run !== undefined) {
  const { createHash } = await import('node:crypto');
  const { runTraining } = await import('../src/lib/train/run.ts');
  const { runConfigSchema } = await import('../src/lib/records/schemas/run.ts');
  await initBackend({ backend: 'wasm' });
  const config = runConfigSchema.parse({
    task: { kind: 'mnist', trainCount: 8000, testCount: 2000, seed: 1, standardise: 'global' },
    network: {
      width: Number(values.width),
      depth: Number(values.depth),
      activation: { kind: 'tanhN', n: 2 },
      ...(values.residual ? { residual: { branchScale: 'one' } } : {}),
      ...(values['layer-norm'] ? { layerNorm: true } : {}),
    },
    init: { kind: 'gaussian', sw2: 0.25, sb2: 0 },
    optimiser: { kind: 'sgd', hiddenLr: 0.01, readoutLr: 0.01, ...(values.clip ? { clipNorm: Number(values.clip) } : {}) },
    loss: 'softmax-cross-entropy',
    batchSize: Number(values.batch),
    steps: Number(values.run),
    evalEvery: 50,
    seed: 1,
  });
  const t0 = performance.now();
  const result = runTraining(config);
  const ms = performance.now() - t0;
  const hash = createHash('sha256').update(JSON.stringify(result)).digest('hex').slice(0, 16);
  process.stdout.write(`${JSON.stringify({ steps: result.stepsRun, ms: Math.round(ms), final: result.final, sha256: hash })}\n`);
  process.exit(0);
}
const depth = Number(values.depth);
const width = Number(values.width);
const batch = Number(values.batch);
const timedSteps = Number(values.steps);
const WARM_UP = 5;
const INPUTS = 784;
const OUTPUTS = 10;
const TEST_ROWS = 2000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

await initBackend({ backend: 'wasm' });
const spec: NetworkSpec = { inputSize: INPUTS, outputSize: OUTPUTS, width, depth, activation: { kind: 'tanhN', n: 2 } };
const init = { kind: 'gaussian' as const, sw2: 0.25, sb2: 0 };
const parameters = initParameters(spec, init, 1);
const random = Random.fromSeed(7);
const batchX = Float32Array.from({ length: batch * INPUTS }, () => random.normal());
const batchLabels = Int32Array.from({ length: batch }, (_, i) => i % OUTPUTS);
const optimiser = { kind: 'sgd' as const, hiddenLr: 0.001, readoutLr: 0.001 };

// 1. The real step.
const trainer = new Trainer(spec, parameters, { loss: 'softmax-cross-entropy', optimiser });
const stepMs: number[] = [];
for (let s = 0; s < WARM_UP + timedSteps; s++) {
  const t0 = performance.now();
  const x = tf.tensor2d(batchX, [batch, INPUTS]);
  const y = tf.tensor1d(batchLabels, 'int32');
  trainer.step(x, y);
  x.dispose();
  y.dispose();
  if (s >= WARM_UP) stepMs.push(performance.now() - t0);
}

// 2. The same step, op by op (mirrors trainer.ts/dense.ts), each op group under its own clock.
type Part = 'create/dispose' | 'forward matMul' | 'activation' | 'loss' | 'transpose' | 'backward matMul' | 'activation derivative' | 'optimiser' | 'loss dataSync';
const totals = new Map<Part, number>();
const clock = <T>(part: Part, f: () => T): T => {
  const t0 = performance.now();
  const out = f();
  totals.set(part, (totals.get(part) ?? 0) + performance.now() - t0);
  return out;
};
const weights = parameters.weights.map((w, l) => tf.variable(tf.tensor2d(Float32Array.from(w), l === 0 ? [INPUTS, width] : l === depth ? [width, OUTPUTS] : [width, width]), false));
const biases = parameters.biases.map((b) => tf.variable(tf.tensor1d(Float32Array.from(b)), false));
const activation = denseActivation(spec.activation);
const opt = createOptimiser(optimiser, weights.flatMap((w, l) => [{ variable: w as tf.Variable, group: l === depth ? 'readout' as const : 'hidden' as const }, { variable: biases[l] as tf.Variable, group: l === depth ? 'readout' as const : 'hidden' as const }]));
const instrumentedMs: number[] = [];
for (let s = 0; s < WARM_UP + timedSteps; s++) {
  if (s === WARM_UP) totals.clear();
  const t0 = performance.now();
  const x = clock('create/dispose', () => tf.tensor2d(batchX, [batch, INPUTS]));
  const y = clock('create/dispose', () => tf.tensor1d(batchLabels, 'int32'));
  const inputs: tf.Tensor2D[] = [x];
  let h: tf.Tensor2D = x;
  for (let l = 0; l < depth; l++) {
    const z = clock('forward matMul', () => tf.fused.matMul({ a: h, b: weights[l]!, bias: biases[l]!, activation: 'linear' }) as tf.Tensor2D);
    h = clock('activation', () => activation.apply(z));
    clock('create/dispose', () => z.dispose());
    inputs.push(h);
  }
  const logits = clock('forward matMul', () => tf.fused.matMul({ a: h, b: weights[depth]!, bias: biases[depth]!, activation: 'linear' }) as tf.Tensor2D);
  const { loss, dLogits } = clock('loss', () => lossAndGradient('softmax-cross-entropy', logits, y));
  clock('create/dispose', () => logits.dispose());
  const ones = clock('create/dispose', () => tf.ones([1, batch]) as tf.Tensor2D);
  let delta = dLogits;
  for (let l = depth; l >= 0; l--) {
    const hl = inputs[l]!;
    const hT = clock('transpose', () => transpose2d(hl));
    const dW = clock('backward matMul', () => tf.matMul(hT, delta));
    const db = clock('backward matMul', () => tf.tidy(() => tf.reshape(tf.matMul(ones, delta), [delta.shape[1]])));
    clock('create/dispose', () => hT.dispose());
    let below: tf.Tensor2D | null = null;
    if (l > 0) {
      const wT = clock('transpose', () => transpose2d(weights[l]!));
      const dh = clock('backward matMul', () => tf.matMul(delta, wT) as tf.Tensor2D);
      below = clock('activation derivative', () => activation.backward(dh as tf.Tensor2D, hl));
      clock('create/dispose', () => {
        wT.dispose();
        dh.dispose();
        hl.dispose();
      });
    }
    clock('optimiser', () => {
      opt.update(2 * l, dW);
      opt.update(2 * l + 1, db);
    });
    clock('create/dispose', () => {
      dW.dispose();
      db.dispose();
      delta.dispose();
    });
    if (below) delta = below;
  }
  clock('create/dispose', () => {
    ones.dispose();
    x.dispose();
    y.dispose();
  });
  clock('loss dataSync', () => loss.dataSync());
  clock('create/dispose', () => loss.dispose());
  if (s >= WARM_UP) instrumentedMs.push(performance.now() - t0);
}
const tensorsLeft = tf.memory().numTensors;

// 3. Evaluation on 2000 rows, and one float64 gradient checkpoint.
const testX = tf.tensor2d(Float32Array.from({ length: TEST_ROWS * INPUTS }, () => random.normal()), [TEST_ROWS, INPUTS]);
const testY = tf.tensor1d(Int32Array.from({ length: TEST_ROWS }, (_, i) => i % OUTPUTS), 'int32');
const evaluateMs: number[] = [];
for (let r = 0; r < 7; r++) {
  const t0 = performance.now();
  trainer.evaluate(testX, testY);
  if (r > 0) evaluateMs.push(performance.now() - t0);
}
const x64 = Float64Array.from(batchX);
const checkpointMs: number[] = [];
const copyMs: number[] = [];
for (let r = 0; r < 4; r++) {
  const t0 = performance.now();
  const now = trainer.parameters();
  const t1 = performance.now();
  forwardBackward64(spec, now, x64, { kind: 'labels', labels: batchLabels }, 'softmax-cross-entropy');
  if (r > 0) {
    copyMs.push(t1 - t0);
    checkpointMs.push(performance.now() - t0);
  }
}

// 4. Worker start-up: until a tiny run (depth 1, width 4, teacher-student, 1 step) is answered.
async function workerStartUpMs(): Promise<number> {
  const tiny = {
    task: { kind: 'teacher-student', target: 'regression', inputSize: 4, outputSize: 1, teacher: { width: 4, depth: 1, activation: { kind: 'tanhN', n: 1 } }, trainCount: 8, testCount: 8, noise: 0, seed: 1 },
    network: { width: 4, depth: 1, activation: { kind: 'tanhN', n: 1 } },
    init: { kind: 'gaussian', sw2: 1, sb2: 0 },
    optimiser: { kind: 'sgd', hiddenLr: 0.01, readoutLr: 0.01, momentum: 0, hiddenLrOverNSquared: false },
    loss: 'mean-squared-error',
    batchSize: 4,
    steps: 1,
    evalEvery: 1,
    seed: 1,
  };
  const t0 = performance.now();
  const worker = new Worker(WORKER_ENTRY, { workerData: { taskModule: new URL('../src/lib/train/run.ts', import.meta.url).href, options: {} } });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (reply: { ok: boolean; error?: string }) => (reply.ok ? resolve() : reject(new Error(reply.error))));
    worker.once('error', reject);
    worker.postMessage({ id: 0, payload: tiny });
  });
  const ms = performance.now() - t0;
  await worker.terminate();
  return ms;
}
const workerMs: number[] = [];
if (!values['skip-worker']) for (let r = 0; r < 3; r++) workerMs.push(await workerStartUpMs());

const step = median(stepMs);
const instrumented = median(instrumentedMs);
const instrumentedTotal = [...totals.values()].reduce((a, b) => a + b, 0);
const parts = [...totals.entries()].map(([part, ms]) => ({ part, msPerStep: ms / timedSteps, share: ms / instrumentedTotal }));
const report = {
  shape: { depth, width, batch, inputs: INPUTS, outputs: OUTPUTS },
  stepMs: { median: step, min: Math.min(...stepMs), max: Math.max(...stepMs) },
  msPerLayerStep: step / (depth + 1),
  instrumentedStepMs: { median: instrumented, min: Math.min(...instrumentedMs), max: Math.max(...instrumentedMs) },
  parts,
  evaluateMs: { rows: TEST_ROWS, median: median(evaluateMs), min: Math.min(...evaluateMs), max: Math.max(...evaluateMs) },
  gradientCheckpointMs: { median: median(checkpointMs), parametersCopyMedian: median(copyMs), min: Math.min(...checkpointMs), max: Math.max(...checkpointMs) },
  workerStartUpMs: workerMs.length ? { median: median(workerMs), min: Math.min(...workerMs), max: Math.max(...workerMs) } : null,
  tensorsLeft,
};
if (values.json) {
  process.stdout.write(`${JSON.stringify(report)}\n`);
} else {
  const f = (x: number) => x.toFixed(3);
  process.stdout.write(`shape depth ${depth} width ${width} batch ${batch} (784 → 10), wasm, ${timedSteps} timed steps\n`);
  process.stdout.write(`Trainer.step: median ${f(step)} ms (min ${f(report.stepMs.min)}, max ${f(report.stepMs.max)}); ${f(report.msPerLayerStep)} ms per layer-step\n`);
  process.stdout.write(`instrumented step: median ${f(instrumented)} ms\n`);
  for (const p of parts.sort((a, b) => b.share - a.share)) {
    process.stdout.write(`  ${p.part.padEnd(22)} ${f(p.msPerStep).padStart(8)} ms/step  ${(100 * p.share).toFixed(1).padStart(5)} %\n`);
  }
  process.stdout.write(`evaluate(${TEST_ROWS} rows): median ${f(report.evaluateMs.median)} ms (min ${f(report.evaluateMs.min)}, max ${f(report.evaluateMs.max)})\n`);
  process.stdout.write(`float64 checkpoint (batch ${batch}): median ${f(report.gradientCheckpointMs.median)} ms, of which parameters() ${f(report.gradientCheckpointMs.parametersCopyMedian)} ms\n`);
  if (report.workerStartUpMs) process.stdout.write(`worker start-up to first tiny run: median ${f(report.workerStartUpMs.median)} ms (min ${f(report.workerStartUpMs.min)}, max ${f(report.workerStartUpMs.max)})\n`);
  process.stdout.write(`tensors left after the instrumented loop: ${tensorsLeft}\n`);
}
trainer.dispose();
