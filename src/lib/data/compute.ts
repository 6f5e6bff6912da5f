import { join } from 'node:path';
import type { AnyDataset } from './definition.ts';
import { recordPath } from './definition.ts';
import { lockedVersions } from './input-hash.ts';
import { formatJson } from './json-format.ts';
import { writeFileAtomic } from './atomic-write.ts';
import {
  assess,
  checkConfig,
  defaultRunOptions,
  produce,
  verify,
  type PipelineEffects,
  type ProduceOutcome,
  type RunOptions,
} from './pipeline.ts';
import { REPRODUCTION_REPORT_PATH, type ReproductionReport } from './report.ts';

export interface ComputeOptions extends Partial<RunOptions> {
  /** Restrict to these dataset ids (default: all). */
  only?: string[];
  /** Regenerate even when fresh, then report how the new data compares with the old. */
  force?: boolean;
}

export interface ComputeSummary {
  computed: ProduceOutcome[];
  fresh: string[];
  totalWallTimeMs: number;
  report: ReproductionReport | null;
}

const formatMs = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
const formatDiff = (x: number) => (x === 0 ? '0' : x.toExponential(2));

export function selectDatasets(all: readonly AnyDataset[], only?: string[]): AnyDataset[] {
  if (!only || only.length === 0) return [...all];
  const unknown = only.filter((id) => !all.some((d) => d.id === id));
  if (unknown.length > 0) {
    throw new Error(`unknown dataset ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${all.map((d) => d.id).join(', ')}`);
  }
  return all.filter((d) => only.includes(d.id));
}

/**
 * Computes what is stale (or everything, with force) and says which and why. Configs are all
 * checked before any producer runs, so a malformed one costs no compute.
 */
export async function compute(
  root: string,
  all: readonly AnyDataset[],
  options: ComputeOptions,
  effects: PipelineEffects,
): Promise<ComputeSummary> {
  // A forced regeneration recomputes from scratch, cached partial results included.
  const run: RunOptions = { ...defaultRunOptions, ...options, fresh: options.fresh ?? Boolean(options.force) };
  const selected = selectDatasets(all, options.only);
  for (const definition of selected) checkConfig(definition, run.profile);
  const versions = lockedVersions(root);
  const started = effects.now();
  const computed: ProduceOutcome[] = [];
  const fresh: string[] = [];
  // Datasets are assessed one at a time, in registry order, just before they would run: a
  // dataset derived from another one's record (listed after it) sees that record as just written.
  for (const definition of selected) {
    const assessment = await assess(root, definition, run.profile, versions);
    const { staleness } = assessment;
    if (!options.force && staleness.state === 'fresh') {
      fresh.push(definition.id);
      continue;
    }
    const why =
      staleness.state === 'stale'
        ? `stale: ${staleness.reasons.slice(0, 3).join('; ')}${staleness.reasons.length > 3 ? '; …' : ''}`
        : staleness.state === 'invalid'
          ? `invalid: ${staleness.reason}`
          : staleness.state;
    effects.log(`▸ ${definition.id} (${why})`);
    const outcome = await produce(root, assessment, effects, run);
    computed.push(outcome);
    if (outcome.shard) {
      const { ran, cached, total } = outcome.shard;
      effects.log(`      shard ${run.shard!.index}/${run.shard!.count}: ran ${ran}, already done ${cached}, of ${total} runs in all, in ${formatMs(outcome.wallTimeMs)}`);
    } else {
      effects.log(`      ${outcome.written ? 'wrote' : 'unchanged'} ${recordPath(definition.id, run.profile)} in ${formatMs(outcome.wallTimeMs)}`);
    }
  }
  if (fresh.length > 0) effects.log(`up to date: ${fresh.join(', ')}`);
  if (computed.length === 0) effects.log('nothing to compute');
  const totalWallTimeMs = effects.now() - started;
  effects.log(`computed ${computed.length} dataset(s) in ${formatMs(totalWallTimeMs)}`);

  let report: ReproductionReport | null = null;
  if (options.force && !run.shard) {
    report = reproductionReport(computed, totalWallTimeMs, effects);
    // Only a regeneration of everything is "the last full regeneration" of the published record.
    if (selected.length === all.length && run.profile === 'full') {
      writeFileAtomic(join(root, REPRODUCTION_REPORT_PATH), formatJson(report));
    }
  }
  return { computed, fresh, totalWallTimeMs, report };
}

function reproductionReport(outcomes: ProduceOutcome[], totalWallTimeMs: number, effects: PipelineEffects): ReproductionReport {
  const datasets = outcomes.map((o) => ({
    id: o.id,
    status: o.comparison === null ? ('new' as const) : o.comparison.identical ? ('identical' as const) : ('differs' as const),
    maxAbsDiff: o.comparison?.maxAbsDiff ?? 0,
    maxRelDiff: o.comparison?.maxRelDiff ?? 0,
    differences: o.comparison?.differences ?? [],
    wallTimeMs: o.wallTimeMs,
  }));
  effects.log('reproduction report:');
  const width = Math.max(...datasets.map((d) => d.id.length), 7);
  effects.log(`  ${'dataset'.padEnd(width)}  status     max |Δ|    max rel Δ  time`);
  for (const d of datasets) {
    effects.log(
      `  ${d.id.padEnd(width)}  ${d.status.padEnd(9)}  ${formatDiff(d.maxAbsDiff).padEnd(9)}  ${formatDiff(d.maxRelDiff).padEnd(9)}  ${formatMs(d.wallTimeMs)}`,
    );
    for (const line of d.differences) effects.log(`      ${line}`);
  }
  return { generatedAt: effects.date().toISOString(), node: process.version, totalWallTimeMs: Math.round(totalWallTimeMs), datasets };
}

/** Confirms every record is present, valid and current. Throws naming the first bad file. */
export async function verifyAll(root: string, all: readonly AnyDataset[], profile: RunOptions['profile'] = 'full'): Promise<void> {
  const versions = lockedVersions(root);
  for (const definition of all) await verify(root, definition, profile, versions);
}
