import type { FigureDefinition } from '../types';

/** Figures of the /what-fixes-it/ page. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const figures: readonly FigureDefinition<any>[] = [];
