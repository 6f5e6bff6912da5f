/**
 * A record contract: what a dataset's committed record promises its readers — its id, a
 * one-line title, the documented zod schema of its `data`, and the records it is derived from.
 * A contract imports nothing but zod and shared schemas, so pages, figures, `<Num>`, the claims
 * ledger and islands can read records without loading the code that produced them.
 */
import type { z } from 'zod';

export interface RecordContract<S extends z.ZodTypeAny = z.ZodTypeAny> {
  /** Stable kebab-case id: the file name in `content/data/` and in download URLs. */
  readonly id: string;
  /** One line saying what the record holds, shown on the reproducibility page. */
  readonly title: string;
  /** Schema of the record's `data`; checked when the record is written and whenever it is read. */
  readonly schema: S;
  /** Records this one is computed from: computed first, and their data digests join its input hash. */
  readonly upstream: readonly RecordContract[];
}

/** The data of a record, as its readers see it (after parsing). */
export type DataOf<C extends RecordContract> = z.output<C['schema']>;

export const RECORD_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function defineContract<S extends z.ZodTypeAny>(contract: {
  id: string;
  title: string;
  schema: S;
  upstream?: readonly RecordContract[];
}): RecordContract<S> {
  if (!RECORD_ID.test(contract.id)) {
    throw new Error(`record id "${contract.id}" must be kebab-case (${RECORD_ID})`);
  }
  return { ...contract, upstream: contract.upstream ?? [] };
}
