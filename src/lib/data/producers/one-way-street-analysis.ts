import oneWayStreetAnalysisContract from '../../records/contracts/one-way-street-analysis.ts';
import oneWayStreet from '../../records/contracts/one-way-street.ts';
import oneWayStreetPerPixel from '../../records/contracts/one-way-street-per-pixel.ts';
import { persistenceConfigSchema, persistentSummary } from '../../analysis/one-way-street-persistent.ts';
import { recordPath } from '../../records/paths.ts';
import { analyseOneWayStreet, configSchema } from '../../analysis/one-way-street.ts';
import { defineProducer } from '../producer.ts';

/** The one-way-street sweep's checkpoints classified, and the transitions between their states counted. */
export default defineProducer({
  contract: oneWayStreetAnalysisContract,
  configSchema: configSchema.extend({ persistence: persistenceConfigSchema }),
  config: {
    reference: { n: 1, sw2: 1 },
    thresholds: { vanishedBelow: 0.01, explodedAbove: 100 },
    confidence: 0.95,
    sensitivityDecades: [1, 2, 3],
    profileRuns: [
      { depth: 50, n: 1, sw2: 1, seed: 1 },
      { depth: 50, n: 0.5, sw2: 1, seed: 1 },
      { depth: 50, n: 2, sw2: 1, seed: 1 },
      { depth: 50, n: 3, sw2: 1, seed: 1 },
    ],
    profileSteps: [0, 100, 2000],
    // Learning: test accuracy at least 50 % (chance + 0.4), or the training loss falling by 2 % per
    // evaluation. Above chance is not enough: a per-pixel n = 2 pilot run sat at 22 % for 1900 steps.
    persistence: { k: 2, learning: { chance: 0.1, accuracyMargin: 0.4, lossDrop: 0.02 } },
  },
  profiles: {
    smoke: {
      reference: { n: 1, sw2: 1 },
      thresholds: { vanishedBelow: 0.01, explodedAbove: 100 },
      confidence: 0.95,
      sensitivityDecades: [1, 2],
      profileRuns: [{ depth: 4, n: 3, sw2: 1, seed: 1 }],
      profileSteps: [0, 12],
      persistence: { k: 2, learning: { chance: 0.1, accuracyMargin: 0.4, lossDrop: 0.02 } },
    },
  },
  seeds: () => [],
  produce(config, upstream, context) {
    const { persistence, ...classic } = config;
    const file = recordPath(oneWayStreet.id, context.profile);
    const summary = (sweep: ReturnType<typeof upstream.data<typeof oneWayStreet>>, name: string) =>
      persistentSummary(sweep, config.reference, config.thresholds, persistence, config.confidence, name);
    return {
      ...analyseOneWayStreet(upstream.data(oneWayStreet), classic, file),
      persistent: summary(upstream.data(oneWayStreet), file),
      perPixel: summary(upstream.data(oneWayStreetPerPixel), recordPath(oneWayStreetPerPixel.id, context.profile)),
    };
  },
});
