import type { AnyDataset } from '../definition.ts';

/** Datasets of the /change-of-units/ page, in compute order (sources before anything derived from them). */
export const datasets: readonly AnyDataset[] = [];
