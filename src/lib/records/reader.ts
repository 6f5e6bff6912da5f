/**
 * The one way to read a committed record: by its contract. Every read checks the record
 * against the contract's schema and its data against the digest in its provenance, and every
 * failure names the file (and the field). Pages, figures, `<Num>`, the claims ledger, islands
 * and the pipeline (for upstream records) all read through here.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetError, describeZodError } from '../io/errors.ts';
import type { DataOf, RecordContract } from './contract.ts';
import { dataDigest } from './digest.ts';
import { datasetRecordSchema, type DatasetRecord } from './envelope.ts';
import { recordPath, type ProfileName } from './paths.ts';

export interface ReadOptions {
  /** Project root holding content/data (default: the working directory). */
  root?: string;
  profile?: ProfileName;
}

/** The command that regenerates a record, for error messages. */
const regenerateCommand = (id: string, profile: ProfileName = 'full'): string =>
  `npm run compute -- --only ${id}${profile === 'full' ? '' : ` --profile ${profile}`}`;

/** A record whose data no longer match the digest in its provenance: edited by hand or corrupted. */
export class TamperedRecordError extends DatasetError {
  constructor(file: string, id: string, profile: ProfileName) {
    super(file, `field data: does not match provenance.dataDigest — edited by hand or corrupted; regenerate with \`${regenerateCommand(id, profile)}\``);
    this.name = 'TamperedRecordError';
  }
}

// A build reads each record many times (every <Num>, figure and claim): parse it once per
// version of the file. Keyed by modification time and size, so a record rewritten in the same
// process (the pipeline writes an upstream record, then reads it) is read afresh.
const cache = new Map<string, { stamp: string; record: DatasetRecord }>();

/** The record's raw JSON, or a DatasetError naming the file. */
function readJson(file: string, absolute: string, id: string, profile: ProfileName): unknown {
  if (!existsSync(absolute)) throw new DatasetError(file, `missing; generate it with \`${regenerateCommand(id, profile)}\``);
  try {
    return JSON.parse(readFileSync(absolute, 'utf8'));
  } catch (error) {
    throw new DatasetError(file, `not valid JSON (${(error as Error).message})`);
  }
}

/** Checks a parsed record against its contract and its digest; throws naming the file and field. */
export function checkRecord<C extends RecordContract>(contract: C, json: unknown, file: string, profile: ProfileName = 'full'): DatasetRecord<DataOf<C>> {
  const parsed = datasetRecordSchema(contract.schema).safeParse(json);
  if (!parsed.success) throw new DatasetError(file, describeZodError(parsed.error));
  if (parsed.data.id !== contract.id) {
    throw new DatasetError(file, `field id: expected "${contract.id}", found "${parsed.data.id}"`);
  }
  // The digest is over the data as stored (zod may reorder keys or fill defaults).
  const stored = (json as { data: unknown }).data;
  if (dataDigest(stored) !== parsed.data.provenance.dataDigest) {
    throw new TamperedRecordError(file, contract.id, profile);
  }
  return parsed.data as DatasetRecord<DataOf<C>>;
}

/** The validated record of `contract`, from `content/data/<id>.json` (or a profile's directory) under `root`. */
export function readRecord<C extends RecordContract>(contract: C, options: ReadOptions = {}): DatasetRecord<DataOf<C>> {
  const root = options.root ?? process.cwd();
  const profile = options.profile ?? 'full';
  const file = recordPath(contract.id, profile);
  const absolute = join(root, file);
  const stat = existsSync(absolute) ? statSync(absolute) : null;
  const key = `${absolute}\0${contract.id}`;
  const stamp = stat ? `${stat.mtimeMs}:${stat.size}` : '';
  const hit = cache.get(key);
  if (stat && hit?.stamp === stamp) return hit.record as DatasetRecord<DataOf<C>>;
  const record = checkRecord(contract, readJson(file, absolute, contract.id, profile), file, profile);
  cache.set(key, { stamp, record });
  return record;
}

/** Just the data of a record. */
export const readData = <C extends RecordContract>(contract: C, options: ReadOptions = {}): DataOf<C> => readRecord(contract, options).data;
