import type { FigureDefinition } from '../types';
import { accuracyVsDepth, accuracyVsLearningRate, jacobianSpectrum, jacobianSpread } from '../what-fixes-it';

/** Figures of the /what-fixes-it/ page. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const figures: readonly FigureDefinition<any>[] = [jacobianSpread, jacobianSpectrum, accuracyVsDepth, accuracyVsLearningRate];
