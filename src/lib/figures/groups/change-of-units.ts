import type { FigureDefinition } from '../types';
import { unitsCurvesOrdered, unitsCurvesStandard, unitsDifferences, unitsFloat32 } from '../change-of-units';

/** Figures of the /change-of-units/ page. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const figures: readonly FigureDefinition<any>[] = [unitsCurvesOrdered, unitsDifferences, unitsCurvesStandard, unitsFloat32];
