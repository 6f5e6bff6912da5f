/**
 * Every record the site publishes, by contract. Pages, figures, `<Num>`, the claims ledger and
 * islands find records here; the pipeline finds their producers in src/lib/data/registry.ts.
 */
import type { RecordContract } from '../contract.ts';
import activationCurves from './activation-curves.ts';
import slopeThresholds from './slope-thresholds.ts';
import goodInterval from './good-interval.ts';
import depthThresholds from './depth-thresholds.ts';
import bestSlope from './best-slope.ts';
import phaseDiagram from './phase-diagram.ts';
import chi1VsN from './chi1-vs-n.ts';
import gradientsAtInit from './gradients-at-init.ts';
import correlationPropagation from './correlation-propagation.ts';
import depthPilot from './depth-pilot.ts';
import trainabilityLrPilot from './trainability-lr-pilot.ts';
import trainabilityMap from './trainability-map.ts';
import trainabilityRay from './trainability-ray.ts';
import trainabilityRayInitOnly from './trainability-ray-init-only.ts';
import trainabilityAnalysis from './trainability-analysis.ts';
import nearCritical from './near-critical.ts';
import nearCriticalLrCheck from './near-critical-lr-check.ts';
import nearCriticalAnalysis from './near-critical-analysis.ts';
import productsModel from './products-model.ts';
import productsNetworks from './products-networks.ts';
import productsWidget from './products-widget.ts';
import changeOfUnits from './change-of-units.ts';
import changeOfUnitsFloat32 from './change-of-units-float32.ts';
import oneWayStreet from './one-way-street.ts';
import oneWayStreetPerPixel from './one-way-street-per-pixel.ts';
import oneWayStreetAnalysis from './one-way-street-analysis.ts';
import jacobianSpectra from './jacobian-spectra.ts';
import whatFixesIt from './what-fixes-it.ts';
import whatFixesItLrCheck from './what-fixes-it-lr-check.ts';
import whatFixesItDeepLrCheck from './what-fixes-it-deep-lr-check.ts';
import whatFixesItSummary from './what-fixes-it-summary.ts';
import whatPractitionersDo from './what-practitioners-do.ts';
import whatPractitionersDoSummary from './what-practitioners-do-summary.ts';

export const contracts: readonly RecordContract[] = [
  activationCurves,
  slopeThresholds,
  goodInterval,
  depthThresholds,
  bestSlope,
  phaseDiagram,
  chi1VsN,
  gradientsAtInit,
  correlationPropagation,
  depthPilot,
  trainabilityLrPilot,
  trainabilityMap,
  trainabilityRay,
  trainabilityRayInitOnly,
  trainabilityAnalysis,
  nearCritical,
  nearCriticalLrCheck,
  nearCriticalAnalysis,
  productsModel,
  productsNetworks,
  productsWidget,
  changeOfUnits,
  changeOfUnitsFloat32,
  oneWayStreet,
  oneWayStreetPerPixel,
  oneWayStreetAnalysis,
  jacobianSpectra,
  whatFixesIt,
  whatFixesItLrCheck,
  whatFixesItDeepLrCheck,
  whatFixesItSummary,
  whatPractitionersDo,
  whatPractitionersDoSummary,
];

export function contractById(id: string): RecordContract {
  const found = contracts.find((c) => c.id === id);
  if (!found) throw new Error(`unknown dataset "${id}"; known: ${contracts.map((c) => c.id).join(', ')}`);
  return found;
}
