import type { z } from 'zod';

/** What a producer may tell the pipeline while it runs (injected, so tests stay silent). */
export interface ProduceContext {
  log(message: string): void;
}

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
  /** Configuration of the published record. Part of the input hash. */
  config: C;
  /** Seeds the producer uses (empty for deterministic, seed-free computations). */
  seeds: (config: C) => number[];
  /** Schema of the produced `data`; checked on write and on every read. */
  schema: z.ZodType<D>;
  /**
   * For training datasets: the numerical backend that will run (e.g. "tfjs-wasm"), known
   * before running so that it can be part of the input hash. Absent for float64 math.
   */
  backend?: () => string | Promise<string>;
  produce(config: C, context: ProduceContext): D | Promise<D>;
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

/** Where a dataset's committed record lives, relative to the project root. */
export const recordPath = (id: string): string => `content/data/${id}.json`;
