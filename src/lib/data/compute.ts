import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonAtomic } from '../io/atomic-write.ts';
import { recordPath } from '../records/paths.ts';
import { lockedVersions } from './input-hash.ts';
import {
  assess,
  checkedConfig,
  defaultRunOptions,
  produce,
  verify,
  type Assessment,
  type PipelineEffects,
  type ProduceOutcome,
  type RunOptions,
} from './pipeline.ts';
import { idOf, type AnyProducer } from './producer.ts';
import { BACKEND_TOLERANCE, readReproductionReport, REPRODUCTION_REPORT_PATH, type ReproductionReport } from '../records/reproduction-report.ts';

export interface ComputeOptions extends Partial<RunOptions> {
  /** Restrict to these dataset ids (default: all). */
  only?: string[];
  /** Regenerate even when fresh, then report how the new data compares with the old. */
  force?: boolean;
  /**
   * Whether producers that train networks may start (default true). `npm run build` passes
   * false unless given `--train`: a build must not start half an hour of training unasked.
   */
  allowTraining?: boolean;
}

export interface ComputeSummary {
  computed: ProduceOutcome[];
  fresh: string[];
  totalWallTimeMs: number;
  report: ReproductionReport | null;
}

/** A build found training records to recompute and was not asked to train. */
export class TrainingRequiredError extends Error {
  constructor(readonly needed: Array<{ id: string; why: string; estimateMs: number | null }>) {
    const total = needed.reduce((sum, n) => sum + (n.estimateMs ?? 0), 0);
    const unknown = needed.some((n) => n.estimateMs === null);
    super(
      [
        `${needed.length} training dataset(s) need recomputing, which a build does not start unasked:`,
        ...needed.map((n) => `  ${n.id} (${n.why}; last took ${n.estimateMs === null ? 'unknown' : formatMs(n.estimateMs)} of computing)`),
        `Estimated: ${unknown ? 'at least ' : ''}${formatMs(total)} of computing, divided by the number of cores.`,
        `Run \`npm run build -- --train\`, or \`npm run compute -- --only ${needed.map((n) => n.id).join(' ')}\` and then \`npm run build\`.`,
      ].join('\n'),
    );
    this.name = 'TrainingRequiredError';
  }
}

const formatMs = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`);
const formatDiff = (x: number) => (x === 0 ? '0' : x.toExponential(2));

/** Sweeps, configured by an experiment file, are the producers whose runs can be split into shards. */
const splitsIntoShards = (producer: AnyProducer): boolean => 'configFile' in producer && producer.trains === true;

export function selectProducers(all: readonly AnyProducer[], only?: string[]): AnyProducer[] {
  if (!only || only.length === 0) return [...all];
  const unknown = only.filter((id) => !all.some((p) => idOf(p) === id));
  if (unknown.length > 0) {
    throw new Error(`unknown dataset ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${all.map(idOf).join(', ')}`);
  }
  return all.filter((p) => only.includes(idOf(p)));
}

/**
 * The producers in an order where every record comes after the records it is computed from
 * (its contract's upstream), otherwise in the given order. Fails on a cycle, naming it.
 */
export function computeOrder(producers: readonly AnyProducer[]): AnyProducer[] {
  const byId = new Map(producers.map((p) => [idOf(p), p]));
  const ordered: AnyProducer[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (producer: AnyProducer, path: string[]) => {
    const id = idOf(producer);
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw new Error(`records depend on each other in a circle: ${[...path, id].join(' → ')}`);
    state.set(id, 'visiting');
    for (const upstream of producer.contract.upstream) {
      const before = byId.get(upstream.id);
      if (before) visit(before, [...path, id]);
    }
    state.set(id, 'done');
    ordered.push(producer);
  };
  for (const producer of producers) visit(producer, []);
  return ordered;
}

const describeStaleness = (assessment: Assessment): string => {
  const { staleness } = assessment;
  switch (staleness.state) {
    case 'stale':
      return `stale: ${staleness.reasons.slice(0, 3).join('; ')}${staleness.reasons.length > 3 ? '; …' : ''}`;
    case 'invalid':
    case 'tampered':
      return `${staleness.state}: ${staleness.reason}`;
    default:
      return staleness.state;
  }
};

/** Computing time of the record now on disk (the estimate for recomputing it), or null. */
function lastComputeTime(root: string, producer: AnyProducer, profile: RunOptions['profile']): number | null {
  try {
    const stored = JSON.parse(readFileSync(join(root, recordPath(idOf(producer), profile)), 'utf8')) as {
      provenance?: { computeTimeMs?: number; wallTimeMs?: number };
    };
    return stored.provenance?.computeTimeMs ?? stored.provenance?.wallTimeMs ?? null;
  } catch {
    return null;
  }
}

/**
 * Computes what is stale (or everything, with force) and says which and why. Configs are all
 * checked before any producer runs, so a malformed one costs no compute; records are computed
 * after the records they are derived from.
 */
export async function compute(
  root: string,
  all: readonly AnyProducer[],
  options: ComputeOptions,
  effects: PipelineEffects,
): Promise<ComputeSummary> {
  // A forced regeneration recomputes from scratch, cached partial results included — except in a
  // merge, whose whole point is to use the runs the shards finished.
  const run: RunOptions = { ...defaultRunOptions, ...options, fresh: options.fresh ?? Boolean(options.force && !options.mergeOnly) };
  const chosen = computeOrder(selectProducers(all, options.only));
  // A shard runs its part of every sweep; the other producers have no independent units of work
  // to split and are computed once, by the merge.
  const selected = run.shard ? chosen.filter(splitsIntoShards) : chosen;
  if (run.shard && selected.length < chosen.length) {
    effects.log(`shard ${run.shard.index}/${run.shard.count}: sweeps only; ${chosen.length - selected.length} other dataset(s) are computed by --merge`);
  }
  for (const producer of selected) checkedConfig(producer, run.profile, root);
  const versions = lockedVersions(root);
  const named = new Set(options.only ?? []);

  if (options.allowTraining === false) {
    const needed: TrainingRequiredError['needed'] = [];
    for (const producer of selected.filter((p) => p.trains)) {
      const assessment = await assess(root, producer, run.profile, versions);
      if (options.force || assessment.staleness.state !== 'fresh') {
        needed.push({ id: idOf(producer), why: describeStaleness(assessment), estimateMs: lastComputeTime(root, producer, run.profile) });
      }
    }
    if (needed.length > 0) throw new TrainingRequiredError(needed);
  }

  const started = effects.now();
  const computed: ProduceOutcome[] = [];
  const fresh: string[] = [];
  // Each record is assessed just before it would run: one derived from another sees that
  // record as just written.
  for (const producer of selected) {
    const id = idOf(producer);
    const assessment = await assess(root, producer, run.profile, versions);
    const { staleness } = assessment;
    if (!options.force && staleness.state === 'fresh') {
      fresh.push(id);
      continue;
    }
    // An edited record is a question for a person, not something to overwrite silently.
    if (staleness.state === 'tampered' && !options.force && !named.has(id)) throw new Error(staleness.reason);
    effects.log(`▸ ${id} (${describeStaleness(assessment)})`);
    const outcome = await produce(root, assessment, effects, run);
    computed.push(outcome);
    if (outcome.shard) {
      const { ran, cached, total } = outcome.shard;
      effects.log(`      shard ${run.shard!.index}/${run.shard!.count}: ran ${ran}, already done ${cached}, of ${total} runs in all, in ${formatMs(outcome.wallTimeMs)}`);
    } else {
      effects.log(`      ${outcome.written ? 'wrote' : 'unchanged'} ${recordPath(id, run.profile)} in ${formatMs(outcome.wallTimeMs)}`);
    }
  }
  if (fresh.length > 0) effects.log(`up to date: ${fresh.join(', ')}`);
  if (computed.length === 0) effects.log('nothing to compute');
  const totalWallTimeMs = effects.now() - started;
  effects.log(`computed ${computed.length} dataset(s) in ${formatMs(totalWallTimeMs)}`);

  let report: ReproductionReport | null = null;
  if (options.force && !run.shard) {
    report = reproductionReport(computed, totalWallTimeMs, effects);
    if (run.profile === 'full') {
      // Only a regeneration of everything is "the last full regeneration"; a part regenerated
      // alone updates its own entries, dated, so every published record keeps an entry.
      const whole = chosen.length === all.length;
      const written = whole ? report : mergedReport(readReproductionReport(root), report, all);
      if (written) writeJsonAtomic(join(root, REPRODUCTION_REPORT_PATH), written);
      else effects.log(`no ${REPRODUCTION_REPORT_PATH} to add these datasets to: run \`npm run compute -- --force\` once over everything`);
    }
  }
  return { computed, fresh, totalWallTimeMs, report };
}

/** identical (same data), within tolerance (another backend, differences below BACKEND_TOLERANCE), differs, or new. */
function statusOf(outcome: ProduceOutcome): ReproductionReport['datasets'][number]['status'] {
  const { comparison, backends } = outcome;
  if (comparison === null) return 'new';
  if (comparison.identical) return 'identical';
  const otherBackend = backends !== null && backends.before !== backends.after;
  if (otherBackend && comparison.differences.length === 0 && comparison.maxRelDiff <= BACKEND_TOLERANCE.maxRelDiff) return 'within tolerance';
  return 'differs';
}

function reproductionReport(outcomes: ProduceOutcome[], totalWallTimeMs: number, effects: PipelineEffects): ReproductionReport {
  const datasets = outcomes.map((o) => ({
    id: o.id,
    status: statusOf(o),
    maxAbsDiff: o.comparison?.maxAbsDiff ?? 0,
    maxRelDiff: o.comparison?.maxRelDiff ?? 0,
    differences: o.comparison?.differences ?? [],
    backend: o.backends?.after ?? null,
    previousBackend: o.backends?.before ?? null,
    wallTimeMs: o.wallTimeMs,
    computeTimeMs: o.computeTimeMs,
  }));
  effects.log('reproduction report:');
  const width = Math.max(...datasets.map((d) => d.id.length), 7);
  effects.log(`  ${'dataset'.padEnd(width)}  status            max |Δ|    max rel Δ  time`);
  for (const d of datasets) {
    effects.log(
      `  ${d.id.padEnd(width)}  ${d.status.padEnd(16)}  ${formatDiff(d.maxAbsDiff).padEnd(9)}  ${formatDiff(d.maxRelDiff).padEnd(9)}  ${formatMs(d.wallTimeMs)}` +
        (d.previousBackend !== d.backend ? `  (backend ${d.previousBackend} → ${d.backend})` : ''),
    );
    for (const line of d.differences) effects.log(`      ${line}`);
  }
  return {
    generatedAt: effects.date().toISOString(),
    node: process.version,
    totalWallTimeMs: Math.round(totalWallTimeMs),
    backendTolerance: BACKEND_TOLERANCE,
    datasets,
  };
}

/**
 * `partial`'s entries, marked as regenerated alone, replace or join `base`'s; entries of
 * datasets that no longer exist are dropped; the order is the compute order of `all`.
 */
export function mergedReport(base: ReproductionReport | null, partial: ReproductionReport, all: readonly AnyProducer[]): ReproductionReport | null {
  if (!base) return null;
  const byId = new Map(base.datasets.map((d) => [d.id, d]));
  for (const d of partial.datasets) byId.set(d.id, { ...d, regeneratedAlone: { at: partial.generatedAt, node: partial.node } });
  const datasets = computeOrder(all)
    .map((p) => byId.get(idOf(p)))
    .filter((d): d is ReproductionReport['datasets'][number] => d !== undefined);
  return { ...base, datasets };
}

/** Confirms every record is present, valid and current. Throws naming the first bad file. */
export async function verifyAll(root: string, all: readonly AnyProducer[], profile: RunOptions['profile'] = 'full'): Promise<void> {
  const versions = lockedVersions(root);
  for (const producer of computeOrder(all)) await verify(root, producer, profile, versions);
}
