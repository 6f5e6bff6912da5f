import { z } from 'zod';
import { defineContract } from '../contract.ts';
import { lrCheckSetupFields } from '../schemas/lr-check.ts';
import trainabilityMap from './trainability-map.ts';
import trainabilityRay from './trainability-ray.ts';
import trainabilityRayInitOnly from './trainability-ray-init-only.ts';
import trainabilityLrPilot from './trainability-lr-pilot.ts';

export const cell = z.object({
  x: z.number(),
  depth: z.number().int(),
  /** Final test accuracy; null when the run diverged. */
  accuracy: z.number().nullable(),
  outcome: z.string(),
  trained: z.boolean(),
  /** ξ_c at this cell's x (null where it is infinite: on the critical line). */
  xiC: z.number().nullable(),
});

export const fit = z.object({
  /** The fitted constant: the middle of the range of c with the fewest misclassified cells. */
  c: z.number(),
  /** Every c in [low, high] misclassifies the same, smallest, number of cells. */
  low: z.number(),
  high: z.number(),
  misclassified: z.number().int(),
  cells: z.number().int(),
  /** Cells the literature constant misclassifies. */
  misclassifiedAtLiteratureC: z.number().int(),
});

/** The training set-up shared by every run of a sweep, quoted in captions. */
export const setup = z.object({
  steps: z.number().int(),
  batchSize: z.number().int(),
  learningRate: z.number(),
  /** A run stops once its test accuracy reaches this (null: it always runs the whole budget). */
  stopAtTestAccuracy: z.number().nullable(),
  seeds: z.number().int(),
  /** True when the hidden layers train at learningRate / n² (the ray with only the initial scale changed). */
  hiddenLrOverNSquared: z.boolean(),
  /** σ_w² of the standard initialisation (null when it is the axis being varied). */
  sw2: z.number().nullable(),
  sb2: z.number(),
});

export const analysis = z.object({
  /** What x is: σ_w² (at σ_b² = 0.05) for the map, n (at σ_w² = 1, σ_b² = 0) for the ray. */
  xName: z.string(),
  setup,
  cells: z.array(cell),
  curve: z.array(z.object({ x: z.number(), xiC: z.number().nullable() })),
  fit,
  /** Per x, the deepest depth that trained (null if none). */
  deepestTrained: z.array(z.object({ x: z.number(), depth: z.number().int().nullable() })),
});

/** The learning-rate check behind the map (src/lib/analysis/lr-check.ts). */
export const lrCheck = z.object({
  referenceRate: z.number(),
  rates: z.array(z.number()),
  steps: z.number().int(),
  /** Set-ups (depth, σ_w²) in the check. */
  setupCount: z.number().int(),
  cells: z.array(
    z.object({
      depth: z.number().int(),
      sw2: z.number(),
      ...lrCheckSetupFields,
    }),
  ),
  rescuedByRate: z.number().int(),
});

/** Where the trained/untrained boundary of the trainability sweeps lies, against c·ξ_c. */
export default defineContract({
  id: 'trainability-analysis',
  title: 'The trainability maps against the correlation depth scale ξ_c, with the fitted constant c',
  upstream: [trainabilityMap, trainabilityRay, trainabilityRayInitOnly, trainabilityLrPilot],
  schema: z.object({
    trainedAccuracy: z.number(),
    literatureC: z.number(),
    map: analysis,
    /** The ray as a practitioner runs it: the same η on every layer whatever n (convention a). */
    ray: analysis,
    /** The ray with only the initial scale changed: hidden layers at η/n², i.e. plain tanh at σ_w = n (convention b); n = 1 from `ray`. */
    rayInitOnly: analysis,
    lrCheck,
  }),
});
