/**
 * Regenerates datasets. `npm run compute -- --help` for usage.
 */
import { parseArgs } from 'node:util';
import { datasets } from '../src/lib/data/registry.ts';
import { compute, verifyAll } from '../src/lib/data/compute.ts';
import { recordPath } from '../src/lib/data/definition.ts';
import { realEffects, runMain } from './cli.ts';

const HELP = `Usage: npm run compute -- [options]

Computes every dataset whose inputs changed (config, any source file its producer imports,
transitively, or a package version) and writes content/data/<id>.json atomically.

Options:
  --only <id...>  only these datasets (ids as listed by --list); repeat or separate with spaces
  --force         regenerate even if up to date, then print a reproduction report (identical /
                  differs, largest absolute and relative difference); with all datasets, the
                  report is saved to content/reproduction-report.json
  --list          list datasets and whether each is up to date, then exit
  --help          this text
`;

await runMain(async () => {
  const { values, positionals } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      force: { type: 'boolean', default: false },
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
  if (values.list) {
    const { assess } = await import('../src/lib/data/pipeline.ts');
    for (const definition of datasets) {
      const { staleness } = await assess(root, definition);
      process.stdout.write(`${definition.id.padEnd(22)} ${staleness.state.padEnd(8)} ${recordPath(definition.id)}  ${definition.title}\n`);
    }
    return;
  }
  await compute(root, datasets, { only, force: values.force }, realEffects);
  if (!only) await verifyAll(root, datasets);
});
