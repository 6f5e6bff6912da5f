import type { AnyDataset } from '../definition.ts';
import changeOfUnits from '../datasets/change-of-units.ts';
import changeOfUnitsFloat32 from '../datasets/change-of-units-float32.ts';

/** Datasets of the /change-of-units/ page, in compute order (sources before anything derived from them). */
export const datasets: readonly AnyDataset[] = [changeOfUnits, changeOfUnitsFloat32];
