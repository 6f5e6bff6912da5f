import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compute, verifyAll } from '../../../src/lib/data/compute.ts';
import { defineDataset } from '../../../src/lib/data/definition.ts';
import { readRecord } from '../../../src/lib/data/store.ts';
import { writeFileAtomic } from '../../../src/lib/data/atomic-write.ts';
import { FixtureProject, quietEffects, testDataset } from './fixture-project.ts';

const ramp = ({ points }: { points: number }) => ({ values: Array.from({ length: points }, (_, i) => i / 2) });

describe('dataset pipeline', () => {
  let project: FixtureProject;
  beforeEach(() => {
    project = new FixtureProject();
    project.write('src/lib/data/datasets/ramp.ts', 'export const x = 1;\n');
  });
  afterEach(() => project.remove());

  it('writes a record with provenance, and a second run computes nothing', async () => {
    const ramp3 = testDataset('ramp', ramp);
    const first = await compute(project.root, [ramp3], {}, quietEffects());
    expect(first.computed).toHaveLength(1);
    const record = readRecord(project.root, ramp3);
    expect(record.data).toEqual({ values: [0, 0.5, 1] });
    expect(record.provenance).toMatchObject({
      producer: 'src/lib/data/datasets/ramp.ts',
      config: { points: 3 },
      seeds: [],
      backend: null,
      generatedAt: '2026-01-02T03:04:05.000Z',
      sources: [{ path: 'src/lib/data/datasets/ramp.ts' }],
    });
    expect(record.provenance.inputHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const second = await compute(project.root, [ramp3], {}, quietEffects());
    expect(second.computed).toHaveLength(0);
    expect(second.fresh).toEqual(['ramp']);
  });

  it('--force with unchanged results reports identical and leaves the file byte-for-byte alone', async () => {
    const ramp3 = testDataset('ramp', ramp);
    await compute(project.root, [ramp3], {}, quietEffects());
    const before = project.read('content/data/ramp.json');
    const later = { ...quietEffects(), date: () => new Date('2027-01-01T00:00:00.000Z') };
    const { report } = await compute(project.root, [ramp3], { force: true }, later);
    expect(report?.datasets).toEqual([
      { id: 'ramp', status: 'identical', maxAbsDiff: 0, maxRelDiff: 0, differences: [], wallTimeMs: 5 },
    ]);
    expect(project.read('content/data/ramp.json')).toBe(before);
    expect(existsSync(join(project.root, 'content/reproduction-report.json'))).toBe(true);
  });

  it('--force leaves the file alone when the producer writes keys in another order than the schema lists them', async () => {
    // zod returns parsed objects in schema key order; the stored record keeps the producer's.
    const reordered = defineDataset({
      id: 'ramp',
      title: 'keys out of schema order',
      configSchema: z.object({ points: z.number().int().min(1) }),
      config: { points: 3 },
      seeds: () => [],
      schema: z.object({ first: z.number(), second: z.array(z.number()) }),
      produce: ({ points }: { points: number }) => ({ second: Array.from({ length: points }, (_, i) => i), first: 1 }),
    });
    await compute(project.root, [reordered], {}, quietEffects());
    const before = project.read('content/data/ramp.json');
    const later = { ...quietEffects(), date: () => new Date('2027-01-01T00:00:00.000Z') };
    const { report } = await compute(project.root, [reordered], { force: true }, later);
    expect(report?.datasets[0]?.status).toBe('identical');
    expect(project.read('content/data/ramp.json')).toBe(before);
  });

  it('--force reports the largest absolute and relative difference when results change', async () => {
    await compute(project.root, [testDataset('ramp', ramp)], {}, quietEffects());
    const shifted = testDataset('ramp', ({ points }) => ({ values: Array.from({ length: points }, (_, i) => i / 2 + (i === 2 ? 0.01 : 0)) }));
    const { report } = await compute(project.root, [shifted], { force: true }, quietEffects());
    const entry = report!.datasets[0]!;
    expect(entry.status).toBe('differs');
    expect(entry.maxAbsDiff).toBeCloseTo(0.01, 12);
    expect(entry.maxRelDiff).toBeCloseTo(0.01 / 1.01, 12);
  });

  it('a producer that throws leaves the previous record untouched and no temporary file', async () => {
    await compute(project.root, [testDataset('ramp', ramp)], {}, quietEffects());
    const before = project.read('content/data/ramp.json');
    const broken = testDataset('ramp', () => {
      throw new Error('interrupted');
    });
    await expect(compute(project.root, [broken], { force: true }, quietEffects())).rejects.toThrow('interrupted');
    expect(project.read('content/data/ramp.json')).toBe(before);
    expect(readdirSync(join(project.root, 'content/data'))).toEqual(['ramp.json']);
  });

  it('output that violates the schema fails naming the file and the field, and is not written', async () => {
    const bad = testDataset('ramp', () => ({ values: [1, 'two', 3] }));
    await expect(compute(project.root, [bad], {}, quietEffects())).rejects.toThrow(
      /content\/data\/ramp\.json: producer output violates the schema, not written: field data\.values\[1\]: Expected number, received string/,
    );
    expect(existsSync(join(project.root, 'content/data/ramp.json'))).toBe(false);
  });

  it('the schema rejects NaN, naming the field', async () => {
    const nan = testDataset('ramp', () => ({ values: [1, Number.NaN] }));
    await expect(compute(project.root, [nan], {}, quietEffects())).rejects.toThrow(/field data\.values\[1\]: Expected number, received nan/);
  });

  it('NaN that a lax schema lets through still fails on write, naming the field, instead of becoming null', async () => {
    const nan = defineDataset({
      ...testDataset('ramp', ramp),
      schema: z.object({ values: z.array(z.unknown()) }),
      produce: () => ({ values: [1, Number.NaN] }),
    });
    await expect(compute(project.root, [nan], {}, quietEffects())).rejects.toThrow(/data\.values\[1\]: NaN is not representable/);
  });

  it('a malformed config fails before any producer runs, naming the file and the field', async () => {
    let ran = false;
    const good = testDataset('ramp', () => {
      ran = true;
      return { values: [] };
    });
    const badConfig = testDataset('zeta', ramp, 0);
    await expect(compute(project.root, [good, badConfig], {}, quietEffects())).rejects.toThrow(
      /src\/lib\/data\/datasets\/zeta\.ts: field config\.points: Number must be greater than or equal to 1/,
    );
    expect(ran).toBe(false);
  });

  it('a hand-edited record that violates the schema is reported as invalid, naming file and field', async () => {
    const ramp3 = testDataset('ramp', ramp);
    await compute(project.root, [ramp3], {}, quietEffects());
    project.write('content/data/ramp.json', project.read('content/data/ramp.json').replace('[0, 0.5, 1]', '[0, "0.5", 1]'));
    expect(() => readRecord(project.root, ramp3)).toThrow('content/data/ramp.json: field data.values[1]: Expected number, received string');
    await expect(verifyAll(project.root, [ramp3])).rejects.toThrow('content/data/ramp.json: field data.values[1]');
    // The next compute repairs it.
    const { computed } = await compute(project.root, [ramp3], {}, quietEffects());
    expect(computed).toHaveLength(1);
    expect(readRecord(project.root, ramp3).data).toEqual({ values: [0, 0.5, 1] });
  });

  it('a dataset derived from another record is recomputed in the same run when that record changes', async () => {
    project.write('src/lib/data/datasets/base.ts', 'export const x = 1;\n');
    project.write('src/lib/data/datasets/derived.ts', 'export const y = 2;\n');
    const base = (points: number) => testDataset('base', (c) => ({ values: Array.from({ length: c.points }, (_, i) => i) }), points);
    // The derived dataset reads base's record, which it declares as an input of its hash.
    const derived = defineDataset({
      ...testDataset('derived', () => ({
        values: (JSON.parse(project.read('content/data/base.json')) as { data: { values: number[] } }).data.values.map((v) => v + 1),
      })),
      extraEntries: ['content/data/base.json'],
    });
    // Registry order: base first. Even on the first run, derived must see base's record as just written.
    await compute(project.root, [base(2), derived], {}, quietEffects());
    expect(readRecord(project.root, derived).data).toEqual({ values: [1, 2] });
    // base's config changes: one run recomputes base, then derived from the new record.
    const { computed } = await compute(project.root, [base(3), derived], {}, quietEffects());
    expect(computed.map((o) => o.id)).toEqual(['base', 'derived']);
    expect(readRecord(project.root, derived).data).toEqual({ values: [1, 2, 3] });
    expect((await compute(project.root, [base(3), derived], {}, quietEffects())).computed).toHaveLength(0);
  });

  it('a missing record says how to generate it', async () => {
    expect(() => readRecord(project.root, testDataset('ramp', ramp))).toThrow(
      'content/data/ramp.json: missing; generate it with `npm run compute -- --only ramp`',
    );
  });

  it('--only with an unknown id names it and lists the known ones', async () => {
    await expect(compute(project.root, [testDataset('ramp', ramp)], { only: ['rmap'] }, quietEffects())).rejects.toThrow(
      'unknown dataset "rmap"; known: ramp',
    );
  });
});

describe('atomic write', () => {
  let project: FixtureProject;
  beforeEach(() => {
    project = new FixtureProject();
  });
  afterEach(() => project.remove());

  it('replaces the content whole', () => {
    const path = join(project.root, 'out/file.json');
    writeFileAtomic(path, 'old');
    writeFileAtomic(path, 'new');
    expect(project.read('out/file.json')).toBe('new');
    expect(readdirSync(join(project.root, 'out'))).toEqual(['file.json']);
  });

  it('a failed rename leaves the target as it was and removes the temporary file', () => {
    // The target is a non-empty directory: rename(2) over it fails after the bytes are written.
    mkdirSync(join(project.root, 'out/file.json/inner'), { recursive: true });
    expect(() => writeFileAtomic(join(project.root, 'out/file.json'), 'new')).toThrow();
    expect(readdirSync(join(project.root, 'out'))).toEqual(['file.json']);
    expect(readdirSync(join(project.root, 'out/file.json'))).toEqual(['inner']);
  });
});
