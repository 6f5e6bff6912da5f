import type { AnyDataset } from './definition.ts';
import activationCurves from './datasets/activation-curves.ts';
import bestSlope from './datasets/best-slope.ts';
import depthPilot from './datasets/depth-pilot.ts';
import depthThresholds from './datasets/depth-thresholds.ts';
import goodInterval from './datasets/good-interval.ts';
import slopeThresholds from './datasets/slope-thresholds.ts';

/** Every dataset the site publishes. Add a definition in datasets/ and list it here. */
export const datasets: readonly AnyDataset[] = [
  activationCurves,
  slopeThresholds,
  goodInterval,
  depthThresholds,
  bestSlope,
  depthPilot,
];

export function datasetById(id: string): AnyDataset {
  const found = datasets.find((d) => d.id === id);
  if (!found) {
    throw new Error(`unknown dataset "${id}"; known: ${datasets.map((d) => d.id).join(', ')}`);
  }
  return found;
}
