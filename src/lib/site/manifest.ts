/**
 * Which page shows which records and figures: the one list the figure registry, /reproduce/
 * and the tests read. A test checks it against the articles (every <Figure> and <Num of> of a
 * page is listed here, and nothing listed is unused).
 */
import type { RecordContract } from '../records/contract.ts';
import activationCurvesRecord from '../records/contracts/activation-curves.ts';
import bestSlopeRecord from '../records/contracts/best-slope.ts';
import changeOfUnitsRecord from '../records/contracts/change-of-units.ts';
import changeOfUnitsFloat32Record from '../records/contracts/change-of-units-float32.ts';
import chi1VsNRecord from '../records/contracts/chi1-vs-n.ts';
import depthThresholdsRecord from '../records/contracts/depth-thresholds.ts';
import goodIntervalRecord from '../records/contracts/good-interval.ts';
import gradientsAtInitRecord from '../records/contracts/gradients-at-init.ts';
import jacobianSpectraRecord from '../records/contracts/jacobian-spectra.ts';
import oneWayStreetAnalysisRecord from '../records/contracts/one-way-street-analysis.ts';
import phaseDiagramRecord from '../records/contracts/phase-diagram.ts';
import productsModelRecord from '../records/contracts/products-model.ts';
import productsNetworksRecord from '../records/contracts/products-networks.ts';
import productsWidgetRecord from '../records/contracts/products-widget.ts';
import slopeThresholdsRecord from '../records/contracts/slope-thresholds.ts';
import trainabilityAnalysisRecord from '../records/contracts/trainability-analysis.ts';
import trainabilityLrPilotRecord from '../records/contracts/trainability-lr-pilot.ts';
import trainabilityMapRecord from '../records/contracts/trainability-map.ts';
import whatFixesItRecord from '../records/contracts/what-fixes-it.ts';
import whatFixesItSummaryRecord from '../records/contracts/what-fixes-it-summary.ts';
import whatPractitionersDoSummaryRecord from '../records/contracts/what-practitioners-do-summary.ts';
import nearCriticalAnalysisRecord from '../records/contracts/near-critical-analysis.ts';
import correlationPropagationRecord from '../records/contracts/correlation-propagation.ts';
import * as changeOfUnits from '../figures/change-of-units.ts';
import * as oneWayStreet from '../figures/one-way-street.ts';
import * as orderAndChaos from '../figures/order-and-chaos.ts';
import * as productsOfSlopes from '../figures/products-of-slopes.ts';
import * as slopeBudget from '../figures/slope-budget.ts';
import * as whatFixesIt from '../figures/what-fixes-it.ts';
import * as whatPractitionersDo from '../figures/what-practitioners-do.ts';
import * as trainabilityChecks from '../figures/trainability-checks.ts';
import type { AnyFigure } from '../figures/types.ts';

export interface PageManifest {
  /** The page's slug: an article id, or "index" for the home page. */
  page: string;
  /** The figures it places, in the order it places them. */
  figures: readonly AnyFigure[];
  /** Every record it reads: for figures, `<Num>`, islands and claims. */
  records: readonly RecordContract[];
}

export const pages: readonly PageManifest[] = [
  {
    page: 'index',
    figures: [whatFixesIt.accuracyVsDepth],
    records: [gradientsAtInitRecord, whatFixesItSummaryRecord],
  },
  {
    page: 'slope-budget',
    figures: [slopeBudget.activationCurves, slopeBudget.slopeThresholds, slopeBudget.goodInterval, slopeBudget.depthThresholds, slopeBudget.bestSlope],
    records: [activationCurvesRecord, slopeThresholdsRecord, goodIntervalRecord, depthThresholdsRecord, bestSlopeRecord],
  },
  {
    page: 'products-of-slopes',
    figures: [
      productsOfSlopes.medianAndMeanSquare,
      productsOfSlopes.fractionsVsDepth,
      productsOfSlopes.fractionsVsN,
      productsOfSlopes.networksAgainstModel,
      productsOfSlopes.distributionAtDepth,
    ],
    records: [productsModelRecord, productsNetworksRecord, productsWidgetRecord],
  },
  {
    page: 'change-of-units',
    figures: [changeOfUnits.unitsCurvesOrdered, changeOfUnits.unitsDifferences, changeOfUnits.unitsCurvesStandard, changeOfUnits.unitsFloat32],
    records: [changeOfUnitsRecord, changeOfUnitsFloat32Record],
  },
  {
    page: 'order-and-chaos',
    figures: [
      orderAndChaos.phaseDiagram,
      orderAndChaos.chi1VsN,
      orderAndChaos.gradientsAtInit,
      orderAndChaos.growthRates,
      orderAndChaos.fractionInside,
      orderAndChaos.trainabilityMap,
      trainabilityChecks.lrCheckCurves,
      orderAndChaos.trainabilityRay,
      orderAndChaos.trainabilityRayInitOnly,
      trainabilityChecks.nearCriticalScan,
      trainabilityChecks.nearCriticalRateCheck,
      trainabilityChecks.correlationPropagation,
    ],
    records: [
      phaseDiagramRecord,
      chi1VsNRecord,
      gradientsAtInitRecord,
      trainabilityAnalysisRecord,
      trainabilityLrPilotRecord,
      trainabilityMapRecord,
      nearCriticalAnalysisRecord,
      correlationPropagationRecord,
    ],
  },
  {
    page: 'one-way-street',
    figures: [oneWayStreet.layerProfiles, oneWayStreet.gainTrajectories, oneWayStreet.stateTimeline, oneWayStreet.transitionMatrix],
    records: [oneWayStreetAnalysisRecord],
  },
  {
    page: 'what-fixes-it',
    figures: [
      whatFixesIt.jacobianSpread,
      whatFixesIt.jacobianSpectrum,
      whatFixesIt.accuracyVsDepth,
      whatFixesIt.accuracyVsLearningRate,
      whatFixesIt.accuracyVsLearningRateDeep,
      whatPractitionersDo.practitionersAccuracyVsDepth,
      whatPractitionersDo.practitionersRateCheckDeep,
      whatPractitionersDo.practitionersCurvesDeep,
    ],
    records: [jacobianSpectraRecord, whatFixesItRecord, whatFixesItSummaryRecord, whatPractitionersDoSummaryRecord],
  },
  {
    page: 'claims',
    figures: [],
    records: [
      bestSlopeRecord,
      changeOfUnitsRecord,
      chi1VsNRecord,
      depthThresholdsRecord,
      goodIntervalRecord,
      gradientsAtInitRecord,
      nearCriticalAnalysisRecord,
      oneWayStreetAnalysisRecord,
      phaseDiagramRecord,
      productsModelRecord,
      productsNetworksRecord,
      slopeThresholdsRecord,
      trainabilityAnalysisRecord,
      whatFixesItSummaryRecord,
      whatPractitionersDoSummaryRecord,
    ],
  },
];

/** Every figure on the site, once each, in page order. */
export const figures: readonly AnyFigure[] = [...new Set(pages.flatMap((p) => p.figures))];

export function figureById(id: string): AnyFigure {
  const figure = figures.find((f) => f.id === id);
  if (!figure) throw new Error(`unknown figure "${id}"; known: ${figures.map((f) => f.id).join(', ')}`);
  return figure;
}
