/**
 * The envelope every committed record shares: `{ id, provenance, data }`. The provenance says
 * where the data came from and lets the pipeline tell whether it is stale or was edited.
 */
import { z } from 'zod';

/** A source file that went into a dataset, with the hash of its exact bytes. */
const sourceFileSchema = z.object({
  /** Path relative to the project root, with forward slashes. */
  path: z.string(),
  /** SHA-256 of the file's bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const digest = z.string().regex(/^sha256:[0-9a-f]{64}$/);

/** Everything needed to say where a dataset came from and to tell whether it is stale. */
export const provenanceSchema = z.object({
  /** The producer module that computed the data (its `produce` function). */
  producer: z.string(),
  /** The configuration the producer ran with. */
  config: z.unknown(),
  /** Random seeds used; empty for seed-free computations. */
  seeds: z.array(z.number().int()),
  /** sha256 over config + `sources` + `packages` + the upstream records' data digests. */
  inputHash: digest,
  /** Every local module the producer imports, transitively. */
  sources: z.array(sourceFileSchema),
  /** Exact versions of the npm packages those modules import. */
  packages: z.record(z.string()),
  /** The records this one was computed from, with the digest of the data it read. */
  upstream: z.array(z.object({ id: z.string(), dataDigest: digest })),
  /**
   * Numerical backend that trained ("tfjs-wasm", "tfjs-node"); null for float64 math. Provenance,
   * not input: it is not part of the input hash (see README, "Backend").
   */
  backend: z.string().nullable(),
  /** sha256 of the canonical JSON of `data`: checked on every read, so an edited record fails. */
  dataDigest: digest,
  /** Node.js version that ran the producer (informational, not hashed). */
  node: z.string(),
  /** Wall-clock time of the invocation that wrote the record, in milliseconds (informational). */
  wallTimeMs: z.number().nonnegative(),
  /**
   * Computing time in milliseconds: for a sweep, the sum of its runs' own times over every
   * invocation (a resumed sweep counts the runs done before too); otherwise the wall time.
   */
  computeTimeMs: z.number().nonnegative(),
  /** When the record was generated, ISO 8601 (informational, not hashed). */
  generatedAt: z.string().datetime(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

/** Fields of the provenance that describe one run rather than its inputs and outputs. */
export const RUN_ONLY_FIELDS = ['node', 'wallTimeMs', 'computeTimeMs', 'generatedAt'] as const;

/** The committed record: `content/data/<id>.json`. */
export function datasetRecordSchema<D extends z.ZodTypeAny>(data: D) {
  return z.object({ id: z.string(), provenance: provenanceSchema, data });
}
export interface DatasetRecord<D = unknown> {
  id: string;
  provenance: Provenance;
  data: D;
}
