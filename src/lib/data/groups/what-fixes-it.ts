import type { AnyDataset } from '../definition.ts';
import jacobianSpectra from '../datasets/jacobian-spectra.ts';
import whatFixesIt from '../datasets/what-fixes-it.ts';
import whatFixesItLrCheck from '../datasets/what-fixes-it-lr-check.ts';
import whatFixesItSummary from '../datasets/what-fixes-it-summary.ts';

/** Datasets of the /what-fixes-it/ page, in compute order (sources before anything derived from them). */
export const datasets: readonly AnyDataset[] = [jacobianSpectra, whatFixesIt, whatFixesItLrCheck, whatFixesItSummary];
