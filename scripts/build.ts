/**
 * `npm run build`: compute stale datasets (training only with --train), check every record,
 * build the site with Astro, finish its pages (math fonts subset and preloaded, a
 * Content-Security-Policy on each), then index it for search with Pagefind.
 *
 * The site is built into a temporary directory next to the output directory and moved into place
 * only when every step succeeded, so a failed or interrupted build leaves the previous site whole;
 * a lock shared with `npm run compute` makes a second build (or `npm test`'s) wait for the first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { producers } from '../src/lib/data/registry.ts';
import { compute, verifyAll } from '../src/lib/data/compute.ts';
import { PROJECT_LOCK, processIsAlive, withLock } from '../src/lib/io/lock.ts';
import { realEffects, runMain } from './cli.ts';
import { progressReporter } from './progress.ts';
import { applyCsp } from '../src/lib/postbuild/csp.ts';
import { hoistBodyStyles } from '../src/lib/postbuild/head-styles.ts';
import { preloadMathFonts } from '../src/lib/postbuild/font-preload.ts';
import { subsetMathFonts } from '../src/lib/postbuild/font-subset.ts';
import { writeMnistSubset } from '../src/lib/lab/mnist-subset-file.ts';

const HELP = `Usage: npm run build [-- options]

Computes the datasets that are stale or missing, checks every record, builds the site into dist/
and indexes it for search. Training datasets (TensorFlow.js sweeps, minutes to tens of minutes)
are not started unless asked: a build that needs them fails, listing them with an estimate.

Options:
  --train            also recompute stale training datasets (one worker per core)
  --out-dir <dir>    build elsewhere than dist/ (a directory inside the project)
  --help             this text
`;

function run(step: string, command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const started = performance.now();
  process.stdout.write(`\n▶ ${step}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    throw new Error(`${step} failed (exit ${result.status ?? result.signal})`);
  }
  process.stdout.write(`✓ ${step} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Partial builds left by builds that died (their process is gone): removed before building. */
function removeAbandonedBuilds(outDir: string): void {
  const prefix = `${basename(outDir)}.partial-`;
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isInteger(pid) || !processIsAlive(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/** Puts a finished build in place of the previous one (renames on the same file system). */
function replaceDirectory(finished: string, outDir: string): void {
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(finished, outDir);
  rmSync(old, { recursive: true, force: true });
}

await runMain(async () => {
  const { values } = parseArgs({
    options: {
      'out-dir': { type: 'string' },
      train: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const started = performance.now();
  const root = process.cwd();
  const outDir = resolve(root, values['out-dir'] ?? 'dist');
  const inside = relative(root, outDir);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    // Astro 5 leaves content-layer internals in an output directory outside the project.
    throw new Error(`--out-dir ${values['out-dir']}: must be a directory inside the project (${root})`);
  }

  await withLock(join(root, PROJECT_LOCK), { purpose: 'npm run build', log: realEffects.log }, async () => {
    process.stdout.write('▶ datasets: computing what is stale\n');
    const progress = progressReporter();
    try {
      await compute(
        root,
        producers,
        { allowTraining: values.train, workers: values.train ? availableParallelism() : 1 },
        { ...realEffects, progress: progress.update },
      );
    } finally {
      progress.stop();
    }
    await verifyAll(root, producers);

    removeAbandonedBuilds(outDir);
    const partial = `${outDir}.partial-${process.pid}`;
    try {
      // NODE_ENV is pinned: test runners set it to "test", which changes the client bundles, and the
      // same sources must build to the same bytes whoever runs the build.
      const env = { ...process.env, OUT_DIR: partial, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
      run('site', resolve(root, 'node_modules/.bin/astro'), ['build', '--silent'], env);

      const finishing = performance.now();
      const base = process.env.BASE_PATH ?? '/';
      const styled = await hoistBodyStyles(partial); // Astro's island style, out of <body>
      const subset = await subsetMathFonts(partial, base);
      const preloaded = await preloadMathFonts(partial, base);
      const csp = await applyCsp(partial, base);
      const labMnist = writeMnistSubset(partial); // the lab's MNIST subset, fetched only when a reader chooses it
      process.stdout.write(
        `✓ pages finished in ${((performance.now() - finishing) / 1000).toFixed(1)} s: body styles moved into the head on ${styled.length} pages, ` +
          `${subset.length} math fonts subset ` +
          `(${kb(subset.reduce((n, f) => n + f.before, 0))} → ${kb(subset.reduce((n, f) => n + f.after, 0))}), preloaded on ${preloaded.length} pages, ` +
          `Content-Security-Policy on ${csp.pages} (${csp.withScripts} with scripts; wasm allowed on ${csp.withWasm.join(', ') || 'none'}), ` +
          `lab MNIST subset ${kb(labMnist.bytes)}\n`,
      );
      run('search index', resolve(root, 'node_modules/.bin/pagefind'), ['--site', partial, '--quiet'], env);
      replaceDirectory(partial, outDir);
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  });
  process.stdout.write(`\nbuilt ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
});
