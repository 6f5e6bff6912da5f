/**
 * Hand-made sweep records for the analysis tests: one small MNIST-shaped run per call, with the
 * final accuracy given (null: diverged) and everything else a test does not care about fixed.
 */
import type { SweepRecordData as SweepDataset } from '../../../src/lib/records/schemas/sweep';
import { runConfigSchema, type RunResult } from '../../../src/lib/records/schemas/run';

export type Run = SweepDataset['runs'][number];

export interface FakeRun {
  variant: string;
  depth: number;
  seed: number;
  /** Final test accuracy; null makes the run diverged. */
  accuracy: number | null;
  n?: number;
  init?: { kind: string; sw2: number; sb2: number };
  hiddenLr?: number;
  readoutLr?: number;
  /** Run key (default: variant-depth-seed); equal keys mark runs two sweeps share. */
  key?: string;
  /** Test-accuracy curve; default none. */
  curve?: RunResult['curve'];
  /** Steps a diverged run got through (default 3). */
  divergedAtStep?: number;
  /** Extra network fields (residual, layerNorm) and SGD fields (clipNorm). */
  network?: Record<string, unknown>;
  optimiser?: Record<string, unknown>;
  /** Outcome of a run that did not diverge (default completed). */
  outcome?: 'completed' | 'stopped';
}

export function fakeRun(r: FakeRun): Run {
  const hiddenLr = r.hiddenLr ?? 0.01;
  const config = runConfigSchema.parse({
    task: { kind: 'mnist', trainCount: 100, testCount: 50, seed: 1 },
    network: { width: 8, depth: r.depth, activation: { kind: 'tanhN', n: r.n ?? 1 }, ...r.network },
    init: r.init ?? { kind: 'gaussian', sw2: 1, sb2: 0 },
    optimiser: { kind: 'sgd', hiddenLr, readoutLr: r.readoutLr ?? hiddenLr, ...r.optimiser },
    loss: 'softmax-cross-entropy',
    batchSize: 4,
    steps: 10,
    evalEvery: 5,
    seed: r.seed,
  });
  const diverged = r.accuracy === null;
  const result: RunResult = {
    outcome: diverged ? 'diverged' : (r.outcome ?? 'completed'),
    stepsRun: diverged ? (r.divergedAtStep ?? 3) : 10,
    divergedAtStep: diverged ? (r.divergedAtStep ?? 3) : null,
    curve: r.curve ?? [],
    gradients: [],
    final: { trainLoss: null, testLoss: null, testAccuracy: r.accuracy },
  };
  return { index: 0, key: r.key ?? `${r.variant}-${r.depth}-${r.seed}`, variant: r.variant, point: { 'network.depth': r.depth }, seed: r.seed, config, result };
}

export const sweep = (runs: Run[]): SweepDataset => ({ description: 'test', runs: runs.map((r, index) => ({ ...r, index })) });
