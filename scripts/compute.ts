/**
 * Regenerates datasets. `npm run compute -- --help` for usage.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { producers } from '../src/lib/data/registry.ts';
import { compute, selectProducers, verifyAll } from '../src/lib/data/compute.ts';
import { idOf, PROFILES, type ProfileName } from '../src/lib/data/producer.ts';
import { assess } from '../src/lib/data/pipeline.ts';
import { recordPath } from '../src/lib/records/paths.ts';
import { PROJECT_LOCK, withLock } from '../src/lib/io/lock.ts';
import { BACKEND_CHOICES, type BackendChoice } from '../src/lib/train/backend.ts';
import type { Shard } from '../src/lib/train/sweep/sweep.ts';
import { realEffects, runMain } from './cli.ts';
import { progressReporter } from './progress.ts';

const HELP = `Usage: npm run compute -- [options]

Computes every dataset whose inputs changed (config, any source file its producer imports,
transitively, a package version, or the data of a record it is computed from) and writes
content/data/<id>.json atomically. Records are computed after the records they derive from.

Options:
  --only <id...>     only these datasets (ids as listed by --list); repeat or separate with spaces
  --force            regenerate even if up to date, then print a reproduction report (identical /
                     differs, largest absolute and relative difference); with all datasets, the
                     report is saved to content/reproduction-report.json
  --profile <name>   full (default: the published record in content/data) or smoke (a tiny
                     configuration of the same code, written to .cache/profiles/smoke/data)
  --workers <n>      parallel training workers for sweeps (default: one per core, here ${availableParallelism()})
  --backend <name>   TensorFlow.js backend that trains: wasm (default: WebAssembly, the same bytes
                     on every machine, which the published records use), node (native TensorFlow
                     via the optional @tensorflow/tfjs-node, where it installs; its float32
                     results differ, and --force then compares within a tolerance) or cpu.
                     The backend is recorded in provenance; it does not make a record stale.
  --shard <i/N>      run only shard i of N of each sweep's runs (finished runs are kept in
                     .cache/datasets/); no record is written. Copy the .cache/datasets/ folders of
                     all shards to one machine, then run with --merge.
  --merge            assemble sweeps from finished runs only; fails listing any missing run
  --list             list datasets (or those of --only) and whether each is up to date, then exit
  --help             this text

A killed run resumes where it stopped: finished training runs are kept, keyed by the inputs.
Another compute or build running in this checkout is waited for (they share a lock).
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

function parseChoice<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(text)) throw new Error(`${flag} ${text}: expected one of ${choices.join(', ')}`);
  return text as T;
}

function parseWorkers(text: string | undefined): number {
  if (text === undefined) return availableParallelism();
  const workers = Number(text);
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers ${text}: expected a positive integer`);
  return workers;
}

/** One line per dataset; a dataset whose configuration cannot be read says why instead of stopping the list. */
async function list(root: string, only: string[] | undefined, profile: ProfileName): Promise<void> {
  for (const producer of selectProducers(producers, only)) {
    const id = idOf(producer);
    let state: string;
    try {
      const { staleness } = await assess(root, producer, profile);
      state = staleness.state;
    } catch (error) {
      state = `error: ${(error as Error).message}`;
    }
    process.stdout.write(`${id.padEnd(24)} ${state.padEnd(8)} ${recordPath(id, profile)}  ${producer.contract.title}\n`);
  }
}

await runMain(async () => {
  const { values, positionals } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      force: { type: 'boolean', default: false },
      profile: { type: 'string', default: 'full' },
      workers: { type: 'string' },
      backend: { type: 'string', default: 'wasm' },
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
  const profile = parseChoice('--profile', values.profile, PROFILES);
  const backend: BackendChoice = parseChoice('--backend', values.backend, BACKEND_CHOICES);
  if (values.list) return list(root, only, profile);
  const shard = values.shard ? parseShard(values.shard) : null;
  if (shard && values.merge) throw new Error('--shard and --merge go in separate invocations');
  const progress = progressReporter();
  await withLock(join(root, PROJECT_LOCK), { purpose: `npm run compute ${process.argv.slice(2).join(' ')}`.trim(), log: realEffects.log }, async () => {
    try {
      await compute(
        root,
        producers,
        { only, force: values.force, profile, workers: parseWorkers(values.workers), backend, shard, mergeOnly: values.merge },
        { ...realEffects, progress: progress.update },
      );
    } finally {
      progress.stop();
    }
    if (!only && !shard) await verifyAll(root, producers, profile);
  });
});
