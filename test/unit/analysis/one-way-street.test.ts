import { describe, expect, it } from 'vitest';
import { analyseOneWayStreet, type OneWayStreetConfig } from '../../../src/lib/analysis/one-way-street.ts';
import analysis from '../../../src/lib/data/producers/one-way-street-analysis.ts';
import type { SweepRecordData as SweepDataset } from '../../../src/lib/records/schemas/sweep.ts';
import { runConfigSchema } from '../../../src/lib/records/schemas/run.ts';

const FILE = 'content/data/one-way-street.json';
const GRAD_H_LAST = 0.1;

const config: OneWayStreetConfig = {
  reference: { n: 1, sw2: 1 },
  thresholds: { vanishedBelow: 0.01, explodedAbove: 100 },
  confidence: 0.95,
  sensitivityDecades: [1, 3],
  profileRuns: [{ depth: 3, n: 1, sw2: 1, seed: 1 }],
  profileSteps: [0, 10],
};

interface FakeRun {
  depth?: number;
  n: number;
  sw2: number;
  seed?: number;
  /** First-layer gain G at steps 0, 10, 20, … (null: a non-finite first-layer norm). */
  gains: Array<number | null>;
  diverged?: boolean;
}

/** A sweep whose runs have exactly the given first-layer gains G = ‖∂L/∂W_1‖ / ‖∂L/∂h_L‖. */
function sweep(runs: FakeRun[]): SweepDataset {
  return {
    description: 'synthetic',
    runs: runs.map((r, index) => {
      const depth = r.depth ?? 3;
      const seed = r.seed ?? 1;
      const config = runConfigSchema.parse({
        task: { kind: 'mnist', trainCount: 100, testCount: 10, seed: 1 },
        network: { width: 4, depth, activation: { kind: 'tanhN', n: r.n } },
        init: { kind: 'gaussian', sw2: r.sw2, sb2: 0 },
        optimiser: { kind: 'sgd', hiddenLr: 0.01, readoutLr: 0.01 },
        loss: 'softmax-cross-entropy',
        batchSize: 8,
        steps: Math.max(10, 10 * (r.gains.length - 1)),
        evalEvery: 10,
        gradientStats: { every: 10, batchSize: 8 },
        seed,
      });
      const gradients = r.gains.map((g, i) => ({
        step: 10 * i,
        loss: 1,
        gradHNorm: Array.from({ length: depth }, (_, l) => (l === depth - 1 ? GRAD_H_LAST : 1)),
        gradWNorm: Array.from({ length: depth + 1 }, (_, l) => (l === 0 ? (g === null ? null : g * GRAD_H_LAST) : 1)),
        preActivationMeanSquare: Array.from({ length: depth }, () => 1),
      }));
      return {
        index,
        key: `run-${index}`,
        variant: null,
        point: {},
        seed,
        config,
        result: {
          outcome: r.diverged ? ('diverged' as const) : ('completed' as const),
          stepsRun: config.steps,
          divergedAtStep: r.diverged ? config.steps + 3 : null,
          curve: [],
          gradients,
          final: { trainLoss: null, testLoss: null, testAccuracy: r.diverged ? null : 0.5 },
        },
      };
    }),
  };
}

// Reference gain 4 at depth 3 (geometric mean of 2 and 8 over two seeds).
const reference: FakeRun[] = [
  { n: 1, sw2: 1, seed: 1, gains: [2, 2, 2] },
  { n: 1, sw2: 1, seed: 2, gains: [8, 8, 8] },
];

describe('the one-way-street analysis', () => {
  it('measures gains relative to the reference set-up at initialisation and classifies each checkpoint', () => {
    const data = analyseOneWayStreet(
      sweep([...reference, { n: 2, sw2: 1, gains: [4000, 4, 0.004] }, { n: 0.5, sw2: 1, gains: [0, 0.4, null] }]),
      config,
      FILE,
    );
    expect(data.reference.gains).toEqual([{ depth: 3, gain: expect.closeTo(4, 12), runs: 2 }]);
    const chaotic = data.runs[2]!;
    expect(chaotic.checkpoints.map((k) => k.state)).toEqual(['exploded', 'healthy', 'vanished']);
    expect(chaotic.checkpoints[0]!.relativeGain).toBeCloseTo(1000, 9);
    expect(chaotic.checkpoints[2]!.log10RelativeGain).toBeCloseTo(-3, 9);
    expect(chaotic.effectiveSw2).toBe(4);
    const ordered = data.runs[3]!;
    // G = 0 is vanished (no log); a non-finite norm is an overflow, hence exploded.
    expect(ordered.checkpoints.map((k) => k.state)).toEqual(['vanished', 'healthy', 'exploded']);
    expect(ordered.checkpoints[0]!.log10RelativeGain).toBeNull();
    expect(ordered.checkpoints[2]!.gain).toBeNull();
  });

  it('counts transitions within runs, splits the first interval from the later ones, and gives intervals', () => {
    const data = analyseOneWayStreet(
      sweep([...reference, { n: 2, sw2: 1, gains: [4000, 0.004, 0.004, 4] }, { n: 3, sw2: 1, gains: [4000, 0.004, 0.004, 0.004] }]),
      config,
      FILE,
    );
    const [all, first, later] = ['all', 'first interval', 'later intervals'].map((name) => data.transitions.find((t) => t.name === name));
    expect(all!.total).toBe(2 * 2 + 3 + 3);
    expect(first!.total).toBe(4);
    expect(later!.total).toBe(all!.total - first!.total);
    const fromVanished = all!.rows.find((r) => r.from === 'vanished')!;
    // vanished → vanished three times, vanished → healthy once.
    expect(fromVanished.total).toBe(4);
    expect(fromVanished.to.find((t) => t.state === 'healthy')).toMatchObject({ count: 1, probability: 0.25 });
    const toHealthy = fromVanished.to.find((t) => t.state === 'healthy')!;
    expect(toHealthy.low!).toBeLessThan(0.25);
    expect(toHealthy.high!).toBeGreaterThan(0.25);
    // Nothing was ever seen leaving "exploded" except to "vanished".
    expect(all!.rows.find((r) => r.from === 'exploded')!.to.map((t) => t.count)).toEqual([0, 2, 0]);

    const vanished = data.visits.find((v) => v.state === 'vanished')!;
    expect(vanished).toEqual({
      state: 'vanished',
      startedIn: 0,
      entered: 2,
      enteredDuringTraining: 2,
      left: 1,
      endedIn: 1,
      reachedHealthyAfter: 1,
      startedInAndLeft: 0,
      enteredMeanFinalAccuracy: 0.5,
    });
    const exploded = data.visits.find((v) => v.state === 'exploded')!;
    expect(exploded).toMatchObject({ startedIn: 2, startedInAndLeft: 2, endedIn: 0 });
  });

  it('groups runs by their phase at initialisation, n²σ_w² below, at or above 1', () => {
    const data = analyseOneWayStreet(
      sweep([...reference, { n: 0.5, sw2: 2, gains: [0.001, 0.001, 0.001] }, { n: 0.5, sw2: 4, gains: [4, 4, 4] }, { n: 2, sw2: 1, gains: [4000, 0.001, 4] }]),
      config,
      FILE,
    );
    expect(data.runs.map((r) => r.phase)).toEqual(['critical', 'critical', 'ordered', 'critical', 'chaotic']);
    expect(data.phases).toEqual([
      { phase: 'ordered', runs: 1, setups: 1, meanFinalAccuracy: 0.5 },
      { phase: 'critical', runs: 3, setups: 2, meanFinalAccuracy: 0.5 },
      { phase: 'chaotic', runs: 1, setups: 1, meanFinalAccuracy: 0.5 },
    ]);
    const set = (name: string) => data.transitions.find((t) => t.name === name)!;
    const vanishedRow = (name: string) => set(name).rows.find((r) => r.from === 'vanished')!;
    expect(vanishedRow('ordered').to.map((t) => t.count)).toEqual([0, 2, 0]);
    expect(vanishedRow('chaotic').to.map((t) => t.count)).toEqual([1, 0, 0]);
    expect(set('critical').runs).toBe(3);
    const ordered = data.visitsByPhase.find((v) => v.phase === 'ordered' && v.state === 'vanished')!;
    expect(ordered).toMatchObject({ startedIn: 1, entered: 1, enteredDuringTraining: 0, left: 0, endedIn: 1 });
    const setup = data.setups.find((x) => x.n === 0.5 && x.sw2 === 4)!;
    expect(setup).toMatchObject({ effectiveSw2: 1, phase: 'critical', runs: 1, endStates: { healthy: 1, vanished: 0, exploded: 0 } });
  });

  it('reports a state no run ever left without inventing an estimate', () => {
    const data = analyseOneWayStreet(sweep(reference), config, FILE);
    const fromExploded = data.transitions[0]!.rows.find((r) => r.from === 'exploded')!;
    expect(fromExploded.total).toBe(0);
    expect(fromExploded.to.every((t) => t.probability === null && t.low === null && t.high === null)).toBe(true);
  });

  it('keeps diverged runs up to their last checkpoint and reports where they were', () => {
    const data = analyseOneWayStreet(sweep([...reference, { n: 3, sw2: 4, gains: [4000, 40000], diverged: true }]), config, FILE);
    expect(data.diverged).toEqual({ runs: 1, lastStates: { healthy: 0, vanished: 0, exploded: 1 } });
    expect(data.runs[2]!.checkpoints).toHaveLength(2);
    expect(data.runs[2]!.finalTestAccuracy).toBeNull();
  });

  it('repeats the headline numbers for other thresholds', () => {
    const data = analyseOneWayStreet(sweep([...reference, { n: 2, sw2: 1, gains: [4000, 0.2, 0.2, 4] }]), config, FILE);
    const [one, three] = data.sensitivity;
    // 10^∓1: G/G_ref = 0.05 is vanished; 10^∓3: it is healthy, and 1000 is not above 1000.
    const chaotic = (row: typeof one) => row!.vanished.find((v) => v.phase === 'chaotic')!;
    expect(chaotic(one).entered).toBe(1);
    expect(one!.vanishedToHealthy).toMatchObject({ count: 1 });
    expect(chaotic(three).entered).toBe(0);
    expect(three!.vanishedTotal).toBe(0);
    expect(three!.checkpointStates).toEqual({ healthy: 10, vanished: 0, exploded: 0 });
  });

  it('draws per-layer norms of the selected runs, skipping steps a run did not reach', () => {
    const selected = { ...config, profileRuns: [{ depth: 3, n: 2, sw2: 1, seed: 1 }] };
    const data = analyseOneWayStreet(sweep([...reference, { n: 2, sw2: 1, gains: [4000] }]), selected, FILE);
    expect(data.layerProfiles.map((p) => [p.step, p.layer])).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
    expect(data.layerProfiles[0]!.gradWNorm).toBeCloseTo(400, 10);
  });

  it('states how much the first and last layer’s gradients changed between the first and last drawn checkpoint', () => {
    const selected = { ...config, profileRuns: [{ depth: 3, n: 2, sw2: 1, seed: 1 }], profileSteps: [0, 10, 20] };
    const data = analyseOneWayStreet(sweep([...reference, { n: 2, sw2: 1, gains: [4000, 400, 40] }]), selected, FILE);
    expect(data.profileChanges).toEqual([
      { depth: 3, n: 2, sw2: 1, seed: 1, fromStep: 0, toStep: 20, firstLayerRatio: expect.closeTo(0.01, 12), lastLayerRatio: 1 },
    ]);
  });

  it('fails naming the record when the reference set-up, a selected run or gradient statistics are missing', () => {
    expect(() => analyseOneWayStreet(sweep([{ n: 2, sw2: 1, gains: [1] }]), config, FILE)).toThrow(
      /one-way-street\.json: no run of the reference set-up n = 1, σ_w² = 1 at depth 3/,
    );
    const noProfile = { ...config, profileRuns: [{ depth: 3, n: 9, sw2: 1, seed: 1 }] };
    expect(() => analyseOneWayStreet(sweep(reference), noProfile, FILE)).toThrow(/config\.profileRuns: no run with depth 3, n 9/);
    const empty = sweep(reference);
    empty.runs[1]!.result.gradients = [];
    expect(() => analyseOneWayStreet(empty, config, FILE)).toThrow(/run 1 \(run-1\): no gradient statistics/);
    expect(() => analyseOneWayStreet({ description: 'x', runs: [] }, config, FILE)).toThrow(/no runs/);
  });

  it('has a publication config its own schema accepts, with thresholds in the right order', () => {
    expect(() => analysis.configSchema.parse(analysis.config)).not.toThrow();
    expect(analysis.config.thresholds.vanishedBelow).toBeLessThan(analysis.config.thresholds.explodedAbove);
  });
});
