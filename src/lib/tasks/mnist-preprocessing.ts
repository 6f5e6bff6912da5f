/**
 * The numbers /credits/ states about input preprocessing, computed from the same split the
 * experiments use: the pooled mean and sd of global standardisation, the largest input it gives,
 * and the largest inputs per-pixel standardisation would give instead.
 */
import { loadMnist } from './mnist';

export interface PreprocessingSummary {
  mean: number;
  sd: number;
  largestGlobal: number;
  largestPerPixel: { train: number; test: number };
}

const largest = (x: Float32Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

export function preprocessingSummary(seed = 1): PreprocessingSummary {
  const global = loadMnist({ seed });
  const perPixel = loadMnist({ seed, standardise: 'per-pixel' });
  return {
    mean: global.pixelMean[0]!,
    sd: global.pixelScale[0]!,
    largestGlobal: largest(global.train.x),
    largestPerPixel: { train: largest(perPixel.train.x), test: largest(perPixel.test.x) },
  };
}
