import { z } from 'zod';
import { setupSchema } from '../../records/contracts/jacobian-spectra.ts';
import jacobianSpectraContract from '../../records/contracts/jacobian-spectra.ts';
import { defineProducer } from '../producer.ts';
import { predictedSpread, summariseSpectrum } from '../../math/dynamical-isometry';
import { initParameters } from '../../math/init';
import { hiddenJacobians } from '../../math/jacobian64';
import { chi1, criticalWeightVariance, qStar } from '../../math/meanfield';
import { activationOf, type NetworkSpec } from '../../math/network';
import { resolutionFloor, singularValues } from '../../math/singular-values';
import { activationSchema, initSchema } from '../../records/schemas/run';
import { loadMnist } from '../../tasks/mnist';


const configSchema = z.object({
  setups: z.array(setupSchema).min(1),
  width: z.number().int().positive(),
  /** Network depths L at which J_L = ∂h_L/∂h_1 is taken (all from one network of the largest depth). */
  depths: z.array(z.number().int().min(2)).min(1),
  /** The depth whose pooled singular-value distribution is stored. */
  spectrumDepth: z.number().int().min(2),
  /** Number of evenly spaced probability levels (0 to 1) at which that distribution is stored. */
  quantileLevels: z.number().int().min(2),
  /** J is taken at each of the first `inputs` images of the MNIST training split. */
  inputs: z.number().int().positive(),
  mnistSeed: z.number().int(),
  seeds: z.array(z.number().int()).min(1),
  /** fractionWithinFactor counts singular values within this factor of the RMS singular value. */
  withinFactor: z.number().gt(1),
  /** fractionBelowTiny counts singular values below this multiple of the RMS (must sit well above the float64 floor). */
  tinyRatio: z.number().gt(0).lt(1),
});


/**
 * Dynamical isometry, measured: the singular values of the input–output Jacobian of the hidden
 * stack at initialisation, in float64 on MNIST inputs, for the set-ups of /what-fixes-it/,
 * against depth and against the free-probability prediction of their spread.
 */
export default defineProducer({
  contract: jacobianSpectraContract,
  configSchema,
  config: {
    setups: [
      { id: 'standard', activation: { kind: 'tanhN', n: 2 }, init: { kind: 'gaussian', sw2: 1, sb2: 0 } },
      { id: 'critical', activation: { kind: 'tanhN', n: 2 }, init: { kind: 'gaussian', sw2: 0.25, sb2: 0 } },
      { id: 'critical-orthogonal', activation: { kind: 'tanhN', n: 2 }, init: { kind: 'orthogonal', sw2: 0.25, sb2: 0 } },
      { id: 'relu-he', activation: { kind: 'relu' }, init: { kind: 'gaussian', sw2: 2, sb2: 0 } },
      { id: 'lecun', activation: { kind: 'lecun' }, init: { kind: 'gaussian', sw2: 1, sb2: 0 } },
    ],
    width: 256,
    depths: [5, 10, 20, 30, 50, 70, 100, 150, 200],
    spectrumDepth: 100,
    quantileLevels: 201,
    inputs: 2,
    mnistSeed: 1,
    seeds: [1, 2, 3],
    withinFactor: 10,
    tinyRatio: 1e-6,
  },
  profiles: {
    smoke: {
      setups: [
        { id: 'critical', activation: { kind: 'tanhN', n: 2 }, init: { kind: 'gaussian', sw2: 0.25, sb2: 0 } },
        { id: 'critical-orthogonal', activation: { kind: 'tanhN', n: 2 }, init: { kind: 'orthogonal', sw2: 0.25, sb2: 0 } },
      ],
      width: 16,
      depths: [3, 6],
      spectrumDepth: 6,
      quantileLevels: 5,
      inputs: 1,
      mnistSeed: 1,
      seeds: [1, 2],
      withinFactor: 10,
      tinyRatio: 1e-6,
    },
  },
  seeds: (config) => config.seeds,
  produce(config, _upstream, context) {
    const maxDepth = Math.max(...config.depths);
    if (!config.depths.includes(config.spectrumDepth)) {
      throw new RangeError(`config.spectrumDepth (${config.spectrumDepth}) must be one of config.depths`);
    }
    const mnist = loadMnist({ seed: config.mnistSeed, trainCount: 8000, testCount: 2000 });
    const images = Array.from({ length: config.inputs }, (_, i) =>
      Float64Array.from(mnist.train.x.subarray(i * mnist.inputSize, (i + 1) * mnist.inputSize)),
    );
    const meanPixelSquare = images.reduce((s, x) => s + x.reduce((t, v) => t + v * v, 0) / x.length, 0) / images.length;

    const setups = [];
    const measurements = [];
    const summary = [];
    const theory = [];
    const spectra = [];
    for (const setup of config.setups) {
      const act = activationOf(setup.activation);
      const { sw2, sb2 } = setup.init;
      const q1 = sw2 * meanPixelSquare;
      setups.push({ ...setup, activationLabel: act.label, qStar: qStar(act, sw2, sb2), chi1: chi1(act, sw2, sb2), criticalSw2: criticalWeightVariance(act, sb2), q1 });
      for (const p of predictedSpread(act, sw2, sb2, q1, maxDepth, setup.init.kind)) theory.push({ setup: setup.id, ...p });

      const spec: NetworkSpec = { inputSize: mnist.inputSize, outputSize: 10, width: config.width, depth: maxDepth, activation: setup.activation };
      const pooled: number[] = [];
      const rows = [];
      for (const seed of config.seeds) {
        const params = initParameters(spec, setup.init, seed);
        for (const [input, x] of images.entries()) {
          for (const j of hiddenJacobians(spec, params, x, config.depths)) {
            const sigma = singularValues(j.jacobian, config.width, config.width);
            const stats = summariseSpectrum(sigma, config.withinFactor);
            const rms = Math.sqrt(stats.meanSquare);
            const floorOverRms = resolutionFloor(sigma[0]!, config.width, config.width) / rms;
            // A count below tinyRatio is only meaningful if the SVD resolves values that small.
            if (!(config.tinyRatio > 100 * floorOverRms)) {
              throw new RangeError(`config.tinyRatio (${config.tinyRatio}) is within 100× of the float64 floor (${floorOverRms} of the RMS) for ${setup.id}, seed ${seed}, depth ${j.depth}`);
            }
            rows.push({
              setup: setup.id,
              seed,
              input,
              depth: j.depth,
              meanSquare: stats.meanSquare,
              normalisedVariance: stats.normalisedVariance,
              maxOverRms: stats.maxOverRms,
              fractionWithinFactor: stats.fractionWithinFactor,
              minOverRms: sigma[sigma.length - 1]! / rms,
              floorOverRms,
              fractionBelowTiny: sigma.reduce((n, v) => n + (v < config.tinyRatio * rms ? 1 : 0), 0) / sigma.length,
              lastPreActivationMeanSquare: j.preActivationMeanSquare.at(-1)!,
            });
            if (j.depth === config.spectrumDepth) for (const s of sigma) pooled.push(s / rms);
          }
        }
      }
      measurements.push(...rows);
      for (const depth of [...config.depths].sort((a, b) => a - b)) {
        const at = rows.filter((r) => r.depth === depth);
        const mean = (f: (r: (typeof at)[number]) => number) => at.reduce((s, r) => s + f(r), 0) / at.length;
        summary.push({
          setup: setup.id,
          depth,
          count: at.length,
          normalisedVariance: mean((r) => r.normalisedVariance),
          normalisedVarianceMin: Math.min(...at.map((r) => r.normalisedVariance)),
          normalisedVarianceMax: Math.max(...at.map((r) => r.normalisedVariance)),
          maxOverRms: mean((r) => r.maxOverRms),
          fractionWithinFactor: mean((r) => r.fractionWithinFactor),
          fractionBelowTiny: mean((r) => r.fractionBelowTiny),
        });
      }
      pooled.sort((a, b) => a - b);
      spectra.push({
        setup: setup.id,
        depth: config.spectrumDepth,
        count: pooled.length,
        quantiles: Array.from({ length: config.quantileLevels }, (_, i) => {
          const level = i / (config.quantileLevels - 1);
          return { level, sigmaOverRms: pooled[Math.round(level * (pooled.length - 1))]! };
        }),
      });
      context.log(`${setup.id}: ${config.seeds.length} seeds × ${images.length} inputs × ${config.depths.length} depths`);
    }
    return { width: config.width, maxNormalisedVariance: config.width - 1, setups, measurements, summary, theory, spectra };
  },
});
