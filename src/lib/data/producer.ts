/**
 * A producer computes one record: a function of (config, upstream records, context). It is
 * the only code that knows how a record is made; readers know only its contract
 * (src/lib/records/contracts/). The producer module `src/lib/data/producers/<id>.ts` is the
 * entry point whose transitive imports make up the record's input hash.
 */
import type { z } from 'zod';
import type { DataOf, RecordContract } from '../records/contract.ts';
import type { DatasetRecord } from '../records/envelope.ts';
import type { ProfileName } from '../records/paths.ts';
import type { BackendChoice } from '../train/backend.ts';
import type { Shard, ShardOutcome } from '../train/sweep/sweep.ts';

export { PROFILES, type ProfileName } from '../records/paths.ts';

/** What a producer gets from the pipeline (injected, so tests stay silent and deterministic). */
export interface ProduceContext {
  log(message: string): void;
  /** Progress of long producers, in units of work (e.g. training runs); `resumed` were done before. */
  progress(done: number, total: number, resumed?: number): void;
  /** For producers whose work outlives one invocation (a resumed sweep): the computing time of all of it. */
  reportComputeTime(ms: number): void;
  /** A directory private to this record, profile, input hash and backend, for resumable partial results. */
  cacheDir: string;
  /** How many parallel workers the producer may use. */
  workers: number;
  /** Which TensorFlow.js backend trains (provenance, not input). */
  backend: BackendChoice;
  /** Run only this shard of the work; the producer then returns a ShardOutcome, not data. */
  shard: Shard | null;
  /** Assemble only from finished partial results (after shards ran elsewhere); fail listing what is missing. */
  mergeOnly: boolean;
  /** Ignore partial results of earlier runs and recompute everything (a full regeneration). */
  fresh: boolean;
  profile: ProfileName;
}

/** The upstream records a producer declared (through its contract), parsed and verified. */
export interface UpstreamRecords {
  data<U extends RecordContract>(contract: U): DataOf<U>;
  /** The whole record, when its provenance matters too (e.g. the configuration it was computed with). */
  record<U extends RecordContract>(contract: U): DatasetRecord<DataOf<U>>;
}

interface ProducerBase<C, K extends RecordContract> {
  contract: K;
  /** Schema of the configuration; a malformed config fails before anything runs. */
  configSchema: z.ZodType<C, z.ZodTypeDef, unknown>;
  /** Seeds the producer uses (empty for deterministic, seed-free computations). */
  seeds: (config: C) => number[];
  /**
   * Whether producing it trains networks with TensorFlow.js (minutes to tens of minutes):
   * `npm run build` then does not start it unless asked (`--train`).
   */
  trains?: boolean;
  /** The backend that will run it, for provenance; null for float64 math. */
  backendName?: (choice: BackendChoice) => Promise<string>;
  /**
   * Modules the producer loads by path rather than by import (e.g. a worker_threads entry):
   * they and their imports join the input hash.
   */
  runtimeEntries?: string[];
  produce(
    config: C,
    upstream: UpstreamRecords,
    context: ProduceContext,
  ): z.input<K['schema']> | ShardOutcome | Promise<z.input<K['schema']> | ShardOutcome>;
}

/** A producer whose configuration is written in its module. */
export interface StaticProducer<C, K extends RecordContract> extends ProducerBase<C, K> {
  /** Configuration of the published record (profile `full`). Part of the input hash. */
  config: C;
  /** Configuration of other profiles; a profile without one uses `config`. */
  profiles?: Partial<Record<Exclude<ProfileName, 'full'>, C>>;
}

/** A producer whose configuration is read from a file when needed (a sweep's experiment). */
export interface LoadedProducer<C, K extends RecordContract> extends ProducerBase<C, K> {
  /** The file the configuration comes from, named in errors. */
  configFile: string;
  /** Reads and checks the configuration of a profile (file paths relative to `root`); throws naming the file, line and field. */
  loadConfig(profile: ProfileName, root: string): C;
}

export type Producer<C, K extends RecordContract> = StaticProducer<C, K> | LoadedProducer<C, K>;

/** A producer of any config and record, as held in the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProducer = Producer<any, RecordContract>;

export function defineProducer<C, K extends RecordContract>(producer: StaticProducer<C, K>): StaticProducer<C, K>;
export function defineProducer<C, K extends RecordContract>(producer: LoadedProducer<C, K>): LoadedProducer<C, K>;
export function defineProducer<C, K extends RecordContract>(producer: Producer<C, K>): Producer<C, K> {
  return producer;
}

export const idOf = (producer: AnyProducer): string => producer.contract.id;

/** Where a producer's source lives, by convention; the input hash starts from here. */
export const producerPath = (id: string): string => `src/lib/data/producers/${id}.ts`;

/** The configuration a profile runs with (reading a configuration file if the producer has one). */
export function configFor<C>(producer: Producer<C, RecordContract>, profile: ProfileName, root: string = process.cwd()): C {
  if ('loadConfig' in producer) return producer.loadConfig(profile, root);
  return profile === 'full' ? producer.config : (producer.profiles?.[profile] ?? producer.config);
}
