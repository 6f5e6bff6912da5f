import { z } from 'zod';
import { row } from '../../records/contracts/products-networks.ts';
import productsNetworksContract from '../../records/contracts/products-networks.ts';
import { defineProducer } from '../producer.ts';
import { productStatisticsOf } from '../../analysis/product-statistics.ts';
import { tanhN } from '../../math/activations';
import { initParameters } from '../../math/init';
import { chi1, qStar } from '../../math/meanfield';
import { forward64, forwardBackward64 } from '../../math/mlp64';
import type { NetworkSpec } from '../../math/network';
import { Random } from '../../math/random';
import { logSlope, slopeMoments } from '../../math/slope-products';
import { convolutionPower, exactStatistics, logSlopeLattice, latticeCdf, type Lattice } from '../../math/slope-products-exact';
import { summariseLogProducts } from '../../math/slope-products-stats';
import { loadMnist } from '../../tasks/mnist';

const configSchema = z.object({
  ns: z.array(z.number().positive()).min(1),
  widths: z.array(z.number().int().positive()).min(1),
  /** Hidden layers of every network; gains are measured from the last one back. */
  depth: z.number().int().positive(),
  /** Depths K at which gains and path products are reported (ascending, ≤ depth − burnIn). */
  depths: z.array(z.number().int().positive()).min(1),
  /** Layers at the input end left out, so that pre-activations have settled near q*. */
  burnIn: z.number().int().nonnegative(),
  /** Networks (initialisation seeds) per (n, width), and MNIST examples per network (distinct across networks). */
  seeds: z.array(z.number().int()).min(1),
  examplesPerNetwork: z.number().int().positive(),
  /** Random paths (one unit per layer) per example. */
  pathsPerExample: z.number().int().positive(),
  /** The standard initialisation: W ~ N(0, sw2/fan_in), b ~ N(0, sb2). */
  sw2: z.number().positive(),
  sb2: z.number().nonnegative(),
  mnistSeed: z.number().int(),
  /** Histograms of log10 gain and log10 path product at one (n, K): bin edges from `from` to `to` in steps of `step`. */
  histogram: z.object({ n: z.number().positive(), depth: z.number().int().positive(), from: z.number(), to: z.number(), step: z.number().positive() }),
  /** Lattice spacing of the model's exact distribution: sd of ln s divided by this. */
  latticeStepsPerSd: z.number().int().positive(),
});




type Row = z.infer<typeof row>;

/**
 * The slope-product model checked in real networks at initialisation (float64, MNIST inputs):
 * for tanh(n·x) networks at the standard initialisation, the per-example gain of the
 * backpropagated gradient over the last K layers, and the product of the K slopes met along random
 * paths of units (the thread's g itself, at the network's own pre-activations), against the
 * model at q = q* and mean-field theory's χ1^K.
 */
export default defineProducer({
  contract: productsNetworksContract,
  configSchema,
  config: {
    ns: [1, 1.5, 2, 3, 4],
    widths: [16, 64, 256],
    depth: 60,
    depths: [1, 2, 3, 5, 7, 10, 15, 20, 25, 30, 40, 50],
    burnIn: 10,
    seeds: Array.from({ length: 16 }, (_, i) => i + 1),
    examplesPerNetwork: 32,
    pathsPerExample: 64,
    sw2: 1,
    sb2: 0,
    mnistSeed: 1,
    histogram: { n: 2, depth: 50, from: -40, to: 10, step: 0.5 },
    latticeStepsPerSd: 32,
  },
  profiles: {
    smoke: {
      ns: [1, 2],
      widths: [16],
      depth: 12,
      depths: [1, 5, 10],
      burnIn: 2,
      seeds: [1, 2],
      examplesPerNetwork: 4,
      pathsPerExample: 8,
      sw2: 1,
      sb2: 0,
      mnistSeed: 1,
      histogram: { n: 2, depth: 10, from: -20, to: 10, step: 1 },
      latticeStepsPerSd: 16,
    },
  },
  seeds: (config) => [...config.seeds, config.mnistSeed],
  produce(config, _upstream, context) {
    const maxDepth = config.depths.at(-1)!;
    if (maxDepth > config.depth - config.burnIn) {
      throw new RangeError(`products-networks: config.depths must end at ≤ depth − burnIn = ${config.depth - config.burnIn}, got ${maxDepth}`);
    }
    const examples = config.seeds.length * config.examplesPerNetwork;
    const mnist = loadMnist({ seed: config.mnistSeed, trainCount: Math.max(8000, examples), testCount: 2000 });
    const inputSize = mnist.inputSize;
    const rows: Row[] = [];
    const preActivations = [];
    const histogramSeries = [];
    const edges = binEdges(config.histogram);
    const total = config.ns.length * config.widths.length;
    let done = 0;
    for (const n of config.ns) {
      for (const width of config.widths) {
        const spec: NetworkSpec = { inputSize, outputSize: 10, width, depth: config.depth, activation: { kind: 'tanhN', n } };
        // ln G and ln P per depth (index into config.depths), pooled over networks and examples.
        const gains = config.depths.map(() => [] as number[]);
        const paths = config.depths.map(() => [] as number[]);
        let squareSum = 0;
        let squareCount = 0;
        config.seeds.forEach((seed, s) => {
          const params = initParameters(spec, { kind: 'gaussian', sw2: config.sw2, sb2: config.sb2 }, seed);
          const first = s * config.examplesPerNetwork;
          const x = Float64Array.from(mnist.train.x.subarray(first * inputSize, (first + config.examplesPerNetwork) * inputSize));
          const z = forward64(spec, params, x).preActivations; // z[l − 1]: layer l, [examples × width]
          const random = Random.stream(seed, 'paths');
          for (let b = 0; b < config.examplesPerNetwork; b++) {
            const example = x.subarray(b * inputSize, (b + 1) * inputSize);
            const label = [mnist.train.labels![first + b]!];
            const norms = forwardBackward64(spec, params, example, { kind: 'labels', labels: label }, 'softmax-cross-entropy').layers.map((l) => l.gradHNorm);
            const top = norms[config.depth - 1]!;
            config.depths.forEach((K, i) => gains[i]!.push(Math.log(norms[config.depth - 1 - K]! / top)));
            for (let p = 0; p < config.pathsPerExample; p++) {
              let sum = 0;
              let next = 0;
              for (let k = 1; k <= maxDepth; k++) {
                // Layer L − k + 1: one unit drawn uniformly.
                const unit = random.int(width);
                sum += logSlope(n, z[config.depth - k]![b * width + unit]!);
                if (k === config.depths[next]) paths[next++]!.push(sum);
              }
            }
            for (let k = 1; k <= maxDepth; k++) {
              const layer = z[config.depth - k]!;
              for (let j = 0; j < width; j++) squareSum += layer[b * width + j]! ** 2;
              squareCount += width;
            }
          }
        });
        config.depths.forEach((K, i) => {
          rows.push(summaryRow(n, width, K, 'gain', gains[i]!));
          rows.push(summaryRow(n, width, K, 'path', paths[i]!));
        });
        const q = qStar(tanhN(n), config.sw2, config.sb2);
        preActivations.push({ n, width, measuredQ: squareSum / squareCount, qStar: q });
        if (n === config.histogram.n) {
          const at = config.depths.indexOf(config.histogram.depth);
          if (at < 0) throw new RangeError(`products-networks: histogram.depth ${config.histogram.depth} must be one of config.depths`);
          histogramSeries.push(histogramOf(`gain, width ${width}`, 'gain', width, gains[at]!, edges, config.histogram.step));
          histogramSeries.push(histogramOf(`path product, width ${width}`, 'path', width, paths[at]!, edges, config.histogram.step));
        }
        done++;
        context.log(`n = ${n}, width ${width}: ${examples} gains, ${examples * config.pathsPerExample} paths`);
        context.progress(done, total);
      }
    }
    const theory = config.ns.flatMap((n) => {
      const q = qStar(tanhN(n), config.sw2, config.sb2);
      const c = chi1(tanhN(n), config.sw2, config.sb2);
      const lattice = modelLattice(n, q, config.latticeStepsPerSd);
      return config.depths.map((depth) => {
        const exact = exactStatistics(lattice, depth);
        return {
          n,
          depth,
          qStar: q,
          chi1: c,
          log10RootMeanSquare: (depth / 2) * Math.log10(c),
          modelLog10Median: exact.log10Median,
          modelVanished: exact.vanished,
          modelExploded: exact.exploded,
        };
      });
    });
    const hq = qStar(tanhN(config.histogram.n), config.sw2, config.sb2);
    histogramSeries.push(
      modelHistogram(convolutionPower(modelLattice(config.histogram.n, hq, config.latticeStepsPerSd), config.histogram.depth), edges, config.histogram.step),
    );
    return {
      rows,
      theory,
      preActivations,
      histogram: { n: config.histogram.n, depth: config.histogram.depth, edges, step: config.histogram.step, series: histogramSeries },
    };
  },
});

function modelLattice(n: number, q: number, stepsPerSd: number): Lattice {
  const sd = Math.sqrt(slopeMoments(n, q).varianceLog);
  return logSlopeLattice(n, q, sd > 0 ? sd / stepsPerSd : 1);
}

function summaryRow(n: number, width: number, depth: number, quantity: 'gain' | 'path', logs: number[]): Row {
  const values = Float64Array.from(logs);
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const s = summariseLogProducts(values);
  return {
    n,
    width,
    depth,
    quantity,
    samples: s.samples,
    ...productStatisticsOf(s),
    log10Sd: Math.sqrt(squares / Math.max(1, values.length - 1)) / Math.LN10,
  };
}

/** Lower bin edges from..to (exclusive) in steps of step, as exact decimals. */
function binEdges({ from, to, step }: { from: number; to: number; step: number }): number[] {
  const count = Math.round((to - from) / step);
  return Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(10)));
}

function histogramOf(label: string, quantity: 'gain' | 'path', width: number, logs: number[], edges: number[], step: number) {
  const fractions = new Array<number>(edges.length).fill(0);
  let below = 0;
  let above = 0;
  for (const ln of logs) {
    const i = Math.floor((ln / Math.LN10 - edges[0]!) / step);
    if (i < 0) below++;
    else if (i >= edges.length) above++;
    else fractions[i]!++;
  }
  const total = logs.length;
  return { label, quantity, width, fractions: fractions.map((c) => c / total), below: below / total, above: above / total };
}

/** The model's probability per bin, from the exact distribution of ln g (latticeCdf at the bin edges). */
function modelHistogram(logProduct: Lattice, edges: number[], step: number) {
  const cdf = (log10: number) => latticeCdf(logProduct, log10 * Math.LN10);
  const last = edges.at(-1)! + step;
  return {
    label: 'model at q*',
    quantity: 'model' as const,
    width: null,
    fractions: edges.map((e) => cdf(e + step) - cdf(e)),
    below: cdf(edges[0]!),
    above: 1 - cdf(last),
  };
}
