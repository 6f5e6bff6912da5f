import type { z } from 'zod';

/**
 * Profiles: `full` is the published record (content/data); `smoke` is a tiny configuration of
 * the same producer that CI and tests run in seconds, exercising the same code paths.
 */
export const PROFILES = ['full', 'smoke'] as const;
export type ProfileName = (typeof PROFILES)[number];

/** A slice of a producer's independent work units: `index` of `count`, 1-based. */
export interface Shard {
  index: number;
  count: number;
}

/** What a producer gets from the pipeline (injected, so tests stay silent and deterministic). */
export interface ProduceContext {
  log(message: string): void;
  /** Progress of long producers, in units of work (e.g. training runs). */
  progress(done: number, total: number): void;
  /** A directory private to this dataset, profile and input hash, for resumable partial results. */
  cacheDir: string;
  /** How many parallel workers the producer may use. */
  workers: number;
  /** Run only this shard of the work; the producer then returns a ShardOutcome, not data. */
  shard: Shard | null;
  /** Assemble only from finished partial results (after shards ran elsewhere); fail listing what is missing. */
  mergeOnly: boolean;
  /** Ignore partial results of earlier runs and recompute everything (a full regeneration). */
  fresh: boolean;
  profile: ProfileName;
}

/** What a producer returns when asked for one shard: the record is written by a later merge. */
export interface ShardOutcome {
  shardDone: true;
  ran: number;
  cached: number;
  total: number;
}
export const isShardOutcome = (value: unknown): value is ShardOutcome =>
  typeof value === 'object' && value !== null && (value as ShardOutcome).shardDone === true;

/**
 * One dataset: how to produce it, the schema its data must satisfy, and the configuration of
 * the published record. The definition lives in `src/lib/data/datasets/<id>.ts`; that file is
 * the entry point whose transitive imports make up the dataset's input hash.
 */
export interface DatasetDefinition<C = unknown, D = unknown> {
  /** Stable kebab-case id: the file name in `content/data/` and in download URLs. */
  id: string;
  /** One line saying what the dataset holds, shown on the reproducibility page. */
  title: string;
  /** Schema of `config`; a malformed config fails before anything runs. */
  configSchema: z.ZodType<C>;
  /** Configuration of the published record (profile `full`). Part of the input hash. */
  config: C;
  /** Configuration of other profiles; a profile without one uses `config`. */
  profiles?: Partial<Record<Exclude<ProfileName, 'full'>, C>>;
  /**
   * Modules the producer loads by path rather than by import (e.g. a worker_threads entry):
   * they and their imports join the input hash.
   */
  extraEntries?: string[];
  /** Seeds the producer uses (empty for deterministic, seed-free computations). */
  seeds: (config: C) => number[];
  /** Schema of the produced `data`; checked on write and on every read. */
  schema: z.ZodType<D>;
  /**
   * For training datasets: the numerical backend that will run (e.g. "tfjs-wasm"), known
   * before running so that it can be part of the input hash. Absent for float64 math.
   */
  backend?: () => string | Promise<string>;
  produce(config: C, context: ProduceContext): D | ShardOutcome | Promise<D | ShardOutcome>;
}

/** A definition of any config and data type, as held in the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDataset = DatasetDefinition<any, any>;

export const DATASET_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function defineDataset<C, D>(definition: DatasetDefinition<C, D>): DatasetDefinition<C, D> {
  if (!DATASET_ID.test(definition.id)) {
    throw new Error(`dataset id "${definition.id}" must be kebab-case (${DATASET_ID})`);
  }
  return definition;
}

/** Where a definition's source lives, by convention; the input hash starts from here. */
export const definitionPath = (id: string): string => `src/lib/data/datasets/${id}.ts`;

/** The configuration a profile runs with. */
export function configFor<C>(definition: DatasetDefinition<C, unknown>, profile: ProfileName): C {
  return profile === 'full' ? definition.config : (definition.profiles?.[profile] ?? definition.config);
}

/** Where a profile's records live: the published record is content/data; others are scratch. */
export const dataDir = (profile: ProfileName): string => (profile === 'full' ? 'content/data' : `.cache/profiles/${profile}/data`);

/** Where a dataset's record lives, relative to the project root. */
export const recordPath = (id: string, profile: ProfileName = 'full'): string => `${dataDir(profile)}/${id}.json`;
