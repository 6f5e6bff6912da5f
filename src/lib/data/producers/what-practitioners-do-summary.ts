import { z } from 'zod';
import contract from '../../records/contracts/what-practitioners-do-summary.ts';
import whatPractitionersDo from '../../records/contracts/what-practitioners-do.ts';
import whatFixesItSummary from '../../records/contracts/what-fixes-it-summary.ts';
import { summariseWhatPractitionersDo } from '../../analysis/what-practitioners-do.ts';
import { defineProducer } from '../producer.ts';

const configSchema = z.object({
  /** A set-up trains at a depth when its mean test accuracy over seeds, at its best rate, reaches this (as on /what-fixes-it/). */
  trainedAccuracy: z.number().gt(0).lt(1),
  /** A run that ran its whole budget was still learning if its test accuracy rose by risingBy over its last risingWindowSteps steps. */
  risingWindowSteps: z.number().int().positive(),
  risingBy: z.number().gt(0).lt(1),
});

/**
 * The what-practitioners-do sweep at each set-up's best rate per depth, beside /what-fixes-it/'s
 * comparison, whose budget (steps, batch, width, data) it must share and whose rate is the
 * check's reference.
 */
export default defineProducer({
  contract,
  configSchema,
  config: { trainedAccuracy: 0.5, risingWindowSteps: 200, risingBy: 0.02 },
  seeds: () => [],
  produce(config, upstream) {
    const { budget } = upstream.data(whatFixesItSummary);
    return summariseWhatPractitionersDo(upstream.data(whatPractitionersDo), budget, config);
  },
});
