import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyDataset, ProfileName, Shard, ShardOutcome } from './definition.ts';
import { configFor, definitionPath, isShardOutcome, recordPath } from './definition.ts';
import { DatasetError, describeZodError } from './errors.ts';
import { compareData, type DataComparison } from './compare.ts';
import { inputHash, inputManifest, lockedVersions, type InputManifest } from './input-hash.ts';
import { formatJson } from './json-format.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { RUN_ONLY_FIELDS, type DatasetRecord } from './provenance.ts';
import { readRecord } from './store.ts';

// The pipeline's side effects (clock, log, date, progress) are injected so tests run silently
// and deterministically; scripts/compute.ts passes the real ones.
export interface PipelineEffects {
  log(line: string): void;
  now(): number;
  date(): Date;
  /** Progress of one dataset's producer (units of work done of total). */
  progress?(id: string, done: number, total: number): void;
}

/** How to run producers: which profile, how many workers, which shard. */
export interface RunOptions {
  profile: ProfileName;
  workers: number;
  shard: Shard | null;
  mergeOnly: boolean;
  /** Recompute partial results too (set by --force: a regeneration must not reuse cached runs). */
  fresh: boolean;
}

export const defaultRunOptions: RunOptions = { profile: 'full', workers: 1, shard: null, mergeOnly: false, fresh: false };

export type Staleness =
  | { state: 'fresh' }
  | { state: 'missing' }
  | { state: 'invalid'; reason: string }
  | { state: 'stale'; reasons: string[] };

export interface Assessment {
  definition: AnyDataset;
  profile: ProfileName;
  config: unknown;
  manifest: InputManifest;
  backend: string | null;
  hash: string;
  staleness: Staleness;
}

/** Checks a profile's config against the definition's schema before anything runs. */
export function checkConfig(definition: AnyDataset, profile: ProfileName = 'full'): void {
  const parsed = definition.configSchema.safeParse(configFor(definition, profile));
  if (!parsed.success) {
    const where = profile === 'full' ? ['config'] : ['profiles', profile];
    throw new DatasetError(definitionPath(definition.id), describeZodError(parsed.error, where));
  }
}

/** Why a stored record no longer matches its inputs, in words a reader can act on. */
function staleReasons(stored: DatasetRecord['provenance'], manifest: InputManifest, config: unknown, backend: string | null): string[] {
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
  if (stored.backend !== backend) reasons.push(`backend ${stored.backend} → ${backend}`);
  return reasons.length > 0 ? reasons : ['hash scheme changed'];
}

export async function assess(
  root: string,
  definition: AnyDataset,
  profile: ProfileName = 'full',
  versions = lockedVersions(root),
): Promise<Assessment> {
  const entries = [definitionPath(definition.id), ...(definition.extraEntries ?? [])];
  const manifest = await inputManifest(root, entries, versions);
  const backend = definition.backend ? await definition.backend() : null;
  const config = configFor(definition, profile);
  const hash = inputHash(config, manifest, backend);
  let staleness: Staleness;
  if (!existsSync(join(root, recordPath(definition.id, profile)))) {
    staleness = { state: 'missing' };
  } else {
    try {
      const record = readRecord(root, definition, profile);
      staleness =
        record.provenance.inputHash === hash
          ? { state: 'fresh' }
          : { state: 'stale', reasons: staleReasons(record.provenance, manifest, config, backend) };
    } catch (error) {
      staleness = { state: 'invalid', reason: (error as Error).message };
    }
  }
  return { definition, profile, config, manifest, backend, hash, staleness };
}

export interface ProduceOutcome {
  id: string;
  wallTimeMs: number;
  /** false when the new record equals the stored one apart from run-only fields. */
  written: boolean;
  /** Comparison with the previously stored data, when there was a valid one. */
  comparison: DataComparison | null;
  /** Set when only a shard ran: no record was written. */
  shard: ShardOutcome | null;
}

/** Drops the fields that describe a run (time, date, Node version) for byte comparison. */
function withoutRunFields(record: DatasetRecord): unknown {
  const provenance: Record<string, unknown> = { ...record.provenance };
  for (const field of RUN_ONLY_FIELDS) delete provenance[field];
  return { ...record, provenance };
}

/** Partial results (e.g. finished training runs) live here, keyed by the input hash. */
export const cacheDirFor = (assessment: Assessment): string =>
  `.cache/datasets/${assessment.profile}/${assessment.definition.id}/${assessment.hash.slice('sha256:'.length, 'sha256:'.length + 16)}`;

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
  const { definition, manifest, backend, hash, profile, config } = assessment;
  const file = recordPath(definition.id, profile);
  checkConfig(definition, profile);
  let previous: DatasetRecord | null = null;
  try {
    previous = readRecord(root, definition, profile);
  } catch {
    previous = null; // missing or invalid: nothing to compare with
  }
  const started = effects.now();
  const output = await definition.produce(config, {
    log: (message) => effects.log(`  ${definition.id}: ${message}`),
    progress: (done, total) => effects.progress?.(definition.id, done, total),
    cacheDir: join(root, cacheDirFor(assessment)),
    workers: options.workers,
    shard: options.shard,
    mergeOnly: options.mergeOnly,
    fresh: options.fresh,
    profile,
  });
  const wallTimeMs = Math.round(effects.now() - started);
  if (isShardOutcome(output)) {
    return { id: definition.id, wallTimeMs, written: false, comparison: null, shard: output };
  }
  const parsed = definition.schema.safeParse(output);
  if (!parsed.success) {
    throw new DatasetError(file, `producer output violates the schema, not written: ${describeZodError(parsed.error, ['data'])}`);
  }
  const record: DatasetRecord = {
    id: definition.id,
    provenance: {
      producer: definitionPath(definition.id),
      config,
      seeds: definition.seeds(config),
      inputHash: hash,
      sources: manifest.sources,
      packages: manifest.packages,
      backend,
      node: process.version,
      wallTimeMs,
      generatedAt: effects.date().toISOString(),
    },
    data: output,
  };
  const text = formatJson(record); // throws, naming the field, on NaN or Infinity
  const comparison = previous ? compareData(previous.data, output) : null;
  // Compared as stored, not as parsed: zod returns objects in schema key order, which need not
  // be the order the producer wrote, and a mere reordering must not count as a change.
  const unchanged =
    previous !== null &&
    JSON.stringify(withoutRunFields(JSON.parse(readFileSync(join(root, file), 'utf8')) as DatasetRecord)) ===
      JSON.stringify(withoutRunFields(JSON.parse(text) as DatasetRecord));
  if (!unchanged) writeFileAtomic(join(root, file), text);
  return { id: definition.id, wallTimeMs, written: !unchanged, comparison, shard: null };
}

/** Reads back a record and confirms it is valid and current; throws naming the file otherwise. */
export async function verify(
  root: string,
  definition: AnyDataset,
  profile: ProfileName = 'full',
  versions = lockedVersions(root),
): Promise<void> {
  const { staleness } = await assess(root, definition, profile, versions);
  if (staleness.state === 'fresh') return;
  const file = recordPath(definition.id, profile);
  if (staleness.state === 'missing') throw new DatasetError(file, 'missing');
  if (staleness.state === 'invalid') throw new Error(staleness.reason);
  throw new DatasetError(file, `stale (${staleness.reasons.join(', ')})`);
}
