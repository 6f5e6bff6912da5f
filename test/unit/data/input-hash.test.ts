import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assess } from '../../../src/lib/data/pipeline.ts';
import { inputHash, inputManifest, packageNameOf } from '../../../src/lib/data/input-hash.ts';
import { compute } from '../../../src/lib/data/compute.ts';
import { FixtureProject, quietEffects, testDataset } from './fixture-project.ts';

// Project layout: dataset "a" imports mid.ts, which imports leaf.ts (two imports away);
// dataset "b" imports only other.ts; both import zod, "a" also imports left-pad via leaf.ts.
function writeSources(project: FixtureProject): void {
  project.write('src/lib/data/producers/a.ts', `import { mid } from '../../helpers/mid.ts';\nimport { z } from 'zod';\nexport default { mid, z };\n`);
  project.write('src/lib/helpers/mid.ts', `export { leaf as mid } from './leaf.ts';\n`);
  project.write('src/lib/helpers/leaf.ts', `import pad from 'left-pad';\nimport { join } from 'node:path';\nexport const leaf = () => pad(join('a', 'b'), 1);\n`);
  project.write('src/lib/data/producers/b.ts', `import { other } from '../../helpers/other.ts';\nimport { z } from 'zod';\nexport default { other, z };\n`);
  project.write('src/lib/helpers/other.ts', `export const other = 2;\n`);
}

describe('input hash', () => {
  let project: FixtureProject;
  const a = testDataset('a', ({ points }) => ({ values: Array.from({ length: points }, (_, i) => i) }));
  const b = testDataset('b', () => ({ values: [42] }));

  beforeEach(async () => {
    project = new FixtureProject();
    writeSources(project);
    await compute(project.root, [a, b], {}, quietEffects());
  });
  afterEach(() => project.remove());

  it('lists every local file a dataset imports, transitively, and the packages they import', async () => {
    const manifest = await inputManifest(project.root, ['src/lib/data/producers/a.ts']);
    expect(manifest.sources.map((s) => s.path)).toEqual([
      'src/lib/data/producers/a.ts',
      'src/lib/helpers/leaf.ts',
      'src/lib/helpers/mid.ts',
    ]);
    // node:path is a builtin, not a package; versions come from the lockfile.
    expect(manifest.packages).toEqual({ 'left-pad': '1.3.0', zod: '3.25.76' });
  });

  it('a change to a helper two imports away makes exactly the dependent dataset stale', async () => {
    expect((await assess(project.root, a)).staleness.state).toBe('fresh');
    project.write('src/lib/helpers/leaf.ts', project.read('src/lib/helpers/leaf.ts') + '// edited\n');
    const staleA = (await assess(project.root, a)).staleness;
    expect(staleA).toEqual({ state: 'stale', reasons: ['src/lib/helpers/leaf.ts changed'] });
    expect((await assess(project.root, b)).staleness.state).toBe('fresh');

    const effects = quietEffects();
    const summary = await compute(project.root, [a, b], {}, effects);
    expect(summary.computed.map((o) => o.id)).toEqual(['a']);
    expect(summary.fresh).toEqual(['b']);
    expect(effects.lines.join('\n')).toContain('a (stale: src/lib/helpers/leaf.ts changed)');
  });

  it('a package version bump makes stale only the datasets that import that package', async () => {
    project.setPackages({ zod: '3.25.76', 'left-pad': '1.3.1' });
    expect((await assess(project.root, a)).staleness).toEqual({ state: 'stale', reasons: ['left-pad 1.3.0 → 1.3.1'] });
    expect((await assess(project.root, b)).staleness.state).toBe('fresh');
  });

  it('a new import and a config change are both reported', async () => {
    project.write('src/lib/helpers/mid.ts', `export { leaf as mid } from './leaf.ts';\nexport { other } from './other.ts';\n`);
    const a2 = testDataset('a', a.produce as never, 4);
    const { staleness } = await assess(project.root, a2);
    expect(staleness).toEqual({
      state: 'stale',
      reasons: ['config changed', 'src/lib/helpers/mid.ts changed', 'src/lib/helpers/other.ts added'],
    });
  });

  it('the hash ignores key order in the config but not values, and covers the data of upstream records', () => {
    const manifest = { sources: [], packages: {} };
    expect(inputHash({ x: 1, y: 2 }, manifest)).toBe(inputHash({ y: 2, x: 1 }, manifest));
    expect(inputHash({ x: 1, y: 2 }, manifest)).not.toBe(inputHash({ x: 1, y: 3 }, manifest));
    const upstream = (digest: string) => [{ id: 'u', dataDigest: `sha256:${digest.repeat(64)}` }];
    expect(inputHash({ x: 1 }, manifest, upstream('a'))).not.toBe(inputHash({ x: 1 }, manifest, upstream('b')));
    expect(inputHash({ x: 1 }, manifest, upstream('a'))).not.toBe(inputHash({ x: 1 }, manifest));
  });

  it('a missing package in the lockfile is an error naming the importing file', async () => {
    project.setPackages({ zod: '3.25.76' });
    await expect(inputManifest(project.root, ['src/lib/data/producers/a.ts'])).rejects.toThrow(
      'src/lib/helpers/leaf.ts imports "left-pad", which is not in package-lock.json',
    );
  });

  it('package names are taken from bare specifiers', () => {
    expect(packageNameOf('@tensorflow/tfjs-core/dist/x')).toBe('@tensorflow/tfjs-core');
    expect(packageNameOf('vega-lite/build/src')).toBe('vega-lite');
    expect(packageNameOf('node:fs')).toBeNull();
    expect(packageNameOf('./local.ts')).toBeNull();
  });
});
