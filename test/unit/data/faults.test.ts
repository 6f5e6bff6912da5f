// The pipeline under faults and bad input (issue "Nothing lost, nothing silently wrong"): each
// test reproduces a way the pipeline used to publish or keep wrong bytes while reporting success.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compute, TrainingRequiredError, verifyAll } from '../../../src/lib/data/compute.ts';
import { assess } from '../../../src/lib/data/pipeline.ts';
import { defineProducer } from '../../../src/lib/data/producer.ts';
import { writeFileAtomic, type WriteFileSystem } from '../../../src/lib/io/atomic-write.ts';
import { readJsonFile } from '../../../src/lib/io/json-file.ts';
import { readRecord } from '../../../src/lib/records/reader.ts';
import { FixtureProject, quietEffects, testContract, testDataset } from './fixture-project.ts';

const ramp = ({ points }: { points: number }) => ({ values: Array.from({ length: points }, (_, i) => i / 2) });

/** The real file system, except that writes stop after `capacity` bytes in all (a full disk). */
function fullDisk(capacity: number, mode: 'short-then-ENOSPC' | 'silently-truncating'): WriteFileSystem {
  let used = 0;
  return {
    ...nodeFs,
    writeSync: ((fd: number, buffer: Buffer, offset: number, length: number) => {
      const room = Math.max(0, capacity - used);
      if (mode === 'short-then-ENOSPC' && room === 0) {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      const n = Math.min(room, length);
      nodeFs.writeSync(fd, buffer, offset, n);
      used += n;
      // A silently truncating device claims to have written everything.
      return mode === 'silently-truncating' ? length : n;
    }) as WriteFileSystem['writeSync'],
  };
}

describe('a full disk never publishes a truncated file', () => {
  let project: FixtureProject;
  beforeEach(() => {
    project = new FixtureProject();
  });
  afterEach(() => project.remove());

  const good = 'x'.repeat(20_000);
  const replacement = 'y'.repeat(20_000);

  it('a short write followed by ENOSPC fails naming the file and leaves the old content and no temporary file', () => {
    const path = join(project.root, 'out/record.json');
    writeFileAtomic(path, good);
    expect(() => writeFileAtomic(path, replacement, { fs: fullDisk(8192, 'short-then-ENOSPC') })).toThrow(
      /cannot write .*out\/record\.json: ENOSPC: no space left on device.*the previous file \(if any\) is unchanged/,
    );
    expect(project.read('out/record.json')).toBe(good);
    expect(readdirSync(join(project.root, 'out'))).toEqual(['record.json']);
  });

  it('a device that reports a full write but stores less is caught by reading back', () => {
    const path = join(project.root, 'out/record.json');
    writeFileAtomic(path, good);
    expect(() => writeFileAtomic(path, replacement, { fs: fullDisk(8192, 'silently-truncating') })).toThrow(
      /read back 8192 bytes that differ from the 20000 written/,
    );
    expect(project.read('out/record.json')).toBe(good);
    expect(readdirSync(join(project.root, 'out'))).toEqual(['record.json']);
  });

  it('a verification that refuses what was read back keeps the old file', () => {
    const path = join(project.root, 'out/record.json');
    writeFileAtomic(path, '{"ok":true}');
    expect(() => writeFileAtomic(path, '{"ok":', { verify: (text) => void JSON.parse(text) })).toThrow(/cannot write/);
    expect(project.read('out/record.json')).toBe('{"ok":true}');
  });

  it('a failed rename leaves the target as it was and removes the temporary file', () => {
    // The target is a non-empty directory: rename(2) over it fails after the bytes are written.
    mkdirSync(join(project.root, 'out/file.json/inner'), { recursive: true });
    expect(() => writeFileAtomic(join(project.root, 'out/file.json'), 'new')).toThrow();
    expect(readdirSync(join(project.root, 'out'))).toEqual(['file.json']);
    expect(readdirSync(join(project.root, 'out/file.json'))).toEqual(['inner']);
  });

  // The reproduction on a real full disk: a 16 KB tmpfs holding content/data (needs root and
  // mount(8), as on the development and CI machines; elsewhere the injected tests above stand).
  const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  it.runIf(canMount)('on a real 16 KB tmpfs, compute fails loudly and the committed record survives', async () => {
    project.write('src/lib/data/producers/ramp.ts', 'export const x = 1;\n');
    const dataDir = join(project.root, 'content/data');
    mkdirSync(dataDir, { recursive: true });
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', dataDir]).status === 0;
    if (!mounted) return; // a container may refuse mount(2) even to root
    try {
      await compute(project.root, [testDataset('ramp', ramp, 3)], {}, quietEffects());
      const before = project.read('content/data/ramp.json');
      // A record several times larger than the disk.
      const big = testDataset('ramp', ramp, 20_000);
      await expect(compute(project.root, [big], {}, quietEffects())).rejects.toThrow(/cannot write .*content\/data\/ramp\.json: .*(ENOSPC|differ)/);
      expect(project.read('content/data/ramp.json')).toBe(before);
      expect(readdirSync(dataDir)).toEqual(['ramp.json']);
    } finally {
      execFileSync('umount', [dataDir]);
    }
  });
});

describe('a hand-edited record fails, naming the file', () => {
  let project: FixtureProject;
  beforeEach(() => {
    project = new FixtureProject();
    project.write('src/lib/data/producers/ramp.ts', 'export const x = 1;\n');
    project.write('src/lib/data/producers/derived.ts', 'export const y = 1;\n');
  });
  afterEach(() => project.remove());

  const edit = () => project.write('content/data/ramp.json', project.read('content/data/ramp.json').replace('[0, 0.5, 1]', '[0, 0.5, 1.5]'));

  it('a read, a verification and a plain compute refuse it; naming it in --only regenerates it', async () => {
    const producer = testDataset('ramp', ramp);
    await compute(project.root, [producer], {}, quietEffects());
    edit();
    const message = /content\/data\/ramp\.json: field data: does not match provenance\.dataDigest — edited by hand or corrupted; regenerate with `npm run compute -- --only ramp`/;
    expect(() => readRecord(producer.contract, { root: project.root })).toThrow(message);
    expect((await assess(project.root, producer)).staleness.state).toBe('tampered');
    await expect(verifyAll(project.root, [producer])).rejects.toThrow(message);
    await expect(compute(project.root, [producer], {}, quietEffects())).rejects.toThrow(message);
    const { computed } = await compute(project.root, [producer], { only: ['ramp'] }, quietEffects());
    expect(computed.map((o) => o.id)).toEqual(['ramp']);
    expect(readRecord(producer.contract, { root: project.root }).data).toEqual({ values: [0, 0.5, 1] });
  });

  it('an edited upstream record does not feed a derived record', async () => {
    const base = testDataset('ramp', ramp);
    let derivedRan = false;
    const derived = testDataset(
      'derived',
      (_c, upstream) => {
        derivedRan = true;
        return upstream.data(base.contract);
      },
      3,
      { upstream: [base.contract] },
    );
    await compute(project.root, [base], {}, quietEffects());
    edit();
    await expect(compute(project.root, [derived], { only: ['derived'] }, quietEffects())).rejects.toThrow(/content\/data\/ramp\.json: field data: does not match/);
    expect(derivedRan).toBe(false);
  });
});

describe('a bad configuration file fails only the commands that need it', () => {
  let project: FixtureProject;
  beforeEach(() => {
    project = new FixtureProject();
    project.write('src/lib/data/producers/ramp.ts', 'export const x = 1;\n');
    project.write('src/lib/data/producers/sweep.ts', 'export const x = 1;\n');
    project.write('content/experiments/sweep.json', '{\n  "points": 3,\n  "seeds": [1 2]\n}\n');
  });
  afterEach(() => project.remove());

  const fromFile = defineProducer({
    contract: testContract('sweep'),
    configSchema: z.object({ points: z.number().int().min(1) }).passthrough(),
    configFile: 'content/experiments/sweep.json',
    loadConfig: (_profile, root) => readJsonFile(root, 'content/experiments/sweep.json') as { points: number },
    seeds: () => [],
    produce: ({ points }) => ({ values: Array.from({ length: points }, (_, i) => i) }),
  });

  it('other datasets compute; the broken one fails naming the file, line and column', async () => {
    const { computed } = await compute(project.root, [testDataset('ramp', ramp), fromFile], { only: ['ramp'] }, quietEffects());
    expect(computed.map((o) => o.id)).toEqual(['ramp']);
    await expect(compute(project.root, [testDataset('ramp', ramp), fromFile], {}, quietEffects())).rejects.toThrow(
      /^content\/experiments\/sweep\.json: not valid JSON at line 3, column 15 /,
    );
  });

  it('a schema violation in the file names the file and the field', async () => {
    project.write('content/experiments/sweep.json', '{ "points": 0 }\n');
    await expect(assess(project.root, fromFile)).rejects.toThrow('content/experiments/sweep.json: field points: Number must be greater than or equal to 1');
  });
});

describe('a build does not start training unasked', () => {
  let project: FixtureProject;
  beforeEach(() => {
    project = new FixtureProject();
    project.write('src/lib/data/producers/cheap.ts', 'export const x = 1;\n');
    project.write('src/lib/data/producers/sweep.ts', 'export const x = 1;\n');
  });
  afterEach(() => project.remove());

  it('lists the training datasets it would need, with the last computing time, and computes nothing', async () => {
    let trained = 0;
    const sweep = (points: number) =>
      testDataset(
        'sweep',
        (c) => {
          trained += 1;
          return ramp(c);
        },
        points,
        { trains: true },
      );
    await compute(project.root, [sweep(3)], {}, quietEffects());
    const cheap = testDataset('cheap', ramp);
    const error = await compute(project.root, [cheap, sweep(4)], { allowTraining: false }, quietEffects()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainingRequiredError);
    expect((error as Error).message).toMatch(/1 training dataset\(s\) need recomputing[\s\S]*sweep \(stale: config changed; last took 5 ms of computing\)/);
    expect((error as Error).message).toContain('npm run build -- --train');
    expect(trained).toBe(1);
    expect(existsSync(join(project.root, 'content/data/cheap.json'))).toBe(false);
    // Asked, it trains.
    await compute(project.root, [cheap, sweep(4)], { allowTraining: true }, quietEffects());
    expect(trained).toBe(2);
  });
});

describe('the backend is provenance, not input', () => {
  let project: FixtureProject;
  beforeEach(() => {
    project = new FixtureProject();
    project.write('src/lib/data/producers/sweep.ts', 'export const x = 1;\n');
  });
  afterEach(() => project.remove());

  // Values 1..points, scaled by 1 + (a relative difference that depends on the backend).
  const trainsOn = (relative: (backend: string) => number) =>
    testDataset('sweep', ({ points }, _u, context) => ({ values: Array.from({ length: points }, (_, i) => (i + 1) * (1 + relative(context.backend))) }), 3, {
      trains: true,
    });

  it('a record trained on wasm is fresh on a machine that would train with tfjs-node, and says which backend made it', async () => {
    await compute(project.root, [trainsOn(() => 0)], { backend: 'wasm' }, quietEffects());
    expect(readRecord(trainsOn(() => 0).contract, { root: project.root }).provenance.backend).toBe('tfjs-wasm');
    const elsewhere = await compute(project.root, [trainsOn(() => 0)], { backend: 'node' }, quietEffects());
    expect(elsewhere.computed).toHaveLength(0);
    expect(elsewhere.fresh).toEqual(['sweep']);
  });

  it('regenerated on another backend, the report compares within the stated tolerance and names both backends', async () => {
    await compute(project.root, [trainsOn(() => 0)], { backend: 'wasm' }, quietEffects());
    const close = await compute(project.root, [trainsOn((b) => (b === 'cpu' ? 1e-4 : 0))], { backend: 'cpu', force: true }, quietEffects());
    expect(close.report?.datasets[0]).toMatchObject({ status: 'within tolerance', backend: 'tfjs-cpu', previousBackend: 'tfjs-wasm' });
    const far = await compute(project.root, [trainsOn((b) => (b === 'wasm' ? 1 : 0))], { backend: 'wasm', force: true }, quietEffects());
    expect(far.report?.datasets[0]).toMatchObject({ status: 'differs', backend: 'tfjs-wasm', previousBackend: 'tfjs-cpu' });
  });
});
