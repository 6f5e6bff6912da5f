import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/lib/train/backend';
import { runTraining } from '../../../src/lib/train/run';
import { runConfigSchema, runResultSchema, type RunConfigInput } from '../../../src/lib/records/schemas/run';

const base: RunConfigInput = {
  task: {
    kind: 'teacher-student',
    target: 'classification',
    inputSize: 12,
    outputSize: 4,
    teacher: { width: 16, depth: 1, activation: { kind: 'tanhN', n: 1 } },
    trainCount: 256,
    testCount: 128,
    seed: 3,
  },
  network: { width: 24, depth: 3, activation: { kind: 'tanhN', n: 1 } },
  init: { kind: 'gaussian', sw2: 1, sb2: 0.05 },
  optimiser: { kind: 'sgd', hiddenLr: 0.1, readoutLr: 0.1 },
  loss: 'softmax-cross-entropy',
  batchSize: 32,
  steps: 20,
  evalEvery: 10,
  gradientStats: { every: 10, batchSize: 32 },
  seed: 1,
};
const config = (overrides: Partial<RunConfigInput> = {}) => runConfigSchema.parse({ ...base, ...overrides });

describe('one training run', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it('records test metrics and float64 gradient statistics at the steps asked for', () => {
    const result = runResultSchema.parse(runTraining(config()));
    expect(result.outcome).toBe('completed');
    expect(result.stepsRun).toBe(20);
    expect(result.curve.map((p) => p.step)).toEqual([0, 10, 20]);
    expect(result.curve[0]!.trainLoss).toBeNull();
    expect(result.gradients.map((g) => g.step)).toEqual([0, 10, 20]);
    expect(result.gradients[0]!.gradHNorm).toHaveLength(3);
    expect(result.gradients[0]!.gradWNorm).toHaveLength(4); // hidden layers + readout
    // Training on a learnable task lowers the training loss.
    expect(result.curve[2]!.trainLoss!).toBeLessThan(result.curve[1]!.trainLoss! + 0.05);
    expect(result.final.testAccuracy).toBe(result.curve[2]!.testAccuracy);
  });

  it('the same config gives the same bytes; another seed does not', () => {
    expect(JSON.stringify(runTraining(config()))).toBe(JSON.stringify(runTraining(config())));
    expect(JSON.stringify(runTraining(config({ seed: 2 })))).not.toBe(JSON.stringify(runTraining(config())));
  });

  it('a diverging run is recorded as an outcome, with the step, not thrown', () => {
    const result = runResultSchema.parse(
      // ReLU is unbounded: a huge learning rate overflows float32 within a few steps.
      runTraining(
        config({
          network: { width: 24, depth: 3, activation: { kind: 'relu' } },
          optimiser: { kind: 'sgd', hiddenLr: 1e4, readoutLr: 1e4 },
          init: { kind: 'gaussian', sw2: 4, sb2: 0 },
        }),
      ),
    );
    expect(result.outcome).toBe('diverged');
    expect(result.divergedAtStep).not.toBeNull();
    expect(result.stepsRun).toBe(result.divergedAtStep);
    expect(result.final).toEqual({ trainLoss: null, testLoss: null, testAccuracy: null });
  });

  it('stops early, as "stopped", once the test accuracy target is reached', () => {
    const result = runTraining(config({ stopAtTestAccuracy: 0 }));
    expect(result.outcome).toBe('stopped');
    expect(result.stepsRun).toBe(10);
  });
});
