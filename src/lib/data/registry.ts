/**
 * Every producer, one per published record. The order here is only the tie-break: records are
 * computed after the records their contracts declare as upstream (compute.ts, computeOrder).
 */
import type { AnyProducer } from './producer.ts';
import activationCurves from './producers/activation-curves.ts';
import slopeThresholds from './producers/slope-thresholds.ts';
import goodInterval from './producers/good-interval.ts';
import depthThresholds from './producers/depth-thresholds.ts';
import bestSlope from './producers/best-slope.ts';
import phaseDiagram from './producers/phase-diagram.ts';
import chi1VsN from './producers/chi1-vs-n.ts';
import gradientsAtInit from './producers/gradients-at-init.ts';
import correlationPropagation from './producers/correlation-propagation.ts';
import depthPilot from './producers/depth-pilot.ts';
import trainabilityLrPilot from './producers/trainability-lr-pilot.ts';
import trainabilityMap from './producers/trainability-map.ts';
import trainabilityRay from './producers/trainability-ray.ts';
import trainabilityRayInitOnly from './producers/trainability-ray-init-only.ts';
import trainabilityAnalysis from './producers/trainability-analysis.ts';
import nearCritical from './producers/near-critical.ts';
import nearCriticalLrCheck from './producers/near-critical-lr-check.ts';
import nearCriticalAnalysis from './producers/near-critical-analysis.ts';
import productsModel from './producers/products-model.ts';
import productsNetworks from './producers/products-networks.ts';
import productsWidget from './producers/products-widget.ts';
import changeOfUnits from './producers/change-of-units.ts';
import changeOfUnitsFloat32 from './producers/change-of-units-float32.ts';
import oneWayStreet from './producers/one-way-street.ts';
import oneWayStreetPerPixel from './producers/one-way-street-per-pixel.ts';
import oneWayStreetAnalysis from './producers/one-way-street-analysis.ts';
import jacobianSpectra from './producers/jacobian-spectra.ts';
import whatFixesIt from './producers/what-fixes-it.ts';
import whatFixesItLrCheck from './producers/what-fixes-it-lr-check.ts';
import whatFixesItDeepLrCheck from './producers/what-fixes-it-deep-lr-check.ts';
import whatFixesItSummary from './producers/what-fixes-it-summary.ts';
import whatPractitionersDo from './producers/what-practitioners-do.ts';
import whatPractitionersDoSummary from './producers/what-practitioners-do-summary.ts';

export const producers: readonly AnyProducer[] = [
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
