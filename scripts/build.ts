/**
 * `npm run build`: compute stale datasets, check every record, build the site with Astro,
 * finish its pages (math fonts subset and preloaded, a Content-Security-Policy on each), then index it for
 * search with Pagefind. `--out-dir <dir>` builds elsewhere than dist/.
 */
import { spawnSync } from 'node:child_process';
import { relative, resolve, isAbsolute } from 'node:path';
import { parseArgs } from 'node:util';
import { datasets } from '../src/lib/data/registry.ts';
import { compute, verifyAll } from '../src/lib/data/compute.ts';
import { realEffects, runMain } from './cli.ts';
import { applyCsp } from './csp.ts';
import { preloadMathFonts } from './font-preload.ts';
import { subsetMathFonts } from './font-subset.ts';

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

await runMain(async () => {
  const { values } = parseArgs({
    options: { 'out-dir': { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    process.stdout.write('Usage: npm run build [-- --out-dir <dir inside the project; default dist>]\n');
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

  process.stdout.write('▶ datasets: computing what is stale\n');
  await compute(root, datasets, {}, realEffects);
  await verifyAll(root, datasets);

  // NODE_ENV is pinned: test runners set it to "test", which changes the client bundles, and the
  // same sources must build to the same bytes whoever runs the build.
  const env = { ...process.env, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
  run('site', resolve(root, 'node_modules/.bin/astro'), ['build', '--silent'], env);

  const finishing = performance.now();
  const base = process.env.BASE_PATH ?? '/';
  const subset = await subsetMathFonts(outDir, base);
  const preloaded = await preloadMathFonts(outDir, base);
  const csp = await applyCsp(outDir, base);
  process.stdout.write(
    `✓ pages finished in ${((performance.now() - finishing) / 1000).toFixed(1)} s: ${subset.length} math fonts subset ` +
      `(${kb(subset.reduce((n, f) => n + f.before, 0))} → ${kb(subset.reduce((n, f) => n + f.after, 0))}), preloaded on ${preloaded.length} pages, ` +
      `Content-Security-Policy on ${csp.pages} (${csp.withScripts} with scripts; wasm allowed on ${csp.withWasm.join(', ') || 'none'})\n`,
  );
  run('search index', resolve(root, 'node_modules/.bin/pagefind'), ['--site', outDir, '--quiet'], env);
  process.stdout.write(`\nbuilt ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
});
