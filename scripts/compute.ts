/**
 * Regenerates datasets. `npm run compute -- --help` for usage.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { datasets } from '../src/lib/data/registry.ts';
import { compute, verifyAll } from '../src/lib/data/compute.ts';
import { PROFILES, recordPath, type ProfileName, type Shard } from '../src/lib/data/definition.ts';
import { assess } from '../src/lib/data/pipeline.ts';
import { realEffects, runMain } from './cli.ts';
import { progressReporter } from './progress.ts';

const HELP = `Usage: npm run compute -- [options]

Computes every dataset whose inputs changed (config, any source file its producer imports,
transitively, or a package version) and writes content/data/<id>.json atomically.

Options:
  --only <id...>     only these datasets (ids as listed by --list); repeat or separate with spaces
  --force            regenerate even if up to date, then print a reproduction report (identical /
                     differs, largest absolute and relative difference); with all datasets, the
                     report is saved to content/reproduction-report.json
  --profile <name>   full (default: the published record in content/data) or smoke (a tiny
                     configuration of the same code, written to .cache/profiles/smoke/data)
  --workers <n>      parallel training workers for sweeps (default: one per core, here ${availableParallelism()})
  --shard <i/N>      run only shard i of N of each sweep's runs (finished runs are kept in
                     .cache/datasets/); no record is written. Copy the .cache/datasets/ folders of
                     all shards to one machine, then run with --merge.
  --merge            assemble sweeps from finished runs only; fails listing any missing run
  --list             list datasets and whether each is up to date, then exit
  --help             this text

A killed run resumes where it stopped: finished training runs are kept, keyed by the inputs.
`;

function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count) {
    throw new Error(`--shard ${text}: expected i/N with 1 ≤ i ≤ N, e.g. --shard 1/4`);
  }
  return { index, count };
}

function parseProfile(text: string): ProfileName {
  if (!(PROFILES as readonly string[]).includes(text)) {
    throw new Error(`--profile ${text}: expected one of ${PROFILES.join(', ')}`);
  }
  return text as ProfileName;
}

function parseWorkers(text: string | undefined): number {
  if (text === undefined) return availableParallelism();
  const workers = Number(text);
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers ${text}: expected a positive integer`);
  return workers;
}

await runMain(async () => {
  const { values, positionals } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      force: { type: 'boolean', default: false },
      profile: { type: 'string', default: 'full' },
      workers: { type: 'string' },
      shard: { type: 'string' },
      merge: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const root = process.cwd();
  // `--only a b` arrives as only=[a] plus positionals [b]: treat them together.
  const only = values.only ? [...values.only, ...positionals].flatMap((s) => s.split(',')) : undefined;
  if (!values.only && positionals.length > 0) {
    throw new Error(`unexpected argument "${positionals[0]}" (see --help)`);
  }
  const profile = parseProfile(values.profile);
  if (values.list) {
    for (const definition of datasets) {
      const { staleness } = await assess(root, definition, profile);
      process.stdout.write(`${definition.id.padEnd(24)} ${staleness.state.padEnd(8)} ${recordPath(definition.id, profile)}  ${definition.title}\n`);
    }
    return;
  }
  const shard = values.shard ? parseShard(values.shard) : null;
  if (shard && values.merge) throw new Error('--shard and --merge go in separate invocations');
  const progress = progressReporter();
  try {
    await compute(
      root,
      datasets,
      { only, force: values.force, profile, workers: parseWorkers(values.workers), shard, mergeOnly: values.merge },
      { ...realEffects, progress: progress.update },
    );
  } finally {
    progress.stop();
  }
  if (!only && !shard) await verifyAll(root, datasets, profile);
});
