import { z } from 'zod';
import { defineContract } from '../contract.ts';
import oneWayStreet from './one-way-street.ts';
import oneWayStreetPerPixel from './one-way-street-per-pixel.ts';

/** The states a checkpoint is classified in (src/lib/math/gradient-state.ts). */
export const GRADIENT_STATES = ['healthy', 'vanished', 'exploded'] as const;

/**
 * The thread's "one-way street", estimated: every checkpoint of the one-way-street sweep is
 * classified healthy, vanished or exploded (src/lib/math/gradient-state.ts), and the
 * checkpoint-to-checkpoint transitions are counted and turned into probabilities with Wilson
 * intervals. Derived from the sweep's record, so the analysis can change without retraining.
 */
export const state = z.enum(GRADIENT_STATES);
export const stateCounts = z.object({ healthy: z.number().int(), vanished: z.number().int(), exploded: z.number().int() });

/** A row of a transition matrix over the given states: counts, probabilities and their intervals. */
const transitionRowOf = <S extends z.ZodTypeAny>(states: S) =>
  z.object({
    from: states,
    total: z.number().int(),
    to: z.array(
      z.object({
        state: states,
        count: z.number().int(),
        probability: z.number().nullable(),
        low: z.number().nullable(),
        high: z.number().nullable(),
      }),
    ),
  });
export const transitionRow = transitionRowOf(state);

/** How often runs entered a state, left it again, and were in it at the end. */
export const visitSummary = z.object({
  state,
  /** Runs in the state at initialisation. */
  startedIn: z.number().int(),
  /** Runs in the state at any checkpoint. */
  entered: z.number().int(),
  /** Runs that reached it during training, not already at initialisation. */
  enteredDuringTraining: z.number().int(),
  /** Runs that, after first being in it, were somewhere else at a later checkpoint. */
  left: z.number().int(),
  /** Runs in it at their last checkpoint. */
  endedIn: z.number().int(),
  /** Runs that left it and were healthy at a later checkpoint. */
  reachedHealthyAfter: z.number().int(),
  /** Runs that started in it and were somewhere else at a later checkpoint. */
  startedInAndLeft: z.number().int(),
  /** Mean final test accuracy of the runs that entered it (null if none did, or all diverged). */
  enteredMeanFinalAccuracy: z.number().nullable(),
});

export const checkpoint = z.object({
  step: z.number().int(),
  /** G = ‖∂L/∂W_1‖ / ‖∂L/∂h_L‖ (null when infinite: an overflow, or no error signal at the top). */
  gain: z.number().nullable(),
  /** G / G_ref (null when infinite). */
  relativeGain: z.number().nullable(),
  /** log10 of G / G_ref (null when G is 0 or infinite). */
  log10RelativeGain: z.number().nullable(),
  state,
});

/**
 * Where a set-up starts, by mean-field theory (order-and-chaos page): with σ_b² = 0 a tanh(n·x)
 * network at σ_w² is a tanh network at n²σ_w², ordered below 1, critical at 1, chaotic above.
 */
export const PHASES = ['ordered', 'critical', 'chaotic'] as const;
export type Phase = (typeof PHASES)[number];

export const run = z.object({
  /** "d40 n=2 σ_w²=1 seed 3": unique within the sweep. */
  label: z.string(),
  /** "n = 2, σ_w² = 1": the set-up, shared by its seeds. */
  setup: z.string(),
  depth: z.number().int(),
  n: z.number(),
  sw2: z.number(),
  /** n²·σ_w²: the tanh network at initialisation this tanh(n·x) network equals. */
  effectiveSw2: z.number(),
  phase: z.enum(PHASES),
  seed: z.number().int(),
  outcome: z.string(),
  divergedAtStep: z.number().int().nullable(),
  finalTestAccuracy: z.number().nullable(),
  startState: state,
  endState: state,
  checkpoints: z.array(checkpoint),
});

export const transitionSetSchema = z.object({
  /**
   * Which transitions: "all"; those of the runs starting in one phase ("ordered", "critical",
   * "chaotic"); or "first interval" (initialisation to the first checkpoint) and "later intervals".
   */
  name: z.string(),
  runs: z.number().int(),
  total: z.number().int(),
  rows: z.array(transitionRow),
});

/** States that persist for k checkpoints; "stalled": a healthy gain while the run is not learning. */
export const persistentState = z.enum(['healthy', 'stalled', 'vanished', 'exploded']);
export const persistentSummarySchema = z.object({
  k: z.number().int(),
  learning: z.object({ chance: z.number(), accuracyMargin: z.number(), lossDrop: z.number() }),
  runs: z.array(
    z.object({
      depth: z.number().int(),
      n: z.number(),
      sw2: z.number(),
      seed: z.number().int(),
      finalTestAccuracy: z.number().nullable(),
      path: z.array(persistentState),
      checkpoints: z.array(
        z.object({
          step: z.number().int(),
          /** Median over the statistics batches of G / G_ref, and the range (null when infinite). */
          relativeGain: z.number().nullable(),
          relativeGainMin: z.number().nullable(),
          relativeGainMax: z.number().nullable(),
          testAccuracy: z.number().nullable(),
          /** Null at initialisation, where nothing has been learned yet. */
          learning: z.boolean().nullable(),
          raw: persistentState,
        }),
      ),
      enteredVanished: z.boolean(),
      /** After first entering "vanished", learning at k consecutive checkpoints. */
      resumedLearning: z.boolean(),
    }),
  ),
  transitions: z.array(transitionRowOf(persistentState)),
  enteredVanished: z.number().int(),
  resumedLearningAfterVanished: z.number().int(),
  /** Range of the median relative gain at checkpoints that are healthy and learning (null: none). */
  learningGain: z.object({ min: z.number(), max: z.number() }).nullable(),
});

export default defineContract({
  id: 'one-way-street-analysis',
  title: 'Healthy, vanished and exploded checkpoints of the one-way-street sweep, and the transition probabilities between them',
  upstream: [oneWayStreet, oneWayStreetPerPixel],
  schema: z.object({
  states: z.array(state),
  thresholds: z.object({ vanishedBelow: z.number(), explodedAbove: z.number() }),
  confidence: z.number(),
  reference: z.object({
    n: z.number(),
    sw2: z.number(),
    /** G_ref per depth: geometric mean of the reference runs' gains at step 0. */
    gains: z.array(z.object({ depth: z.number().int(), gain: z.number(), runs: z.number().int() })),
  }),
  /** The training set-up shared by every run, quoted on the page. */
  setup: z.object({
    runs: z.number().int(),
    setups: z.number().int(),
    seedsPerSetup: z.number().int(),
    depths: z.array(z.number().int()),
    ns: z.array(z.number()),
    sw2s: z.array(z.number()),
    sb2: z.number(),
    width: z.number().int(),
    steps: z.number().int(),
    checkpointEvery: z.number().int(),
    checkpointsPerRun: z.number().int(),
    statisticsBatch: z.number().int(),
    /** Fixed batches the gradient statistics are measured on, at every checkpoint. */
    statisticsBatches: z.number().int(),
    batchSize: z.number().int(),
    learningRate: z.number(),
    trainCount: z.number().int(),
  }),
  runs: z.array(run),
  /** Per set-up and depth: where its runs ended and how well they learned. */
  setups: z.array(
    z.object({
      depth: z.number().int(),
      n: z.number(),
      sw2: z.number(),
      effectiveSw2: z.number(),
      phase: z.enum(PHASES),
      runs: z.number().int(),
      startStates: stateCounts,
      endStates: stateCounts,
      /** Mean final test accuracy over the runs that did not diverge (null if all did). */
      meanFinalAccuracy: z.number().nullable(),
    }),
  ),
  /** Runs per phase at initialisation, with their mean final test accuracy. */
  phases: z.array(z.object({ phase: z.enum(PHASES), runs: z.number().int(), setups: z.number().int(), meanFinalAccuracy: z.number().nullable() })),
  /** Checkpoint states over all runs (how often each state was observed). */
  checkpointStates: stateCounts,
  transitions: z.array(transitionSetSchema),
  visits: z.array(visitSummary),
  /** The same, for the runs of each phase at initialisation. */
  visitsByPhase: z.array(visitSummary.extend({ phase: z.enum(PHASES) })),
  diverged: z.object({ runs: z.number().int(), lastStates: stateCounts }),
  /** The headline quantities again for symmetric thresholds 10^∓d. */
  sensitivity: z.array(
    z.object({
      decades: z.number(),
      vanishedBelow: z.number(),
      explodedAbove: z.number(),
      checkpointStates: stateCounts,
      /** Visits to "vanished", by phase at initialisation. */
      vanished: z.array(visitSummary.extend({ phase: z.enum(PHASES) })),
      /** P(vanished → healthy) over all runs. */
      vanishedToHealthy: transitionRow.shape.to.element,
      vanishedTotal: z.number().int(),
    }),
  ),
  /** For each run of layerProfiles: how much ‖∂L/∂W_l‖ of its first and last hidden layer changed from the first to the last profile step. */
  profileChanges: z.array(
    z.object({
      depth: z.number().int(),
      n: z.number(),
      sw2: z.number(),
      seed: z.number().int(),
      fromStep: z.number().int(),
      toStep: z.number().int(),
      /** ‖∂L/∂W_1‖ at toStep / at fromStep (null if either is missing, zero or non-finite). */
      firstLayerRatio: z.number().nullable(),
      /** The same for the last hidden layer. */
      lastLayerRatio: z.number().nullable(),
    }),
  ),
  /** Per-layer gradient norms of a few runs at a few checkpoints. */
  layerProfiles: z.array(
    z.object({
      label: z.string(),
      depth: z.number().int(),
      n: z.number(),
      sw2: z.number(),
      seed: z.number().int(),
      step: z.number().int(),
      state,
      layer: z.number().int(),
      /** ‖∂L/∂W_l‖ (null when non-finite). */
      gradWNorm: z.number().nullable(),
      /** ‖∂L/∂h_l‖ (null when non-finite). */
      gradHNorm: z.number().nullable(),
    }),
  ),
  /** The redesigned measure: median gain over several batches, persistent states, learning (issue 14). */
  persistent: persistentSummarySchema,
  /** The same measure on the per-pixel-standardised runs: the sensitivity check on preprocessing. */
  perPixel: persistentSummarySchema,
  }),
});
