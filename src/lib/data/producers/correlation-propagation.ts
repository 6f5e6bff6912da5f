import { z } from 'zod';
import correlationPropagationContract from '../../records/contracts/correlation-propagation.ts';
import { defineProducer } from '../producer.ts';
import { initParameters } from '../../math/init';
import { forward64 } from '../../math/mlp64';
import type { NetworkSpec } from '../../math/network';
import { chi1, correlationFixedPoint } from '../../math/meanfield';
import { tanhN } from '../../math/activations';
import { cosine, predictedCorrelations } from '../../math/correlation-propagation';
import { loadMnist } from '../../tasks/mnist';

const configSchema = z.object({
  depth: z.number().int().positive(),
  /** Wide, so that one network is close to the mean-field limit (fluctuations ~ 1/√width). */
  width: z.number().int().positive(),
  /** Pairs of MNIST training images: (0, 1), (2, 3), … */
  pairs: z.number().int().positive(),
  ns: z.array(z.number().positive()).min(1),
  sw2: z.number().positive(),
  sb2: z.number().nonnegative(),
  seeds: z.array(z.number().int()).min(1),
  mnistSeed: z.number().int(),
});

export default defineProducer({
  contract: correlationPropagationContract,
  configSchema,
  config: { depth: 50, width: 512, pairs: 24, ns: [0.5, 1, 1.5, 2, 3], sw2: 1, sb2: 0, seeds: [1, 2, 3], mnistSeed: 1 },
  seeds: (config) => config.seeds,
  produce(config, _upstream, context) {
    const mnist = loadMnist({ seed: config.mnistSeed, trainCount: 8000, testCount: 2000 });
    const d = mnist.inputSize;
    const x = Float64Array.from(mnist.train.x.subarray(0, 2 * config.pairs * d));
    const input = (i: number) => x.subarray(i * d, (i + 1) * d);
    const inputCosine =
      Array.from({ length: config.pairs }, (_, p) => cosine(x, x, 2 * p * d, (2 * p + 1) * d, d)).reduce((s, v) => s + v, 0) / config.pairs;
    const setups = config.ns.map((n) => {
      const act = tanhN(n);
      const spec: NetworkSpec = { inputSize: d, outputSize: 10, width: config.width, depth: config.depth, activation: { kind: 'tanhN', n } };
      // perSeed[s][l]: mean over pairs of the measured cosine at layer l + 1.
      const perSeed = config.seeds.map((seed) => {
        const { preActivations } = forward64(spec, initParameters(spec, { kind: 'gaussian', sw2: config.sw2, sb2: config.sb2 }, seed), x);
        return preActivations.map((z) => {
          let sum = 0;
          for (let p = 0; p < config.pairs; p++) sum += cosine(z, z, 2 * p * config.width, (2 * p + 1) * config.width, config.width);
          return sum / config.pairs;
        });
      });
      const predictedPerPair = Array.from({ length: config.pairs }, (_, p) =>
        predictedCorrelations(act, config.sw2, config.sb2, input(2 * p), input(2 * p + 1), config.depth),
      );
      const layers = Array.from({ length: config.depth }, (_, l) => {
        const seedMeans = perSeed.map((s) => s[l]!);
        return {
          layer: l + 1,
          measured: seedMeans.reduce((s, v) => s + v, 0) / seedMeans.length,
          measuredMin: Math.min(...seedMeans),
          measuredMax: Math.max(...seedMeans),
          predicted: predictedPerPair.reduce((s, pair) => s + pair[l]!, 0) / config.pairs,
        };
      });
      context.log(`tanh(${n}x): measured ${config.seeds.length} seeds × ${config.pairs} pairs over ${config.depth} layers`);
      return {
        n,
        chi1: chi1(act, config.sw2, config.sb2),
        cStar: correlationFixedPoint(act, config.sw2, config.sb2),
        layers,
        last: { measured: layers.at(-1)!.measured, predicted: layers.at(-1)!.predicted },
        largestDifference: Math.max(...layers.map((l) => Math.abs(l.measured - l.predicted))),
      };
    });
    return { config, inputCosine, setups };
  },
});
