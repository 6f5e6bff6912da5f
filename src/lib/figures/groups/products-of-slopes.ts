import type { FigureDefinition } from '../types';
import { figures as productsOfSlopes } from '../products-of-slopes';

/** Figures of the /products-of-slopes/ page. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const figures: readonly FigureDefinition<any>[] = productsOfSlopes;
