/**
 * Training speed of src/lib/train on this machine: ms per SGD step and GFLOP/s for two network
 * shapes, and — in the same process, as the ceiling — a plain 256×256 matMul.
 * `npm run bench -- --help` for usage.
 */
import * as tf from '@tensorflow/tfjs';
import os from 'node:os';
import { parseArgs } from 'node:util';

import { initParameters } from '../src/lib/math/init.ts';
import { type NetworkSpec, weightCount } from '../src/lib/math/network.ts';
import { Random } from '../src/lib/math/random.ts';
import { type BackendChoice, initBackend } from '../src/lib/train/backend.ts';
import { Trainer } from '../src/lib/train/trainer.ts';

const HELP = `Usage: npm run bench -- [--json] [--backend wasm|node|cpu]

Times SGD steps of tanh(2x) networks (input size = width, 10 outputs, softmax cross-entropy):
  B  depth 20, width 128, batch 64
  D  depth 50, width 256, batch 128
reporting the median step after a few warm-up steps; GFLOP/s counts 6·weights·batch per step.
Then times a plain 256×256 matMul in the same process, as the ceiling.

  --json      print one line: {"backend","shapes":[{"name","depth","width","batch","msPerStep","gflops"}],"matmulGflops"}
  --backend   wasm (default), node (tfjs-node, where it installs) or cpu`;

interface Shape {
  name: string;
  depth: number;
  width: number;
  batch: number;
  warmUp: number;
  timed: number;
}

const SHAPES: Shape[] = [
  { name: 'B', depth: 20, width: 128, batch: 64, warmUp: 5, timed: 40 },
  { name: 'D', depth: 50, width: 256, batch: 128, warmUp: 3, timed: 15 },
];

const MATMUL_SIZE = 256;

interface ShapeResult {
  name: string;
  depth: number;
  width: number;
  batch: number;
  msPerStep: number;
  gflops: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function benchShape(shape: Shape): ShapeResult {
  const spec: NetworkSpec = { inputSize: shape.width, width: shape.width, depth: shape.depth, outputSize: 10, activation: { kind: 'tanhN', n: 2 } };
  const parameters = initParameters(spec, { kind: 'gaussian', sw2: 1, sb2: 0 }, 1);
  const trainer = new Trainer(spec, parameters, { loss: 'softmax-cross-entropy', optimiser: { kind: 'sgd', hiddenLr: 0.01, readoutLr: 0.01 } });
  const random = Random.stream(1, 'bench-batch');
  const x = tf.tensor2d(Float32Array.from(random.fillNormal(new Float64Array(shape.batch * shape.width))), [shape.batch, shape.width]);
  const labels = tf.tensor1d(Int32Array.from({ length: shape.batch }, () => random.int(10)), 'int32');
  const times: number[] = [];
  for (let i = 0; i < shape.warmUp + shape.timed; i++) {
    const start = performance.now();
    trainer.step(x, labels);
    if (i >= shape.warmUp) times.push(performance.now() - start);
  }
  trainer.dispose();
  x.dispose();
  labels.dispose();
  const msPerStep = median(times);
  const flop = 6 * weightCount(spec) * shape.batch;
  return { name: shape.name, depth: shape.depth, width: shape.width, batch: shape.batch, msPerStep, gflops: flop / (msPerStep * 1e6) };
}

/** GFLOP/s of a plain (untransposed, 2-D) 256×256 by 256×256 matMul: median of 9 rounds. */
function benchMatMul(): number {
  const a = tf.randomNormal([MATMUL_SIZE, MATMUL_SIZE], 0, 1, 'float32', 1);
  const b = tf.randomNormal([MATMUL_SIZE, MATMUL_SIZE], 0, 1, 'float32', 2);
  const reps = 50;
  const rounds: number[] = [];
  for (let round = 0; round < 10; round++) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) tf.matMul(a, b).dispose();
    if (round > 0) rounds.push((performance.now() - start) / reps);
  }
  a.dispose();
  b.dispose();
  return (2 * MATMUL_SIZE ** 3) / (median(rounds) * 1e6);
}

function table(backend: string, shapes: ShapeResult[], matmulGflops: number): string {
  const cpus = os.cpus();
  const rows = [
    ['shape', 'depth', 'width', 'batch', 'ms/step', 'GFLOP/s'],
    ...shapes.map((s) => [s.name, String(s.depth), String(s.width), String(s.batch), s.msPerStep.toFixed(1), s.gflops.toFixed(1)]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const lines = rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  return [
    `backend  ${backend}`,
    `machine  ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${os.platform()} ${os.arch()}, Node ${process.version}`,
    '',
    ...lines,
    '',
    `ceiling  plain ${MATMUL_SIZE}×${MATMUL_SIZE} matMul: ${matmulGflops.toFixed(1)} GFLOP/s`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, backend: { type: 'string', default: 'wasm' }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (!['wasm', 'node', 'cpu'].includes(values.backend!)) throw new Error(`--backend must be wasm, node or cpu, got ${values.backend}`);
  const backend = await initBackend({ backend: values.backend as BackendChoice });
  const shapes = SHAPES.map(benchShape);
  const matmulGflops = benchMatMul();
  if (values.json) {
    const round = (x: number, digits: number) => Number(x.toFixed(digits));
    const json = {
      backend,
      shapes: shapes.map((s) => ({ ...s, msPerStep: round(s.msPerStep, 2), gflops: round(s.gflops, 2) })),
      matmulGflops: round(matmulGflops, 2),
    };
    console.log(JSON.stringify(json));
  } else {
    console.log(table(backend, shapes, matmulGflops));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
