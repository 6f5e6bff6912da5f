import oneWayStreetAnalysisContract from '../../records/contracts/one-way-street-analysis.ts';
import oneWayStreet from '../../records/contracts/one-way-street.ts';
import { recordPath } from '../../records/paths.ts';
import { analyseOneWayStreet, configSchema } from '../../analysis/one-way-street.ts';
import { defineProducer } from '../producer.ts';

/** The one-way-street sweep's checkpoints classified, and the transitions between their states counted. */
export default defineProducer({
  contract: oneWayStreetAnalysisContract,
  configSchema,
  config: {
    reference: { n: 1, sw2: 1 },
    thresholds: { vanishedBelow: 0.01, explodedAbove: 100 },
    confidence: 0.95,
    sensitivityDecades: [1, 2, 3],
    profileRuns: [
      { depth: 40, n: 1, sw2: 1, seed: 1 },
      { depth: 40, n: 1, sw2: 0.5, seed: 1 },
      { depth: 40, n: 2, sw2: 1, seed: 1 },
      { depth: 40, n: 3, sw2: 1, seed: 1 },
    ],
    profileSteps: [0, 20, 400],
  },
  profiles: {
    smoke: {
      reference: { n: 1, sw2: 1 },
      thresholds: { vanishedBelow: 0.01, explodedAbove: 100 },
      confidence: 0.95,
      sensitivityDecades: [1, 2],
      profileRuns: [{ depth: 4, n: 3, sw2: 1, seed: 1 }],
      profileSteps: [0, 12],
    },
  },
  seeds: () => [],
  produce(config, upstream, context) {
    return analyseOneWayStreet(upstream.data(oneWayStreet), config, recordPath(oneWayStreet.id, context.profile));
  },
});
