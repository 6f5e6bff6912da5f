import type { AnyDataset } from '../definition.ts';
import productsModel from '../datasets/products-model.ts';
import productsNetworks from '../datasets/products-networks.ts';
import productsWidget from '../datasets/products-widget.ts';

/** Datasets of the /products-of-slopes/ page, in compute order (sources before anything derived from them). */
export const datasets: readonly AnyDataset[] = [productsModel, productsNetworks, productsWidget];
