import { z } from 'zod';

/** A source file that went into a dataset, with the hash of its exact bytes. */
export const sourceFileSchema = z.object({
  /** Path relative to the project root, with forward slashes. */
  path: z.string(),
  /** SHA-256 of the file's bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Everything needed to say where a dataset came from and to tell whether it is stale. */
export const provenanceSchema = z.object({
  /** The definition module that produced the data (its `produce` function). */
  producer: z.string(),
  /** The configuration the producer ran with. */
  config: z.unknown(),
  /** Random seeds used; empty for seed-free computations. */
  seeds: z.array(z.number().int()),
  /** sha256 over config + `sources` + `packages` (+ backend when training). */
  inputHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  /** Every local module the producer imports, transitively. */
  sources: z.array(sourceFileSchema),
  /** Exact versions of the npm packages those modules import. */
  packages: z.record(z.string()),
  /** Numerical backend for training datasets ("tfjs-wasm", "tfjs-node"); null for float64 math. */
  backend: z.string().nullable(),
  /** Node.js version that ran the producer (informational, not hashed). */
  node: z.string(),
  /** Wall-clock time of the producer in milliseconds (informational, not hashed). */
  wallTimeMs: z.number().nonnegative(),
  /** When the record was generated, ISO 8601 (informational, not hashed). */
  generatedAt: z.string().datetime(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

/** Fields of the provenance that describe one run rather than its inputs and outputs. */
export const RUN_ONLY_FIELDS = ['node', 'wallTimeMs', 'generatedAt'] as const;

/** The committed record: `content/data/<id>.json`. */
export function datasetRecordSchema<D>(data: z.ZodType<D>) {
  return z.object({ id: z.string(), provenance: provenanceSchema, data });
}
export interface DatasetRecord<D = unknown> {
  id: string;
  provenance: Provenance;
  data: D;
}
