/**
 * The thread's "one-way street", estimated: every checkpoint of the one-way-street sweep is
 * classified healthy, vanished or exploded (src/lib/math/gradient-state.ts), and the
 * checkpoint-to-checkpoint transitions are counted and turned into probabilities with Wilson
 * intervals. Derived from the sweep's record, so the analysis can change without retraining.
 */
import { z } from 'zod';
import { DatasetError } from '../io/errors.ts';
import { estimateTransitions, transitionCounts, visitsOf, type TransitionEstimate } from '../math/markov.ts';
import {
  classifyRelativeGain,
  firstLayerGain,
  GRADIENT_STATES,
  referenceGain,
  type GradientState,
  type StateThresholds,
} from '../math/gradient-state.ts';
import type { DataOf } from '../records/contract.ts';
import { PHASES, type Phase, type visitSummary } from '../records/contracts/one-way-street-analysis.ts';
import type oneWayStreetAnalysis from '../records/contracts/one-way-street-analysis.ts';
import type { SweepRecordData as SweepDataset } from '../records/schemas/sweep.ts';

export { PHASES };
/** What this module computes: the record's data without the redesigned measure (one-way-street-persistent.ts adds it). */
export type OneWayStreetAnalysis = Omit<DataOf<typeof oneWayStreetAnalysis>, 'persistent' | 'perPixel'>;

const runSelector = z.object({ depth: z.number().int(), n: z.number(), sw2: z.number(), seed: z.number().int() }).strict();

export const configSchema = z
  .object({
    /** The set-up whose gain at initialisation defines relative gain 1 (a critical tanh network). */
    reference: z.object({ n: z.number().positive(), sw2: z.number().positive() }).strict(),
    /** A checkpoint is vanished below, exploded above these relative gains G/G_ref. */
    thresholds: z.object({ vanishedBelow: z.number().positive(), explodedAbove: z.number().positive() }).strict(),
    /** Two-sided confidence of the intervals on transition probabilities. */
    confidence: z.number().gt(0).lt(1),
    /** Symmetric alternative thresholds, 10^∓d for each d, to show how much the verdict depends on them. */
    sensitivityDecades: z.array(z.number().positive()).min(1),
    /** Runs whose per-layer gradient norms are drawn, and at which steps. */
    profileRuns: z.array(runSelector).min(1),
    profileSteps: z.array(z.number().int().nonnegative()).min(1),
  })
  .strict();
export type OneWayStreetConfig = z.infer<typeof configSchema>;

/** Where a set-up starts, by mean-field theory: ordered below n²σ_w² = 1, critical at 1, chaotic above. */
export const phaseAtInit = (effectiveSw2: number): Phase => (effectiveSw2 < 1 ? 'ordered' : effectiveSw2 > 1 ? 'chaotic' : 'critical');


type SweepRun = SweepDataset['runs'][number];

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
const emptyCounts = (): Record<GradientState, number> => ({ healthy: 0, vanished: 0, exploded: 0 });

/** The experiment values of a run that the analysis groups by. */
function coordinates(r: SweepRun, file: string) {
  const activation = r.config.network.activation;
  const init = r.config.init;
  if (activation.kind !== 'tanhN' || init.kind !== 'gaussian') {
    throw new DatasetError(file, `run ${r.index}: expected tanhN activation and gaussian init, found ${activation.kind} and ${init.kind}`);
  }
  return { depth: r.config.network.depth, n: activation.n, sw2: init.sw2, sb2: init.sb2, seed: r.seed };
}

const setupLabel = (n: number, sw2: number) => `n = ${n}, σ_w² = ${sw2}`;

/** G at every checkpoint of a run; the run must have recorded gradient statistics. */
function gainsOf(r: SweepRun, file: string): Array<{ step: number; gain: number }> {
  if (r.result.gradients.length === 0) {
    throw new DatasetError(file, `run ${r.index} (${r.key}): no gradient statistics; the experiment needs gradientStats.every > 0`);
  }
  return r.result.gradients.map((g) => ({ step: g.step, gain: firstLayerGain(g.gradWNorm[0] ?? null, g.gradHNorm.at(-1) ?? null) }));
}

function referenceGains(runs: readonly SweepRun[], config: OneWayStreetConfig, file: string): Map<number, { gain: number; runs: number }> {
  const byDepth = new Map<number, number[]>();
  for (const r of runs) {
    const c = coordinates(r, file);
    if (c.n !== config.reference.n || c.sw2 !== config.reference.sw2) continue;
    const first = gainsOf(r, file)[0]!;
    if (first.step !== 0) throw new DatasetError(file, `run ${r.index}: the first gradient checkpoint is at step ${first.step}, not 0`);
    byDepth.set(c.depth, [...(byDepth.get(c.depth) ?? []), first.gain]);
  }
  const result = new Map<number, { gain: number; runs: number }>();
  for (const depth of new Set(runs.map((r) => coordinates(r, file).depth))) {
    const gains = byDepth.get(depth);
    if (!gains) {
      throw new DatasetError(file, `no run of the reference set-up n = ${config.reference.n}, σ_w² = ${config.reference.sw2} at depth ${depth}`);
    }
    result.set(depth, { gain: referenceGain(gains), runs: gains.length });
  }
  return result;
}

function classifyRuns(runs: readonly SweepRun[], references: Map<number, { gain: number }>, thresholds: StateThresholds, file: string) {
  return runs.map((r) => {
    const c = coordinates(r, file);
    const reference = references.get(c.depth)!.gain;
    const checkpoints = gainsOf(r, file).map(({ step, gain }) => {
      const relative = gain / reference;
      return {
        step,
        gain: finite(gain),
        relativeGain: finite(relative),
        log10RelativeGain: relative > 0 ? finite(Math.log10(relative)) : null,
        state: classifyRelativeGain(relative, thresholds),
      };
    });
    return {
      label: `d${c.depth} n=${c.n} σ_w²=${c.sw2} seed ${c.seed}`,
      setup: setupLabel(c.n, c.sw2),
      depth: c.depth,
      n: c.n,
      sw2: c.sw2,
      effectiveSw2: c.n * c.n * c.sw2,
      phase: phaseAtInit(c.n * c.n * c.sw2),
      seed: c.seed,
      outcome: r.result.outcome,
      divergedAtStep: r.result.divergedAtStep,
      finalTestAccuracy: r.result.final.testAccuracy,
      startState: checkpoints[0]!.state,
      endState: checkpoints.at(-1)!.state,
      checkpoints,
    };
  });
}

type ClassifiedRun = ReturnType<typeof classifyRuns>[number];

function summariseVisits(runs: readonly ClassifiedRun[], s: GradientState): z.infer<typeof visitSummary> {
  const summary = { state: s, startedIn: 0, entered: 0, enteredDuringTraining: 0, left: 0, endedIn: 0, reachedHealthyAfter: 0, startedInAndLeft: 0 };
  const entered: ClassifiedRun[] = [];
  for (const r of runs) {
    const path = r.checkpoints.map((k) => k.state);
    const v = visitsOf(path, s);
    if (path[0] === s) summary.startedIn += 1;
    if (v.entered) {
      summary.entered += 1;
      entered.push(r);
    }
    if (path[0] === s && v.left) summary.startedInAndLeft += 1;
    if (v.entered && path[0] !== s) summary.enteredDuringTraining += 1;
    if (v.left) summary.left += 1;
    if (v.endedIn) summary.endedIn += 1;
    if (s !== 'healthy' && v.entered && path.slice(path.indexOf(s) + 1).includes('healthy')) summary.reachedHealthyAfter += 1;
  }
  return { ...summary, enteredMeanFinalAccuracy: meanAccuracy(entered) };
}

function transitionSet(name: string, paths: GradientState[][], confidence: number) {
  const rows: TransitionEstimate<GradientState>[] = estimateTransitions(GRADIENT_STATES, transitionCounts(GRADIENT_STATES, paths), confidence);
  return { name, runs: paths.length, total: rows.reduce((sum, r) => sum + r.total, 0), rows };
}

const pathOf = (r: ClassifiedRun) => r.checkpoints.map((k) => k.state);

/** Mean of the non-null accuracies (null when there are none). */
function meanAccuracy(runs: readonly ClassifiedRun[]): number | null {
  const values = runs.map((r) => r.finalTestAccuracy).filter((a): a is number => a !== null);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function visitsByPhase(runs: readonly ClassifiedRun[], s: GradientState) {
  return PHASES.map((phase) => ({ phase, ...summariseVisits(runs.filter((r) => r.phase === phase), s) }));
}

function countStates(runs: readonly ClassifiedRun[]) {
  const counts = emptyCounts();
  for (const r of runs) for (const k of r.checkpoints) counts[k.state] += 1;
  return counts;
}

function profileChanges(profiles: OneWayStreetAnalysis['layerProfiles']): OneWayStreetAnalysis['profileChanges'] {
  const runs = [...new Set(profiles.map((p) => p.label))];
  return runs.map((label) => {
    const rows = profiles.filter((p) => p.label === label);
    const steps = [...new Set(rows.map((p) => p.step))].sort((a, b) => a - b);
    const [fromStep, toStep] = [steps[0]!, steps.at(-1)!];
    const depth = rows[0]!.depth;
    const norm = (step: number, layer: number) => rows.find((p) => p.step === step && p.layer === layer)?.gradWNorm ?? null;
    const ratio = (layer: number) => {
      const a = norm(fromStep, layer);
      const b = norm(toStep, layer);
      return a !== null && b !== null && a > 0 ? finite(b / a) : null;
    };
    return { depth, n: rows[0]!.n, sw2: rows[0]!.sw2, seed: rows[0]!.seed, fromStep, toStep, firstLayerRatio: ratio(1), lastLayerRatio: ratio(depth) };
  });
}

/** The whole analysis of one sweep record (exported for tests; `file` names the record in errors). */
export function analyseOneWayStreet(sweep: SweepDataset, config: OneWayStreetConfig, file: string): OneWayStreetAnalysis {
  if (sweep.runs.length === 0) throw new DatasetError(file, 'the sweep has no runs');
  const references = referenceGains(sweep.runs, config, file);
  const runs = classifyRuns(sweep.runs, references, config.thresholds, file);
  const paths = runs.map(pathOf);

  const setupKeys = [...new Set(runs.map((r) => `${r.depth}|${r.n}|${r.sw2}`))];
  const setups = setupKeys.map((key) => {
    const members = runs.filter((r) => `${r.depth}|${r.n}|${r.sw2}` === key);
    const startStates = emptyCounts();
    const endStates = emptyCounts();
    for (const r of members) {
      startStates[r.startState] += 1;
      endStates[r.endState] += 1;
    }
    const { depth, n, sw2, effectiveSw2, phase } = members[0]!;
    return { depth, n, sw2, effectiveSw2, phase, runs: members.length, startStates, endStates, meanFinalAccuracy: meanAccuracy(members) };
  });

  const diverged = runs.filter((r) => r.outcome === 'diverged');
  const lastStates = emptyCounts();
  for (const r of diverged) lastStates[r.endState] += 1;

  const sensitivity = config.sensitivityDecades.map((decades) => {
    const thresholds = { vanishedBelow: 10 ** -decades, explodedAbove: 10 ** decades };
    const alternative = classifyRuns(sweep.runs, references, thresholds, file);
    const rows = transitionSet('all', alternative.map(pathOf), config.confidence).rows;
    const fromVanished = rows.find((row) => row.from === 'vanished')!;
    return {
      decades,
      ...thresholds,
      checkpointStates: countStates(alternative),
      vanished: visitsByPhase(alternative, 'vanished'),
      vanishedToHealthy: fromVanished.to.find((t) => t.state === 'healthy')!,
      vanishedTotal: fromVanished.total,
    };
  });

  const first = sweep.runs[0]!.config;
  const layerProfiles = config.profileRuns.flatMap((selector) => {
    const index = runs.findIndex((r) => r.depth === selector.depth && r.n === selector.n && r.sw2 === selector.sw2 && r.seed === selector.seed);
    if (index < 0) throw new DatasetError(file, `config.profileRuns: no run with depth ${selector.depth}, n ${selector.n}, σ_w² ${selector.sw2}, seed ${selector.seed}`);
    const classified = runs[index]!;
    const gradients = sweep.runs[index]!.result.gradients;
    return config.profileSteps.flatMap((step) => {
      const g = gradients.find((x) => x.step === step);
      // A run that diverged before `step` has nothing to draw there.
      if (!g) return [];
      const stateThere = classified.checkpoints.find((k) => k.step === step)!.state;
      return g.gradHNorm.map((h, l) => ({
        label: classified.label,
        depth: classified.depth,
        n: classified.n,
        sw2: classified.sw2,
        seed: classified.seed,
        step,
        state: stateThere,
        layer: l + 1,
        gradWNorm: g.gradWNorm[l] ?? null,
        gradHNorm: h,
      }));
    });
  });

  const coords = sweep.runs.map((r) => coordinates(r, file));
  const distinct = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  const setupCount = new Set(coords.map((c) => `${c.depth}|${c.n}|${c.sw2}`)).size;
  const task = first.task;

  return {
    states: [...GRADIENT_STATES],
    thresholds: config.thresholds,
    confidence: config.confidence,
    reference: {
      ...config.reference,
      gains: [...references].sort(([a], [b]) => a - b).map(([depth, { gain, runs: count }]) => ({ depth, gain, runs: count })),
    },
    setup: {
      runs: runs.length,
      setups: setupCount,
      seedsPerSetup: Math.round(runs.length / setupCount),
      depths: distinct(coords.map((c) => c.depth)),
      ns: distinct(coords.map((c) => c.n)),
      sw2s: distinct(coords.map((c) => c.sw2)),
      sb2: coords[0]!.sb2,
      width: first.network.width,
      steps: first.steps,
      checkpointEvery: first.gradientStats?.every ?? 0,
      checkpointsPerRun: Math.max(...runs.map((r) => r.checkpoints.length)),
      statisticsBatch: first.gradientStats?.batchSize ?? 0,
      statisticsBatches: first.gradientStats?.batches ?? 1,
      batchSize: first.batchSize,
      learningRate: first.optimiser.hiddenLr,
      trainCount: task.trainCount,
    },
    runs,
    setups,
    phases: PHASES.map((phase) => {
      const members = runs.filter((r) => r.phase === phase);
      return { phase, runs: members.length, setups: setups.filter((x) => x.phase === phase).length, meanFinalAccuracy: meanAccuracy(members) };
    }),
    checkpointStates: countStates(runs),
    transitions: [
      transitionSet('all', paths, config.confidence),
      ...PHASES.map((phase) => transitionSet(phase, runs.filter((r) => r.phase === phase).map(pathOf), config.confidence)),
      transitionSet('first interval', paths.map((p) => p.slice(0, 2)), config.confidence),
      transitionSet('later intervals', paths.map((p) => p.slice(1)), config.confidence),
    ],
    visits: GRADIENT_STATES.map((s) => summariseVisits(runs, s)),
    visitsByPhase: GRADIENT_STATES.flatMap((s) => visitsByPhase(runs, s)),
    diverged: { runs: diverged.length, lastStates },
    sensitivity,
    profileChanges: profileChanges(layerProfiles),
    layerProfiles,
  };
}

