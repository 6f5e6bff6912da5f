import type { AnyDataset } from '../definition.ts';

/** Datasets of the /one-way-street/ page, in compute order (sources before anything derived from them). */
export const datasets: readonly AnyDataset[] = [];
