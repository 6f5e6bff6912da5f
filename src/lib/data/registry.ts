import type { AnyDataset } from './definition.ts';
import activationCurves from './datasets/activation-curves.ts';
import bestSlope from './datasets/best-slope.ts';
import chi1VsN from './datasets/chi1-vs-n.ts';
import depthPilot from './datasets/depth-pilot.ts';
import depthThresholds from './datasets/depth-thresholds.ts';
import goodInterval from './datasets/good-interval.ts';
import gradientsAtInit from './datasets/gradients-at-init.ts';
import phaseDiagram from './datasets/phase-diagram.ts';
import slopeThresholds from './datasets/slope-thresholds.ts';
import trainabilityAnalysis from './datasets/trainability-analysis.ts';
import trainabilityLrPilot from './datasets/trainability-lr-pilot.ts';
import trainabilityMap from './datasets/trainability-map.ts';
import trainabilityRay from './datasets/trainability-ray.ts';
import { datasets as productsOfSlopes } from './groups/products-of-slopes.ts';
import { datasets as changeOfUnits } from './groups/change-of-units.ts';
import { datasets as oneWayStreet } from './groups/one-way-street.ts';
import { datasets as whatFixesIt } from './groups/what-fixes-it.ts';

/** Every dataset the site publishes. Add a definition in datasets/ and list it here. */
export const datasets: readonly AnyDataset[] = [
  activationCurves,
  slopeThresholds,
  goodInterval,
  depthThresholds,
  bestSlope,
  phaseDiagram,
  chi1VsN,
  gradientsAtInit,
  depthPilot,
  trainabilityLrPilot,
  trainabilityMap,
  trainabilityRay,
  // Derived from the two sweeps above: must come after them (datasets run in this order).
  trainabilityAnalysis,
  // One group per page (src/lib/data/groups/), each ordered sources-first.
  ...productsOfSlopes,
  ...changeOfUnits,
  ...oneWayStreet,
  ...whatFixesIt,
];

export function datasetById(id: string): AnyDataset {
  const found = datasets.find((d) => d.id === id);
  if (!found) {
    throw new Error(`unknown dataset "${id}"; known: ${datasets.map((d) => d.id).join(', ')}`);
  }
  return found;
}
