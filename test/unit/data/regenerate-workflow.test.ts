// Regeneration across machines (.github/workflows/regenerate.yml): what can be tested here is that
// the workflow names the right commands, and that shard outputs placed as its artifacts place
// them merge to the same bytes as one machine.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compute } from '../../../src/lib/data/compute.ts';
import { defineProducer } from '../../../src/lib/data/producer.ts';
import { loadExperiment } from '../../../src/lib/data/sweep-producer.ts';
import { defineContract } from '../../../src/lib/records/contract.ts';
import { RUN_ONLY_FIELDS } from '../../../src/lib/records/envelope.ts';
import { sweepDataSchema } from '../../../src/lib/records/schemas/sweep.ts';
import { resolvedExperimentSchema } from '../../../src/lib/train/sweep/experiment.ts';
import { isShardOutcome, runSweep } from '../../../src/lib/train/sweep/sweep.ts';
import { FixtureProject, quietEffects, testDataset } from './fixture-project.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  strategy?: { matrix: { shard: number[] } };
  steps: Step[];
}
const workflow = parse(readFileSync('.github/workflows/regenerate.yml', 'utf8')) as {
  on: Record<string, unknown>;
  env: Record<string, string>;
  jobs: Record<string, Job>;
};
const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');
const uses = (job: Job, action: string) => job.steps.find((s) => s.uses?.startsWith(action));

describe('the regenerate workflow', () => {
  it('is started by hand', () => {
    expect(Object.keys(workflow.on)).toEqual(['workflow_dispatch']);
  });

  it('runs one shard of every sweep per matrix job, fresh, and uploads the finished runs', () => {
    const shard = workflow.jobs.shard!;
    const shards = shard.strategy!.matrix.shard;
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, i) => i + 1));
    expect(Number(workflow.env.SHARDS)).toBe(shards.length);
    expect(runs(shard)).toContain('npm ci');
    expect(runs(shard)).toMatch(/npm run compute -- --force --shard \$\{\{ matrix\.shard \}\}\/\$\{\{ env\.SHARDS \}\}/);
    expect(uses(shard, 'actions/upload-artifact')!.with).toMatchObject({ name: 'runs-${{ matrix.shard }}', path: '.cache/datasets/full/' });
  });

  it('merges after every shard: downloads all runs into one cache, assembles with --merge, and proposes the records', () => {
    const merge = workflow.jobs.merge!;
    expect(merge.needs).toBe('shard');
    expect(uses(merge, 'actions/download-artifact')!.with).toMatchObject({ pattern: 'runs-*', 'merge-multiple': true, path: '.cache/datasets/full/' });
    expect(runs(merge)).toMatch(/npm run compute -- --force --merge/);
    expect(runs(merge)).toContain('gh pr create');
    const order = merge.steps.map((s) => s.uses ?? s.run ?? '');
    expect(order.findIndex((s) => s.startsWith('actions/download-artifact'))).toBeLessThan(order.findIndex((s) => s.includes('--merge')));
  });
});

const FAKE_TASK = fileURLToPath(new URL('../train/sweep/fixtures/fake-training-task.ts', import.meta.url));
const EXPERIMENT = 'content/experiments/fake.json';

/** A sweep producer like defineSweepProducer's, training with the fast stand-in task. */
const fakeSweep = defineProducer({
  contract: defineContract({ id: 'fake', title: 'a fake sweep', schema: sweepDataSchema }),
  configSchema: resolvedExperimentSchema,
  configFile: EXPERIMENT,
  loadConfig: (profile, root) => loadExperiment(EXPERIMENT, profile, root),
  trains: true,
  seeds: (config) => config.seeds,
  produce: async (config, _upstream, context) => {
    const outcome = await runSweep(EXPERIMENT, config, context, FAKE_TASK);
    if (isShardOutcome(outcome)) return outcome;
    context.reportComputeTime(outcome.computeTimeMs);
    return outcome.data;
  },
});
const summary = testDataset('summary', (_c, upstream) => ({ values: upstream.data(fakeSweep.contract).runs.map((r) => r.result.final.testAccuracy ?? 0) }), 3, {
  upstream: [fakeSweep.contract],
});

function machine(): FixtureProject {
  const project = new FixtureProject();
  project.write('src/lib/data/producers/fake.ts', 'export const x = 1;\n');
  project.write('src/lib/data/producers/summary.ts', 'export const y = 1;\n');
  project.write(
    EXPERIMENT,
    JSON.stringify({
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
      grid: { 'network.activation.n': [0.5, 1, 2] },
      profiles: { smoke: {} },
    }),
  );
  return project;
}

/** A record without the fields that describe one run (time, date, Node version). */
function withoutRunFields(text: string): unknown {
  const record = JSON.parse(text) as { provenance: Record<string, unknown> };
  for (const field of RUN_ONLY_FIELDS) delete record.provenance[field];
  return record;
}

describe('regeneration across machines, as the workflow runs it', () => {
  const machines: FixtureProject[] = [];
  const make = () => {
    const m = machine();
    machines.push(m);
    return m;
  };
  beforeEach(() => {
    machines.length = 0;
  });
  afterEach(() => machines.forEach((m) => m.remove()));

  it('shards on two machines, merged where download-artifact puts them, give the bytes of one machine', async () => {
    const producers = [fakeSweep, summary];
    const one = make();
    await compute(one.root, producers, { force: true, workers: 1 }, quietEffects());

    const [a, b, merger] = [make(), make(), make()];
    const first = await compute(a.root, producers, { force: true, shard: { index: 1, count: 2 } }, quietEffects());
    await compute(b.root, producers, { force: true, shard: { index: 2, count: 2 }, workers: 2 }, quietEffects());
    // A shard writes no record and skips what is not a sweep.
    expect(first.computed.map((o) => [o.id, o.shard?.ran])).toEqual([['fake', 5]]);
    for (const shard of [a, b]) cpSync(join(shard.root, '.cache/datasets/full'), join(merger.root, '.cache/datasets/full'), { recursive: true });
    await compute(merger.root, producers, { force: true, mergeOnly: true }, quietEffects());

    for (const id of ['fake', 'summary']) {
      expect(withoutRunFields(merger.read(`content/data/${id}.json`)), id).toEqual(withoutRunFields(one.read(`content/data/${id}.json`)));
    }
  }, 120_000);

  it("a merge with a shard's runs missing fails, listing them, and writes nothing", async () => {
    const [a, merger] = [make(), make()];
    await compute(a.root, [fakeSweep], { force: true, shard: { index: 1, count: 3 } }, quietEffects());
    cpSync(join(a.root, '.cache/datasets/full'), join(merger.root, '.cache/datasets/full'), { recursive: true });
    await expect(compute(merger.root, [fakeSweep], { force: true, mergeOnly: true }, quietEffects())).rejects.toThrow(
      /content\/experiments\/fake\.json: cannot merge, 6 of 9 runs have no result/,
    );
  }, 120_000);
});
