import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasets } from '../../../src/lib/data/registry.ts';
import { definitionPath } from '../../../src/lib/data/definition.ts';
import { verifyAll } from '../../../src/lib/data/compute.ts';
import { checkConfig } from '../../../src/lib/data/pipeline.ts';
import { figures } from '../../../src/lib/figures/registry.ts';

const root = process.cwd();

describe('dataset and figure registries', () => {
  it('every dataset is defined in src/lib/data/datasets/<id>.ts, the entry of its input hash', () => {
    for (const d of datasets) expect(existsSync(definitionPath(d.id)), definitionPath(d.id)).toBe(true);
    expect(new Set(datasets.map((d) => d.id)).size).toBe(datasets.length);
  });

  it('every definition file in datasets/ is registered', () => {
    const files = readdirSync('src/lib/data/datasets').filter((f) => f.endsWith('.ts'));
    for (const file of files) expect(datasets.map((d) => `${d.id}.ts`), file).toContain(file);
  });

  it('every config satisfies its schema', () => {
    for (const d of datasets) expect(() => checkConfig(d)).not.toThrow();
  });

  it('every committed record is present, valid and up to date (run `npm run compute` if not)', async () => {
    await verifyAll(root, datasets);
  });

  it('figure ids are unique and every figure draws from a registered dataset', () => {
    expect(new Set(figures.map((f) => f.id)).size).toBe(figures.length);
    for (const f of figures) expect(datasets.map((d) => d.id), f.id).toContain(f.dataset);
  });
});
