import { z } from 'zod';
import { row } from '../../records/contracts/products-model.ts';
import productsModelContract from '../../records/contracts/products-model.ts';
import { defineProducer } from '../producer.ts';
import { productStatisticsOf } from '../../analysis/product-statistics.ts';
import { tanhN } from '../../math/activations';
import { chi1, qStar } from '../../math/meanfield';
import {
  cltApproximation,
  log10RootMeanSquareProduct,
  slopeMoments,
  type SlopeMoments,
} from '../../math/slope-products';
import { exactStatistics, logSlopeLattice, meanSquareCarrier, type Lattice } from '../../math/slope-products-exact';
import { forEachDepth } from '../../math/slope-products-sampler';
import { summariseLogProducts } from '../../math/slope-products-stats';

/** Where the pre-activation variance q comes from. */
const spreadSchema = z.discriminatedUnion('kind', [
  /** q = q*(n), the fixed point of the length map at this initialisation (meanfield.ts). */
  z.object({ id: z.string(), kind: z.literal('standard'), sw2: z.number().positive(), sb2: z.number().nonnegative() }),
  /** The same q for every n. */
  z.object({ id: z.string(), kind: z.literal('fixed'), q: z.number().nonnegative() }),
]);
type Spread = z.infer<typeof spreadSchema>;

const configSchema = z.object({
  ns: z.array(z.number().positive()).min(1),
  /** Depths K (ascending). */
  depths: z.array(z.number().int().positive()).min(1),
  spreads: z.array(spreadSchema).min(1),
  /** Monte Carlo samples per (spread, n); the same standard normals for all of them. */
  samples: z.number().int().positive(),
  seed: z.number().int(),
  /** Lattice spacing of the exact computation: the sd of ln s divided by this. */
  latticeStepsPerSd: z.number().int().positive(),
  /** Where the exact computation is repeated at half the spacing, to measure its discretisation error. */
  resolutionCheck: z.object({ ns: z.array(z.number().positive()), depths: z.array(z.number().int().positive()) }),
});


/** The q a spread gives tanh(n·x). */
function varianceFor(spread: Spread, n: number): number {
  return spread.kind === 'standard' ? qStar(tanhN(n), spread.sw2, spread.sb2) : spread.q;
}

function latticeFor(n: number, q: number, moments: SlopeMoments, stepsPerSd: number): Lattice {
  const sd = Math.sqrt(moments.varianceLog);
  return logSlopeLattice(n, q, sd > 0 ? sd / stepsPerSd : 1);
}

/**
 * The thread's probabilistic model: the product g of K slopes of tanh(n·x) at Gaussian
 * pre-activations of variance q. For each spread, n and K: E[g²] (exact), the median of g and the
 * fractions vanished (< 1e-6) and exploded (> 1e6) from a seeded Monte Carlo with 95% intervals,
 * the same from the exact distribution (lattice + FFT) and from the CLT, and how rare the
 * products are that carry E[g²].
 */
export default defineProducer({
  contract: productsModelContract,
  configSchema,
  config: {
    ns: [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.25, 3.5, 3.75, 4],
    depths: [1, 2, 3, 5, 7, 10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100],
    spreads: [
      { id: 'standard', kind: 'standard' as const, sw2: 1, sb2: 0 },
      { id: 'q1', kind: 'fixed' as const, q: 1 },
    ],
    samples: 100_000,
    seed: 1,
    latticeStepsPerSd: 32,
    resolutionCheck: { ns: [1.5, 2, 3], depths: [10, 50] },
  },
  profiles: {
    smoke: {
      ns: [1, 2, 3],
      depths: [1, 5, 20],
      spreads: [
        { id: 'standard', kind: 'standard' as const, sw2: 1, sb2: 0 },
        { id: 'q1', kind: 'fixed' as const, q: 1 },
      ],
      samples: 2000,
      seed: 1,
      latticeStepsPerSd: 16,
      resolutionCheck: { ns: [2], depths: [5] },
    },
  },
  seeds: (config) => [config.seed],
  produce(config, _upstream, context) {
    const settings = config.spreads.flatMap((spread) =>
      config.ns.map((n) => {
        const q = varianceFor(spread, n);
        return { spread, n, q, moments: slopeMoments(n, q) };
      }),
    );
    const rows: z.infer<typeof row>[] = [];
    forEachDepth(settings, config.depths, config.samples, config.seed, (depth, logs) => {
      settings.forEach((s, i) => {
        const mc = summariseLogProducts(Float64Array.from(logs[i]!));
        const lattice = latticeFor(s.n, s.q, s.moments, config.latticeStepsPerSd);
        const exact = exactStatistics(lattice, depth);
        const clt = cltApproximation(s.moments, depth);
        const carrier = s.moments.varianceLog > 0 ? meanSquareCarrier(lattice, depth) : null;
        const rms = log10RootMeanSquareProduct(s.moments, depth);
        rows.push({
          spread: s.spread.id,
          n: s.n,
          q: s.q,
          depth,
          meanLog: s.moments.meanLog,
          sdLog: Math.sqrt(s.moments.varianceLog),
          meanSquareSlope: s.moments.meanSquare,
          log10RootMeanSquare: rms,
          ...productStatisticsOf(mc),
          exactLog10Median: exact.log10Median,
          exactVanished: exact.vanished,
          exactExploded: exact.exploded,
          cltLog10Median: clt.log10Median,
          cltVanished: clt.vanished,
          cltExploded: clt.exploded,
          // A point mass (q = 0): every product is n^K, which also carries all of E[g²].
          carrierLog10Threshold: carrier?.log10Threshold ?? rms,
          carrierLog10Probability: carrier?.log10Probability ?? 0,
        });
      });
      context.log(`K = ${depth}: ${settings.length} settings`);
      context.progress(config.depths.indexOf(depth) + 1, config.depths.length);
    });
    const top = rows.reduce((best, r) => (r.exactExploded > best.exactExploded ? r : best));
    return {
      rows,
      settings: settingsTable(settings),
      summary: {
        samples: config.samples,
        maxExactExploded: { value: top.exactExploded, spread: top.spread, n: top.n, depth: top.depth },
        rowsWithExplodedSamples: rows.filter((r) => r.exploded > 0).length,
        maxExploded: Math.max(...rows.map((r) => r.exploded)),
      },
      checks: checks(rows, settings, config),
    };
  },
});

function settingsTable(settings: { spread: Spread; n: number; q: number }[]) {
  return settings.map((s) => ({
    spread: s.spread.id,
    n: s.n,
    q: s.q,
    chi1: s.spread.kind === 'standard' ? chi1(tanhN(s.n), s.spread.sw2, s.spread.sb2) : null,
  }));
}

type Row = z.infer<typeof row>;
type Config = z.infer<typeof configSchema>;

/** Monte Carlo against exact, and the exact computation against itself at half the spacing. */
function checks(rows: Row[], settings: { spread: Spread; n: number; q: number; moments: SlopeMoments }[], config: Config) {
  let fractionEstimates = 0;
  let insideInterval = 0;
  let medianEstimates = 0;
  let mediansInsideInterval = 0;
  for (const r of rows) {
    for (const [exact, low, high] of [
      [r.exactVanished, r.vanishedLow, r.vanishedHigh],
      [r.exactExploded, r.explodedLow, r.explodedHigh],
    ] as const) {
      if (exact > 1e-4 && exact < 1 - 1e-4) {
        fractionEstimates++;
        if (exact >= low && exact <= high) insideInterval++;
      }
    }
    if (r.sdLog > 0) {
      medianEstimates++;
      if (r.exactLog10Median >= r.log10MedianLow && r.exactLog10Median <= r.log10MedianHigh) mediansInsideInterval++;
    }
  }
  let latticeFractionError = 0;
  let latticeLog10MedianError = 0;
  for (const s of settings) {
    if (!config.resolutionCheck.ns.includes(s.n) || s.moments.varianceLog === 0) continue;
    const coarse = latticeFor(s.n, s.q, s.moments, config.latticeStepsPerSd);
    const fine = latticeFor(s.n, s.q, s.moments, 2 * config.latticeStepsPerSd);
    for (const depth of config.resolutionCheck.depths) {
      const a = exactStatistics(coarse, depth);
      const b = exactStatistics(fine, depth);
      latticeFractionError = Math.max(latticeFractionError, Math.abs(a.vanished - b.vanished), Math.abs(a.exploded - b.exploded));
      latticeLog10MedianError = Math.max(latticeLog10MedianError, Math.abs(a.log10Median - b.log10Median));
    }
  }
  return {
    fractionEstimates,
    insideInterval,
    coverage: fractionEstimates === 0 ? 0 : insideInterval / fractionEstimates,
    medianEstimates,
    mediansInsideInterval,
    latticeFractionError,
    latticeLog10MedianError,
  };
}
