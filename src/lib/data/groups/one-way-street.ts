import type { AnyDataset } from '../definition.ts';
import oneWayStreet from '../datasets/one-way-street.ts';
import oneWayStreetAnalysis from '../datasets/one-way-street-analysis.ts';

/** Datasets of the /one-way-street/ page, in compute order (sources before anything derived from them). */
export const datasets: readonly AnyDataset[] = [oneWayStreet, oneWayStreetAnalysis];
