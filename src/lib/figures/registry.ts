import type { FigureDefinition } from './types';
import { activationCurves, bestSlope, depthThresholds, goodInterval, slopeThresholds } from './slope-budget';
import { chi1VsN, fractionInside, gradientsAtInit, growthRates, phaseDiagram, trainabilityMap, trainabilityRay } from './order-and-chaos';
import { figures as productsOfSlopes } from './groups/products-of-slopes';
import { figures as changeOfUnits } from './groups/change-of-units';
import { figures as oneWayStreet } from './groups/one-way-street';
import { figures as whatFixesIt } from './groups/what-fixes-it';

/** Every figure on the site, by id. Add new figure families here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const figures: readonly FigureDefinition<any>[] = [
  activationCurves,
  slopeThresholds,
  goodInterval,
  depthThresholds,
  bestSlope,
  phaseDiagram,
  chi1VsN,
  gradientsAtInit,
  growthRates,
  fractionInside,
  trainabilityMap,
  trainabilityRay,
  // One group per page (src/lib/figures/groups/).
  ...productsOfSlopes,
  ...changeOfUnits,
  ...oneWayStreet,
  ...whatFixesIt,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function figureById(id: string): FigureDefinition<any> {
  const figure = figures.find((f) => f.id === id);
  if (!figure) throw new Error(`unknown figure "${id}"; known: ${figures.map((f) => f.id).join(', ')}`);
  return figure;
}
