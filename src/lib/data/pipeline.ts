import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetError, describeZodError } from '../io/errors.ts';
import { formatJson } from '../io/json-format.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import type { DataOf, RecordContract } from '../records/contract.ts';
import { dataDigest } from '../records/digest.ts';
import { RUN_ONLY_FIELDS, type DatasetRecord, type Provenance } from '../records/envelope.ts';
import { recordPath } from '../records/paths.ts';
import { checkRecord, readRecord, TamperedRecordError } from '../records/reader.ts';
import type { BackendChoice } from '../train/backend.ts';
import { isShardOutcome, type Shard, type ShardOutcome } from '../train/sweep/sweep.ts';
import { compareData, type DataComparison } from './compare.ts';
import { inputHash, inputManifest, lockedVersions, type InputManifest, type UpstreamDigests } from './input-hash.ts';
import { configFor, idOf, producerPath, type AnyProducer, type ProfileName, type UpstreamRecords } from './producer.ts';

// The pipeline's side effects (clock, log, date, progress) are injected so tests run silently
// and deterministically; scripts/compute.ts passes the real ones.
export interface PipelineEffects {
  log(line: string): void;
  now(): number;
  date(): Date;
  /** Progress of one dataset's producer (units of work done of total; `resumed` were done before). */
  progress?(id: string, done: number, total: number, resumed?: number): void;
}

/** How to run producers: which profile, how many workers, which shard, which backend. */
export interface RunOptions {
  profile: ProfileName;
  workers: number;
  shard: Shard | null;
  mergeOnly: boolean;
  /** Recompute partial results too (set by --force: a regeneration must not reuse cached runs). */
  fresh: boolean;
  /** Which TensorFlow.js backend trains: wasm by default (the same bytes on every machine). */
  backend: BackendChoice;
}

export const defaultRunOptions: RunOptions = { profile: 'full', workers: 1, shard: null, mergeOnly: false, fresh: false, backend: 'wasm' };

export type Staleness =
  | { state: 'fresh' }
  | { state: 'missing' }
  | { state: 'invalid'; reason: string }
  /** The data no longer match their digest: edited by hand or corrupted. */
  | { state: 'tampered'; reason: string }
  | { state: 'stale'; reasons: string[] };

export interface Assessment {
  producer: AnyProducer;
  profile: ProfileName;
  config: unknown;
  manifest: InputManifest;
  upstream: UpstreamDigests;
  hash: string;
  staleness: Staleness;
}

/** The project-relative file a producer's configuration problem is reported against. */
const configWhere = (producer: AnyProducer, profile: ProfileName): { file: string; path: (string | number)[] } =>
  'loadConfig' in producer
    ? { file: producer.configFile, path: [] }
    : { file: producerPath(idOf(producer)), path: profile === 'full' ? ['config'] : ['profiles', profile] };

/**
 * A profile's configuration, checked against the producer's schema before anything runs.
 * Throws naming the file (and line, or field) — a configuration file is only read here, so a
 * broken one fails only the commands that need its record.
 */
export function checkedConfig(producer: AnyProducer, profile: ProfileName = 'full', root: string = process.cwd()): unknown {
  const config = configFor(producer, profile, root);
  const parsed = producer.configSchema.safeParse(config);
  if (!parsed.success) {
    const { file, path } = configWhere(producer, profile);
    throw new DatasetError(file, describeZodError(parsed.error, path));
  }
  return config;
}

/** Why a stored record no longer matches its inputs, in words a reader can act on. */
function staleReasons(stored: Provenance, manifest: InputManifest, config: unknown, upstream: UpstreamDigests): string[] {
  const reasons: string[] = [];
  if (JSON.stringify(stored.config) !== JSON.stringify(config)) reasons.push('config changed');
  const before = new Map(stored.sources.map((s) => [s.path, s.sha256]));
  const after = new Map(manifest.sources.map((s) => [s.path, s.sha256]));
  for (const [path, hash] of after) {
    if (!before.has(path)) reasons.push(`${path} added`);
    else if (before.get(path) !== hash) reasons.push(`${path} changed`);
  }
  for (const path of before.keys()) if (!after.has(path)) reasons.push(`${path} no longer imported`);
  for (const [name, version] of Object.entries(manifest.packages)) {
    const old = stored.packages[name];
    if (old !== version) reasons.push(`${name} ${old ?? '(new)'} → ${version}`);
  }
  const storedUpstream = new Map(stored.upstream.map((u) => [u.id, u.dataDigest]));
  for (const { id, dataDigest: digest } of upstream) {
    if (storedUpstream.get(id) !== digest) reasons.push(`upstream record ${id} changed`);
  }
  return reasons.length > 0 ? reasons : ['hash scheme changed'];
}

/** The digests of a producer's upstream records, each read and verified (throws naming the file). */
function upstreamDigests(root: string, producer: AnyProducer, profile: ProfileName): UpstreamDigests {
  return producer.contract.upstream.map((contract) => ({ id: contract.id, dataDigest: readRecord(contract, { root, profile }).provenance.dataDigest }));
}

export async function assess(
  root: string,
  producer: AnyProducer,
  profile: ProfileName = 'full',
  versions = lockedVersions(root),
): Promise<Assessment> {
  const id = idOf(producer);
  const config = checkedConfig(producer, profile, root);
  const manifest = await inputManifest(root, [producerPath(id), ...(producer.runtimeEntries ?? [])], versions);
  const upstream = upstreamDigests(root, producer, profile);
  const hash = inputHash(config, manifest, upstream);
  let staleness: Staleness;
  if (!existsSync(join(root, recordPath(id, profile)))) {
    staleness = { state: 'missing' };
  } else {
    try {
      const record = readRecord(producer.contract, { root, profile });
      staleness =
        record.provenance.inputHash === hash ? { state: 'fresh' } : { state: 'stale', reasons: staleReasons(record.provenance, manifest, config, upstream) };
    } catch (error) {
      const reason = (error as Error).message;
      staleness = error instanceof TamperedRecordError ? { state: 'tampered', reason } : { state: 'invalid', reason };
    }
  }
  return { producer, profile, config, manifest, upstream, hash, staleness };
}

export interface ProduceOutcome {
  id: string;
  wallTimeMs: number;
  /** Wall time, or for work that outlives one invocation (a resumed sweep) the time of all of it. */
  computeTimeMs: number;
  /** false when the new record equals the stored one apart from run-only fields. */
  written: boolean;
  /** Comparison with the previously stored data, when there was a record. */
  comparison: DataComparison | null;
  /** The backends of the previous and the new record (they differ when a record is regenerated on another backend). */
  backends: { before: string | null; after: string | null } | null;
  /** Set when only a shard ran: no record was written. */
  shard: ShardOutcome | null;
}

/** Drops the fields that describe a run (time, date, Node version) for byte comparison. */
function withoutRunFields(record: DatasetRecord): unknown {
  const provenance: Record<string, unknown> = { ...record.provenance };
  for (const field of RUN_ONLY_FIELDS) delete provenance[field];
  return { ...record, provenance };
}

/** The backend recorded in provenance: the name of the TensorFlow.js backend, or null for float64 math. */
const backendLabel = (producer: AnyProducer, choice: BackendChoice): string | null => (producer.trains ? `tfjs-${choice}` : null);

/**
 * Partial results (e.g. finished training runs) live here, keyed by the input hash and, for
 * training, the backend: runs trained on another backend are never mixed into a record.
 */
const cacheDirFor = (assessment: Assessment, backend: BackendChoice): string =>
  `.cache/datasets/${assessment.profile}/${idOf(assessment.producer)}/${assessment.hash.slice('sha256:'.length, 'sha256:'.length + 16)}` +
  (assessment.producer.trains ? `-${backend}` : '');

/** The previous record as stored (raw JSON), or null; comparison only, so it is not verified. */
function previousRecord(root: string, file: string): DatasetRecord | null {
  try {
    return JSON.parse(readFileSync(join(root, file), 'utf8')) as DatasetRecord;
  } catch {
    return null;
  }
}

/** The upstream records, verified, for a producer that may read only the ones its contract declares. */
function upstreamReader(root: string, producer: AnyProducer, profile: ProfileName): UpstreamRecords {
  const declared = new Set(producer.contract.upstream.map((c) => c.id));
  const record = <U extends RecordContract>(contract: U): DatasetRecord<DataOf<U>> => {
    if (!declared.has(contract.id)) {
      throw new Error(`${producerPath(idOf(producer))}: reads record "${contract.id}", which its contract does not declare as upstream`);
    }
    return readRecord(contract, { root, profile });
  };
  return { record, data: (contract) => record(contract).data };
}

/**
 * Runs the producer, validates its output and writes the record atomically. A record whose
 * inputs and data are unchanged is left untouched, so regenerating keeps the same bytes.
 */
export async function produce(
  root: string,
  assessment: Assessment,
  effects: PipelineEffects,
  options: RunOptions = defaultRunOptions,
): Promise<ProduceOutcome> {
  const { producer, manifest, upstream, hash, profile, config } = assessment;
  const id = idOf(producer);
  const file = recordPath(id, profile);
  const previous = previousRecord(root, file);
  let reportedComputeTime: number | null = null;
  const started = effects.now();
  const output = await producer.produce(config, upstreamReader(root, producer, profile), {
    log: (message) => effects.log(`  ${id}: ${message}`),
    progress: (done, total, resumed) => effects.progress?.(id, done, total, resumed),
    reportComputeTime: (ms) => {
      reportedComputeTime = ms;
    },
    cacheDir: join(root, cacheDirFor(assessment, options.backend)),
    workers: options.workers,
    backend: options.backend,
    shard: options.shard,
    mergeOnly: options.mergeOnly,
    fresh: options.fresh,
    profile,
  });
  const wallTimeMs = Math.round(effects.now() - started);
  const computeTimeMs = Math.round(reportedComputeTime ?? wallTimeMs);
  if (isShardOutcome(output)) {
    return { id, wallTimeMs, computeTimeMs, written: false, comparison: null, backends: null, shard: output };
  }
  const parsed = producer.contract.schema.safeParse(output);
  if (!parsed.success) {
    throw new DatasetError(file, `producer output violates the schema, not written: ${describeZodError(parsed.error, ['data'])}`);
  }
  // Every number must be representable: fails naming the field, before anything is derived from the data.
  formatJson({ data: output });
  const backend = backendLabel(producer, options.backend);
  const record: DatasetRecord = {
    id,
    provenance: {
      producer: producerPath(id),
      config,
      seeds: producer.seeds(config),
      inputHash: hash,
      sources: manifest.sources,
      packages: manifest.packages,
      upstream,
      backend,
      dataDigest: dataDigest(output),
      node: process.version,
      wallTimeMs,
      computeTimeMs,
      generatedAt: effects.date().toISOString(),
    },
    data: output,
  };
  const text = formatJson(record);
  const comparison = previous ? compareData(previous.data, output) : null;
  // Compared as stored, not as parsed: zod returns objects in schema key order, which need not
  // be the order the producer wrote, and a mere reordering must not count as a change.
  const unchanged = previous !== null && JSON.stringify(withoutRunFields(previous)) === JSON.stringify(withoutRunFields(JSON.parse(text) as DatasetRecord));
  if (!unchanged) {
    // What reached the disk must read back as a valid record of this contract before it replaces the old one.
    writeFileAtomic(join(root, file), text, { verify: (readBack) => void checkRecord(producer.contract, JSON.parse(readBack), file, profile) });
  }
  return {
    id,
    wallTimeMs,
    computeTimeMs,
    written: !unchanged,
    comparison,
    backends: previous ? { before: previous.provenance?.backend ?? null, after: backend } : null,
    shard: null,
  };
}

/** Reads back a record and confirms it is valid and current; throws naming the file otherwise. */
export async function verify(root: string, producer: AnyProducer, profile: ProfileName = 'full', versions = lockedVersions(root)): Promise<void> {
  const { staleness } = await assess(root, producer, profile, versions);
  const file = recordPath(idOf(producer), profile);
  switch (staleness.state) {
    case 'fresh':
      return;
    case 'missing':
      throw new DatasetError(file, 'missing');
    case 'invalid':
    case 'tampered':
      throw new Error(staleness.reason);
    case 'stale':
      throw new DatasetError(file, `stale (${staleness.reasons.join(', ')})`);
  }
}
