// "Two clean builds give byte-identical dist/": build the site a second time into a temporary
// directory and compare every file with the dist/ that global setup built (or E2E_DIST_DIR).
// E2E_SKIP_REPRO=1 skips it (a full second build) for quick local runs.
//
// The temporary directory is inside the repository (`.tmp-e2e-rebuild-*/`, ignored by git through
// `.tmp-*/`): Astro 5 leaves three content-layer files (collections/*.schema.json,
// content-assets.mjs, content-modules.mjs) in an outDir that lies OUTSIDE the project root, so a
// build into os.tmpdir() differs from dist/ for a reason that has nothing to do with
// reproducibility. E2E_REBUILD_PARENT=<dir> puts it elsewhere (e.g. /tmp, to see that effect).

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { distDir, repoRoot } from './support/config';
import { diffDirs } from './support/dir-diff';
import { buildEnvironment } from './support/build-env';

const BUILD_TIMEOUT_MS = 20 * 60_000;

let tmpRoot: string | undefined;

afterAll(async () => {
  if (tmpRoot) await rm(tmpRoot, { recursive: true, force: true, maxRetries: 3 });
});

function build(outDir: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/build.ts', '--out-dir', outDir], {
      cwd: repoRoot,
      env: buildEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

it.skipIf(process.env.E2E_SKIP_REPRO === '1')('a second clean build into another directory is byte-identical to dist/', { timeout: BUILD_TIMEOUT_MS }, async () => {
  tmpRoot = await mkdtemp(path.join(process.env.E2E_REBUILD_PARENT || repoRoot, '.tmp-e2e-rebuild-'));
  const again = path.join(tmpRoot, 'dist');
  const started = Date.now();
  const { code, output } = await build(again);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`[e2e] second build (npx tsx scripts/build.ts --out-dir ${again}): exit ${code} in ${seconds} s`);
  expect(code, `the second build failed:\n${output.slice(-8000)}`).toBe(0);

  const diff = await diffDirs(distDir, again);
  const report = [
    ...diff.onlyInA.map((f) => `only in ${path.relative(repoRoot, distDir) || distDir}/: ${f}`),
    ...diff.onlyInB.map((f) => `only in the second build: ${f}`),
    ...diff.differing.map((d) => `differs (a = dist, b = second build): ${d}`),
  ];
  console.log(`[e2e] compared ${diff.files} files: ${report.length} difference(s)`);
  if (report.length) console.log(`  ${report.join('\n  ')}`);
  expect(diff.files).toBeGreaterThan(0);
  expect(report).toEqual([]);
});
