import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compute, computeOrder, verifyAll } from '../../../src/lib/data/compute.ts';
import { defineProducer } from '../../../src/lib/data/producer.ts';
import { assess } from '../../../src/lib/data/pipeline.ts';
import { defineContract, type RecordContract } from '../../../src/lib/records/contract.ts';
import { readRecord as readByContract } from '../../../src/lib/records/reader.ts';
import { FixtureProject, quietEffects, testContract, testDataset } from './fixture-project.ts';

type TestProducer = ReturnType<typeof testDataset>;
const readRecord = (root: string, producer: Pick<TestProducer, 'contract'>) => readByContract(producer.contract, { root });

const ramp = ({ points }: { points: number }) => ({ values: Array.from({ length: points }, (_, i) => i / 2) });

describe('dataset pipeline', () => {
  let project: FixtureProject;
  beforeEach(() => {
    project = new FixtureProject();
    project.write('src/lib/data/producers/ramp.ts', 'export const x = 1;\n');
  });
  afterEach(() => project.remove());

  it('writes a record with provenance, and a second run computes nothing', async () => {
    const ramp3 = testDataset('ramp', ramp);
    const first = await compute(project.root, [ramp3], {}, quietEffects());
    expect(first.computed).toHaveLength(1);
    const record = readRecord(project.root, ramp3);
    expect(record.data).toEqual({ values: [0, 0.5, 1] });
    expect(record.provenance).toMatchObject({
      producer: 'src/lib/data/producers/ramp.ts',
      config: { points: 3 },
      seeds: [],
      backend: null,
      upstream: [],
      generatedAt: '2026-01-02T03:04:05.000Z',
      sources: [{ path: 'src/lib/data/producers/ramp.ts' }],
    });
    expect(record.provenance.dataDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
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
      { id: 'ramp', status: 'identical', maxAbsDiff: 0, maxRelDiff: 0, differences: [], backend: null, previousBackend: null, wallTimeMs: 5, computeTimeMs: 5 },
    ]);
    expect(project.read('content/data/ramp.json')).toBe(before);
    expect(existsSync(join(project.root, 'content/reproduction-report.json'))).toBe(true);
  });

  it('--force on some datasets merges their entries, dated, into the last full report; without a full report it writes none', async () => {
    const a = testDataset('ramp', ramp);
    const b = testDataset('ramp-b', ramp);
    project.write('src/lib/data/producers/ramp-b.ts', 'export const y = 2;\n');
    await compute(project.root, [a, b], { force: true, only: ['ramp'] }, quietEffects());
    expect(existsSync(join(project.root, 'content/reproduction-report.json'))).toBe(false);

    await compute(project.root, [a, b], { force: true }, quietEffects());
    const full = JSON.parse(project.read('content/reproduction-report.json'));
    expect(full.datasets.map((d: { id: string }) => d.id)).toEqual(['ramp', 'ramp-b']);

    const later = { ...quietEffects(), date: () => new Date('2027-01-01T00:00:00.000Z') };
    await compute(project.root, [a, b], { force: true, only: ['ramp-b'] }, later);
    const merged = JSON.parse(project.read('content/reproduction-report.json'));
    expect(merged.generatedAt).toBe(full.generatedAt);
    expect(merged.totalWallTimeMs).toBe(full.totalWallTimeMs);
    expect(merged.datasets[0]).toEqual(full.datasets[0]);
    expect(merged.datasets[1]).toMatchObject({ id: 'ramp-b', status: 'identical', regeneratedAlone: { at: '2027-01-01T00:00:00.000Z', node: process.version } });
  });

  it('--force leaves the file alone when the producer writes keys in another order than the schema lists them', async () => {
    // zod returns parsed objects in schema key order; the stored record keeps the producer's.
    const reordered = defineProducer({
      contract: defineContract({ id: 'ramp', title: 'keys out of schema order', schema: z.object({ first: z.number(), second: z.array(z.number()) }) }),
      configSchema: z.object({ points: z.number().int().min(1) }),
      config: { points: 3 },
      seeds: () => [],
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
    const nan = defineProducer({
      ...testDataset('ramp', ramp),
      contract: defineContract({ id: 'ramp', title: 'lax', schema: z.object({ values: z.array(z.unknown()) }) }),
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
      /src\/lib\/data\/producers\/zeta\.ts: field config\.points: Number must be greater than or equal to 1/,
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

  it('a record derived from another is computed after it, whatever the list order, and again when its data change', async () => {
    project.write('src/lib/data/producers/base.ts', 'export const x = 1;\n');
    project.write('src/lib/data/producers/derived.ts', 'export const y = 2;\n');
    const base = (points: number) => testDataset('base', (c) => ({ values: Array.from({ length: c.points }, (_, i) => i) }), points);
    const derived = testDataset('derived', (_c, upstream) => ({ values: upstream.data(base(2).contract).values.map((v) => v + 1) }), 3, {
      upstream: [base(2).contract],
    });
    // Listed after its input on purpose: the order comes from the contract's upstream.
    await compute(project.root, [derived, base(2)], {}, quietEffects());
    expect(readRecord(project.root, derived).data).toEqual({ values: [1, 2] });
    expect(readRecord(project.root, derived).provenance.upstream).toEqual([{ id: 'base', dataDigest: readRecord(project.root, base(2)).provenance.dataDigest }]);
    // base's config changes: one run recomputes base, then derived from the new record.
    const effects = quietEffects();
    const { computed } = await compute(project.root, [derived, base(3)], {}, effects);
    expect(computed.map((o) => o.id)).toEqual(['base', 'derived']);
    expect(effects.lines.join('\n')).toContain('derived (stale: upstream record base changed)');
    expect(readRecord(project.root, derived).data).toEqual({ values: [1, 2, 3] });
    expect((await compute(project.root, [base(3), derived], {}, quietEffects())).computed).toHaveLength(0);
  });

  it('an upstream record regenerated with the same data leaves the derived record fresh', async () => {
    project.write('src/lib/data/producers/base.ts', 'export const x = 1;\n');
    project.write('src/lib/data/producers/derived.ts', 'export const y = 2;\n');
    const base = testDataset('base', () => ({ values: [1, 2] }));
    const derived = testDataset('derived', (_c, upstream) => upstream.data(base.contract), 3, { upstream: [base.contract] });
    await compute(project.root, [base, derived], {}, quietEffects());
    const { computed } = await compute(project.root, [base, derived], { force: true, only: ['base'] }, quietEffects());
    expect(computed.map((o) => o.id)).toEqual(['base']);
    expect((await assess(project.root, derived)).staleness).toEqual({ state: 'fresh' });
  });

  it('a producer may read only the records its contract declares', async () => {
    project.write('src/lib/data/producers/base.ts', 'export const x = 1;\n');
    project.write('src/lib/data/producers/sneaky.ts', 'export const y = 2;\n');
    const base = testDataset('base', () => ({ values: [1] }));
    const sneaky = testDataset('sneaky', (_c, upstream) => upstream.data(base.contract));
    await compute(project.root, [base], {}, quietEffects());
    await expect(compute(project.root, [sneaky], {}, quietEffects())).rejects.toThrow(
      'src/lib/data/producers/sneaky.ts: reads record "base", which its contract does not declare as upstream',
    );
  });

  it('records that depend on each other in a circle are refused, naming the circle', () => {
    // Contracts are plain objects: a circle can only be made by hand, as here.
    const upstreamOfA: RecordContract[] = [];
    const a = testContract('a', upstreamOfA);
    const b = testContract('b', [a]);
    upstreamOfA.push(b);
    const producers = [a, b].map((contract) => ({ ...testDataset(contract.id, () => ({ values: [] })), contract }));
    expect(() => computeOrder(producers)).toThrow('records depend on each other in a circle: a → b → a');
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
