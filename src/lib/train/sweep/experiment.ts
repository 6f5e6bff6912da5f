/**
 * Sweep configs: a base run, seeds, and the values to vary, as one JSON file per experiment in
 * content/experiments/. Overrides are written as dotted paths into the run config
 * ("network.activation.n": [0.5, 1, 2]).
 *
 * Expansion order, fixed so that run indices never depend on the machine: variants (in file
 * order) × grid (keys in file order, the last varying fastest) × seeds.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../io/json-format';
import { fieldPath } from '../../io/errors';
import { runConfigSchema, type RunConfig } from '../../records/schemas/run';

const json = z.union([z.number(), z.string(), z.boolean(), z.null(), z.record(z.unknown()), z.array(z.unknown())]);
const settings = z.record(json);

/** A named set-up compared within the experiment, e.g. "tanh(2x)" vs "rescaled tanh". */
const variantSchema = z.object({ name: z.string().min(1), set: settings }).strict();

const sweepPartsSchema = z.object({
  seeds: z.array(z.number().int()).min(1),
  variants: z.array(variantSchema).optional(),
  grid: z.record(z.array(json).min(1)).optional(),
});

export const experimentSchema = sweepPartsSchema
  .extend({
    /** What the experiment asks, in a sentence (shown with the dataset). */
    description: z.string().min(1),
    /** The run every variant and grid point starts from (without seed). */
    base: z.record(z.unknown()),
    /** Other profiles: replace seeds/variants/grid, and `set` paths on the base. */
    profiles: z.object({ smoke: sweepPartsSchema.partial().extend({ set: settings.optional() }).strict() }).strict(),
  })
  .strict();
export type Experiment = z.infer<typeof experimentSchema>;

/** An experiment with one profile applied: what a dataset's config (and input hash) holds. */
export const resolvedExperimentSchema = sweepPartsSchema.extend({ description: z.string(), base: z.record(z.unknown()) }).strict();
export type ResolvedExperiment = z.infer<typeof resolvedExperimentSchema>;

export interface PlannedRun {
  /** Position in the expansion order (0-based): the order of results in the dataset. */
  index: number;
  /** Hash of the full run config: names its result file, so a resumed sweep finds it. */
  key: string;
  variant: string | null;
  /** The grid values of this run, by path. */
  point: Record<string, unknown>;
  seed: number;
  config: RunConfig;
}

/** An experiment file's problem, naming the file and the field. */
export class ExperimentError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ExperimentError';
  }
}

const clone = <T>(value: T): T => structuredClone(value);

/** Sets `path` (dotted) in `target`, which must already have that field: typos fail loudly. */
function setPath(target: Record<string, unknown>, path: string, value: unknown, file: string, where: string): void {
  const keys = path.split('.');
  let node: unknown = target;
  for (const [i, key] of keys.entries()) {
    if (node === null || typeof node !== 'object' || !(key in node)) {
      throw new ExperimentError(file, `${where}: no field "${keys.slice(0, i + 1).join('.')}" in the base run to set`);
    }
    if (i === keys.length - 1) (node as Record<string, unknown>)[key] = clone(value);
    else node = (node as Record<string, unknown>)[key];
  }
}

function describeRun(variant: string | null, point: Record<string, unknown>, seed: number): string {
  const parts = [...(variant ? [`variant "${variant}"`] : []), ...Object.entries(point).map(([k, v]) => `${k} = ${JSON.stringify(v)}`), `seed ${seed}`];
  return parts.join(', ');
}

/** Parses an experiment file's JSON, naming the file and field on any problem. */
export function parseExperiment(file: string, raw: unknown): Experiment {
  const parsed = experimentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ExperimentError(file, `field ${fieldPath(issue.path)}: ${issue.message}`);
  }
  return parsed.data;
}

/** The experiment as a profile runs it. */
export function resolveProfile(file: string, experiment: Experiment, profile: 'full' | 'smoke'): ResolvedExperiment {
  const { description, base, seeds, variants, grid } = experiment;
  if (profile === 'full') return { description, base, seeds, variants, grid };
  const smoke = experiment.profiles.smoke;
  const smokeBase = clone(base);
  for (const [path, value] of Object.entries(smoke.set ?? {})) setPath(smokeBase, path, value, file, `profiles.smoke.set["${path}"]`);
  return {
    description,
    base: smokeBase,
    seeds: smoke.seeds ?? seeds,
    variants: smoke.variants ?? variants,
    grid: smoke.grid ?? grid,
  };
}

export const runKey = (config: RunConfig): string => createHash('sha256').update(canonicalJson(config)).digest('hex').slice(0, 16);

/** Every run of the experiment, validated; the first invalid run fails naming file, run and field. */
export function expandRuns(file: string, experiment: ResolvedExperiment): PlannedRun[] {
  const variants = experiment.variants ?? [{ name: null as string | null, set: {} }];
  const gridEntries = Object.entries(experiment.grid ?? {});
  // Cartesian product, last key fastest.
  let points: Array<Record<string, unknown>> = [{}];
  for (const [path, values] of gridEntries) {
    points = points.flatMap((point) => values.map((value) => ({ ...point, [path]: value })));
  }
  const runs: PlannedRun[] = [];
  for (const variant of variants) {
    for (const point of points) {
      for (const seed of experiment.seeds) {
        const where = `run ${runs.length} (${describeRun(variant.name, point, seed)})`;
        const config = clone(experiment.base);
        for (const [path, value] of Object.entries(variant.set)) setPath(config, path, value, file, `${where}: variant set "${path}"`);
        for (const [path, value] of Object.entries(point)) setPath(config, path, value, file, `${where}: grid "${path}"`);
        config.seed = seed;
        const parsed = runConfigSchema.safeParse(config);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw new ExperimentError(file, `${where}: field ${fieldPath(issue.path)}: ${issue.message}`);
        }
        runs.push({ index: runs.length, key: runKey(parsed.data), variant: variant.name, point, seed, config: parsed.data });
      }
    }
  }
  const keys = new Set(runs.map((r) => r.key));
  if (keys.size !== runs.length) throw new ExperimentError(file, 'two runs have identical configs (a repeated seed or grid value?)');
  return runs;
}
