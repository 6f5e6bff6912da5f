import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync as nodeWriteFile } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseExperiment, resolveProfile } from '../../../../src/lib/train/sweep/experiment.ts';
import { isShardOutcome, runSweep, type SweepOptions, type SweepOutcome, type ShardOutcome } from '../../../../src/lib/train/sweep/sweep.ts';

/** The data of a whole sweep (its timing aside, which differs from run to run). */
const dataOf = (outcome: SweepOutcome | ShardOutcome) => {
  if (isShardOutcome(outcome)) throw new Error('expected a whole sweep');
  return outcome.data;
};

const FILE = 'content/experiments/fake.json';
const TASK = fileURLToPath(new URL('./fixtures/fake-training-task.ts', import.meta.url));

function experiment(hiddenLrs: number[] = [0.1]) {
  return resolveProfile(
    FILE,
    parseExperiment(FILE, {
      description: 'fake',
      base: {
        task: { kind: 'mnist', trainCount: 100, testCount: 10, seed: 1 },
        network: { width: 8, depth: 2, activation: { kind: 'tanhN', n: 1 } },
        init: { kind: 'gaussian', sw2: 1, sb2: 0 },
        optimiser: { kind: 'sgd', hiddenLr: 0.1, readoutLr: 0.1 },
        loss: 'softmax-cross-entropy',
        batchSize: 10,
        steps: 5,
        evalEvery: 5,
      },
      seeds: [1, 2, 3],
      grid: { 'network.activation.n': [0.5, 1, 2], 'optimiser.hiddenLr': hiddenLrs },
      profiles: { smoke: {} },
    }),
    'full',
  );
}

describe('sweeps', () => {
  let cacheRoot: string;
  const contexts: string[] = [];
  const context = (overrides: Partial<SweepOptions> = {}): SweepOptions => {
    const cacheDir = mkdtempSync(join(cacheRoot, 'c-'));
    contexts.push(cacheDir);
    return { log: () => {}, progress: () => {}, cacheDir, workers: 1, backend: 'wasm', shard: null, mergeOnly: false, fresh: false, ...overrides };
  };
  beforeEach(() => {
    cacheRoot = mkdtempSync(join(tmpdir(), 'tanh-nx-sweep-'));
  });
  afterEach(() => rmSync(cacheRoot, { recursive: true, force: true }));

  it('give the same result with one worker or two', async () => {
    const one = await runSweep(FILE, experiment(), context({ workers: 1 }), TASK);
    const two = await runSweep(FILE, experiment(), context({ workers: 2 }), TASK);
    expect(JSON.stringify(dataOf(two))).toBe(JSON.stringify(dataOf(one)));
    expect(dataOf(one).runs.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('shards run separately and merged equal the whole sweep', async () => {
    const whole = await runSweep(FILE, experiment(), context(), TASK);
    const shared = context();
    const first = await runSweep(FILE, experiment(), { ...shared, shard: { index: 1, count: 2 } }, TASK);
    const second = await runSweep(FILE, experiment(), { ...shared, shard: { index: 2, count: 2 }, workers: 2 }, TASK);
    expect(first).toEqual({ shardDone: true, ran: 5, cached: 0, total: 9 });
    expect(second).toEqual({ shardDone: true, ran: 4, cached: 0, total: 9 });
    const merged = await runSweep(FILE, experiment(), { ...shared, mergeOnly: true }, TASK);
    expect(JSON.stringify(dataOf(merged))).toBe(JSON.stringify(dataOf(whole)));
  });

  it('a fresh regeneration (--force) reruns every run instead of reusing saved ones', async () => {
    const shared = context();
    await runSweep(FILE, experiment(), shared, TASK);
    const progress: Array<[number, number]> = [];
    await runSweep(FILE, experiment(), { ...shared, fresh: true, progress: (d, t) => progress.push([d, t]) }, TASK);
    expect(progress[0]).toEqual([0, 9]);
  });

  it('a merge with a shard missing fails, listing the missing runs', async () => {
    const shared = context();
    await runSweep(FILE, experiment(), { ...shared, shard: { index: 1, count: 3 } }, TASK);
    await expect(runSweep(FILE, experiment(), { ...shared, mergeOnly: true }, TASK)).rejects.toThrow(
      /cannot merge, 6 of 9 runs have no result .* \(runs 1, 2, 4, 5, 7, 8\); run the missing shards first/,
    );
  });

  it('a sweep that crashed resumes: finished runs are kept and only the rest run', async () => {
    const shared = context();
    // Runs with hiddenLr 0.999 crash: the sweep stops, but every run finished before is saved.
    await expect(runSweep(FILE, experiment([0.1, 0.999]), shared, TASK)).rejects.toThrow('simulated crash');
    const saved = readdirSync(join(shared.cacheDir, 'runs')).length;
    expect(saved).toBeGreaterThan(0);
    const progress: Array<[number, number, number]> = [];
    const resumed = await runSweep(FILE, experiment([0.1]), { ...shared, progress: (d, t, r) => progress.push([d, t, r]) }, TASK);
    // The runs of the smaller sweep that were already done are reused, not rerun, and reported as such.
    expect(progress[0]![0]).toBeGreaterThan(0);
    expect(progress[0]![2]).toBe(progress[0]![0]);
    const fresh = await runSweep(FILE, experiment([0.1]), context(), TASK);
    expect(JSON.stringify(dataOf(resumed))).toBe(JSON.stringify(dataOf(fresh)));
  });

  it("after a resume, the computing time is the sum of the runs' own times, the earlier ones included", async () => {
    const shared = context();
    await expect(runSweep(FILE, experiment([0.1, 0.999]), shared, TASK)).rejects.toThrow('simulated crash');
    const files = readdirSync(join(shared.cacheDir, 'runs'));
    const before = files.reduce((sum, f) => sum + (JSON.parse(readFileSync(join(shared.cacheDir, 'runs', f), 'utf8')) as { computeMs: number }).computeMs, 0);
    const resumed = await runSweep(FILE, experiment([0.1]), shared, TASK);
    if (isShardOutcome(resumed)) throw new Error('expected a whole sweep');
    const after = readdirSync(join(shared.cacheDir, 'runs')).reduce(
      (sum, f) => sum + (JSON.parse(readFileSync(join(shared.cacheDir, 'runs', f), 'utf8')) as { computeMs: number }).computeMs,
      0,
    );
    // Each run's time is stored in whole milliseconds; the sum may differ from theirs by rounding only.
    const runs = readdirSync(join(shared.cacheDir, 'runs')).length;
    expect(Math.abs(resumed.computeTimeMs - after)).toBeLessThanOrEqual(runs / 2);
    expect(resumed.computeTimeMs).toBeGreaterThanOrEqual(before);
  });

  it.runIf(process.getuid?.() !== 0)('fails before any run starts when finished runs could not be saved', async () => {
    const shared = context();
    chmodSync(shared.cacheDir, 0o500);
    try {
      await expect(runSweep(FILE, experiment(), shared, TASK)).rejects.toThrow(/cannot save finished runs in .*; no run was started/);
    } finally {
      chmodSync(shared.cacheDir, 0o700);
    }
  });

  it('fails before any run starts when the cache directory is a file', async () => {
    const shared = context();
    const blocked = join(shared.cacheDir, 'blocked');
    nodeWriteFile(blocked, 'not a directory');
    let started = 0;
    await expect(runSweep(FILE, experiment(), { ...shared, cacheDir: blocked, progress: () => (started += 1) }, TASK)).rejects.toThrow(
      /cannot save finished runs in .*blocked\/runs \(ENOTDIR\); no run was started/,
    );
    expect(started).toBe(0);
  });
});
