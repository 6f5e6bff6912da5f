import { z } from 'zod';
import gradientsAtInitContract from '../../records/contracts/gradients-at-init.ts';
import { defineProducer } from '../producer.ts';
import { initParameters } from '../../math/init';
import { forward64, forwardBackward64, fractionInside } from '../../math/mlp64';
import { activationOf, type NetworkSpec } from '../../math/network';
import { chi1, qStar } from '../../math/meanfield';
import { probabilityInside } from '../../math/normal';
import { t1 } from '../../math/thresholds';
import { activationSchema } from '../../records/schemas/run';
import { loadMnist } from '../../tasks/mnist';

const configSchema = z.object({
  depths: z.array(z.number().int().positive()).min(1),
  width: z.number().int().positive(),
  /** MNIST training examples in the batch the gradient is taken on. */
  batchSize: z.number().int().positive(),
  activations: z.array(activationSchema).min(1),
  /** The standard initialisation: W ~ N(0, sw2/fan_in), b ~ N(0, sb2). */
  sw2: z.number().positive(),
  sb2: z.number().nonnegative(),
  seeds: z.array(z.number().int()).min(1),
  mnistSeed: z.number().int(),
  /** Layers skipped at each end when fitting the per-layer growth rate (transients). */
  fitMargin: z.number().int().nonnegative(),
});


/**
 * Gradients at initialisation, measured in float64 on an MNIST batch, against mean-field theory:
 * per-layer ‖∂L/∂h_l‖, the fitted per-layer growth rate next to √χ1, and the fraction of
 * pre-activations inside the thread's "good interval" |x| < t1(n) next to what q* predicts.
 */
export default defineProducer({
  contract: gradientsAtInitContract,
  configSchema,
  config: {
    depths: [50, 100],
    width: 256,
    batchSize: 128,
    activations: [
      { kind: 'tanhN', n: 0.5 },
      { kind: 'tanhN', n: 1 },
      { kind: 'tanhN', n: 1.5 },
      { kind: 'tanhN', n: 2 },
      { kind: 'tanhN', n: 3 },
      { kind: 'lecun' },
    ],
    sw2: 1,
    sb2: 0,
    seeds: [1, 2, 3],
    mnistSeed: 1,
    fitMargin: 5,
  },
  seeds: (config) => config.seeds,
  produce(config, _upstream, context) {
    const mnist = loadMnist({ seed: config.mnistSeed, trainCount: 8000, testCount: 2000 });
    const x = Float64Array.from(mnist.train.x.subarray(0, config.batchSize * mnist.inputSize));
    const labels = mnist.train.labels!.subarray(0, config.batchSize);
    const runs = [];
    const theory = [];
    for (const activationSpec of config.activations) {
      const act = activationOf(activationSpec);
      const n = activationSpec.kind === 'tanhN' ? activationSpec.n : null;
      const threshold = n !== null && n > 1 ? t1(n) : null;
      for (const depth of config.depths) {
        const spec: NetworkSpec = { inputSize: mnist.inputSize, outputSize: 10, width: config.width, depth, activation: activationSpec };
        const measured = [];
        for (const seed of config.seeds) {
          const params = initParameters(spec, { kind: 'gaussian', sw2: config.sw2, sb2: config.sb2 }, seed);
          const result = forwardBackward64(spec, params, x, { kind: 'labels', labels }, 'softmax-cross-entropy');
          const fractions = threshold === null ? null : forward64(spec, params, x).preActivations.map((z) => fractionInside(z, threshold));
          const run = {
            activation: act.id,
            label: act.label,
            n,
            depth,
            seed,
            gradHNorm: result.layers.map((l) => l.gradHNorm),
            preActivationMeanSquare: result.layers.map((l) => l.preActivationMeanSquare),
            fractionInsideT1: fractions,
          };
          measured.push(run);
          runs.push(run);
        }
        context.log(`${act.label}, depth ${depth}: measured ${config.seeds.length} seeds`);
        const q = qStar(act, config.sw2, config.sb2);
        const chi = chi1(act, config.sw2, config.sb2);
        // Least-squares slope of log‖∂L/∂h_l‖ against (L − l), pooled over seeds.
        const points = measured.flatMap((m) =>
          m.gradHNorm.map((g, i) => ({ back: depth - (i + 1), log: Math.log(g) })).filter((_, i) => i >= config.fitMargin && i < depth - config.fitMargin),
        );
        const meanBack = points.reduce((s, p) => s + p.back, 0) / points.length;
        const meanLog = points.reduce((s, p) => s + p.log, 0) / points.length;
        const slope =
          points.reduce((s, p) => s + (p.back - meanBack) * (p.log - meanLog), 0) / points.reduce((s, p) => s + (p.back - meanBack) ** 2, 0);
        const anchor = measured.reduce((s, m) => s + m.gradHNorm[depth - 1]!, 0) / measured.length;
        theory.push({
          activation: act.id,
          label: act.label,
          n,
          depth,
          qStar: q,
          chi1: chi,
          predictedGrowth: Math.sqrt(chi),
          fittedGrowth: Math.exp(slope),
          log10GainOverDepth: measured.reduce((s, m) => s + Math.log10(m.gradHNorm[0]! / m.gradHNorm[depth - 1]!), 0) / measured.length,
          anchor,
          predicted: Array.from({ length: depth }, (_, i) => anchor * chi ** ((depth - (i + 1)) / 2)),
          predictedFractionInsideT1: threshold === null ? null : probabilityInside(threshold, q),
          t1: threshold,
        });
      }
    }
    return { runs, theory };
  },
});
