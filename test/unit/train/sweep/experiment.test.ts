import { describe, expect, it } from 'vitest';
import { expandRuns, parseExperiment, resolveProfile } from '../../../../src/lib/train/sweep/experiment.ts';

const FILE = 'content/experiments/example.json';

const base = {
  task: { kind: 'mnist', trainCount: 800, testCount: 200, seed: 1 },
  network: { width: 32, depth: 4, activation: { kind: 'tanhN', n: 1 } },
  init: { kind: 'gaussian', sw2: 1, sb2: 0 },
  optimiser: { kind: 'sgd', hiddenLr: 0.1, readoutLr: 0.1 },
  loss: 'softmax-cross-entropy',
  batchSize: 32,
  steps: 100,
  evalEvery: 50,
};

const experiment = (overrides: Record<string, unknown> = {}) => ({
  description: 'an example',
  base,
  seeds: [1, 2],
  grid: { 'network.activation.n': [0.5, 2], 'init.sw2': [1, 4] },
  profiles: { smoke: { seeds: [1], grid: { 'network.activation.n': [2] }, set: { steps: 5 } } },
  ...overrides,
});

describe('sweep configs', () => {
  it('expand as variants × grid (last key fastest) × seeds, in a fixed order', () => {
    const runs = expandRuns(FILE, resolveProfile(FILE, parseExperiment(FILE, experiment()), 'full'));
    expect(runs.map((r) => [r.point['network.activation.n'], r.point['init.sw2'], r.seed])).toEqual([
      [0.5, 1, 1],
      [0.5, 1, 2],
      [0.5, 4, 1],
      [0.5, 4, 2],
      [2, 1, 1],
      [2, 1, 2],
      [2, 4, 1],
      [2, 4, 2],
    ]);
    expect(runs[6]!.config.network.activation).toEqual({ kind: 'tanhN', n: 2 });
    expect(runs[6]!.config.init).toEqual({ kind: 'gaussian', sw2: 4, sb2: 0 });
    expect(runs[6]!.config.optimiser).toEqual({ kind: 'sgd', hiddenLr: 0.1, readoutLr: 0.1, momentum: 0, hiddenLrOverNSquared: false });
    expect(new Set(runs.map((r) => r.key)).size).toBe(8);
  });

  it('variants set several fields at once, including replacing a whole activation', () => {
    const exp = experiment({
      grid: undefined,
      seeds: [3],
      variants: [
        { name: 'tanh(2x)', set: { 'network.activation.n': 2 } },
        { name: 'relu', set: { 'network.activation': { kind: 'relu' }, 'optimiser.hiddenLr': 0.01 } },
      ],
    });
    const runs = expandRuns(FILE, resolveProfile(FILE, parseExperiment(FILE, exp), 'full'));
    expect(runs.map((r) => [r.variant, r.config.network.activation, r.config.optimiser.hiddenLr])).toEqual([
      ['tanh(2x)', { kind: 'tanhN', n: 2 }, 0.1],
      ['relu', { kind: 'relu' }, 0.01],
    ]);
  });

  it('the smoke profile replaces seeds and grid and sets base fields', () => {
    const runs = expandRuns(FILE, resolveProfile(FILE, parseExperiment(FILE, experiment()), 'smoke'));
    expect(runs).toHaveLength(1);
    expect(runs[0]!.config.steps).toBe(5);
    expect(runs[0]!.config.network.activation).toEqual({ kind: 'tanhN', n: 2 });
  });

  it('the same run has the same key whatever else the sweep holds', () => {
    const full = expandRuns(FILE, resolveProfile(FILE, parseExperiment(FILE, experiment()), 'full'));
    const fewer = expandRuns(FILE, resolveProfile(FILE, parseExperiment(FILE, experiment({ seeds: [2] })), 'full'));
    expect(fewer[0]!.key).toBe(full[1]!.key);
  });

  it('a malformed file fails naming the file and the field', () => {
    expect(() => parseExperiment(FILE, experiment({ seeds: 'one' }))).toThrow(
      'content/experiments/example.json: field seeds: Expected array, received string',
    );
    expect(() => parseExperiment(FILE, experiment({ seeed: [1] }))).toThrow(/example\.json: field \(root\): Unrecognized key\(s\) in object: 'seeed'/);
  });

  it('an invalid run fails naming the run and the field', () => {
    const exp = parseExperiment(FILE, experiment({ grid: { 'init.sw2': [1, -2] } }));
    expect(() => expandRuns(FILE, resolveProfile(FILE, exp, 'full'))).toThrow(
      'content/experiments/example.json: run 2 (init.sw2 = -2, seed 1): field init.sw2: Number must be greater than or equal to 0',
    );
  });

  it('a path that does not exist in the base run is a typo, not a new field', () => {
    const exp = parseExperiment(FILE, experiment({ grid: { 'network.activation.m': [1] } }));
    expect(() => expandRuns(FILE, resolveProfile(FILE, exp, 'full'))).toThrow(
      'example.json: run 0 (network.activation.m = 1, seed 1): grid "network.activation.m": no field "network.activation.m" in the base run to set',
    );
  });

  it('duplicate runs are refused', () => {
    const exp = parseExperiment(FILE, experiment({ seeds: [1, 1] }));
    expect(() => expandRuns(FILE, resolveProfile(FILE, exp, 'full'))).toThrow('two runs have identical configs');
  });
});
