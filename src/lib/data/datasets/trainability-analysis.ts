import { z } from 'zod';
import { defineDataset } from '../definition';
import { readRecord } from '../store';
import { depthScaleC } from '../../math/meanfield';
import { tanhN, tanh1 } from '../../math/activations';
import { linearGrid } from '../../math/grid';
import { fitDepthScaleConstant, misclassifiedCells } from '../../math/boundary-fit';
import trainabilityMap from './trainability-map';
import trainabilityRay from './trainability-ray';
import type { SweepDataset } from '../sweep-dataset';

const configSchema = z.object({
  /** A run counts as trained when its final test accuracy reaches this (chance is 0.1). */
  trainedAccuracy: z.number().gt(0).lt(1),
  /** Candidate constants c in "trainable iff depth ≤ c·ξ_c", scanned on a grid. */
  cGrid: z.object({ from: z.number().positive(), to: z.number().positive(), points: z.number().int().min(2) }),
  /** The constant reported in the literature (Schoenholz et al. 2017), for comparison. */
  literatureC: z.number().positive(),
  /** Resolution of the ξ_c curves drawn over the maps. */
  curvePoints: z.number().int().min(2),
});

const cell = z.object({
  x: z.number(),
  depth: z.number().int(),
  /** Final test accuracy; null when the run diverged. */
  accuracy: z.number().nullable(),
  outcome: z.string(),
  trained: z.boolean(),
  /** ξ_c at this cell's x (null where it is infinite: on the critical line). */
  xiC: z.number().nullable(),
});

const fit = z.object({
  /** The fitted constant: the middle of the range of c with the fewest misclassified cells. */
  c: z.number(),
  /** Every c in [low, high] misclassifies the same, smallest, number of cells. */
  low: z.number(),
  high: z.number(),
  misclassified: z.number().int(),
  cells: z.number().int(),
  /** Cells the literature constant misclassifies. */
  misclassifiedAtLiteratureC: z.number().int(),
});

/** The training set-up shared by every run of a sweep, quoted in captions. */
const setup = z.object({
  steps: z.number().int(),
  batchSize: z.number().int(),
  learningRate: z.number(),
  /** σ_w² of the standard initialisation (null when it is the axis being varied). */
  sw2: z.number().nullable(),
  sb2: z.number(),
});

const analysis = z.object({
  /** What x is: σ_w² (at σ_b² = 0.05) for the map, n (at σ_w² = 1, σ_b² = 0) for the ray. */
  xName: z.string(),
  setup,
  cells: z.array(cell),
  curve: z.array(z.object({ x: z.number(), xiC: z.number().nullable() })),
  fit,
});

/** Where the trained/untrained boundary of the trainability sweeps lies, against c·ξ_c. */
export default defineDataset({
  id: 'trainability-analysis',
  title: 'The trainability maps against the correlation depth scale ξ_c, with the fitted constant c',
  configSchema,
  config: { trainedAccuracy: 0.5, cGrid: { from: 0.5, to: 30, points: 2951 }, literatureC: 6, curvePoints: 241 },
  // The sweeps' records are inputs: when one is regenerated, this analysis is stale.
  extraEntries: ['content/data/trainability-map.json', 'content/data/trainability-ray.json'],
  seeds: () => [],
  schema: z.object({ trainedAccuracy: z.number(), literatureC: z.number(), map: analysis, ray: analysis }),
  produce(config) {
    const root = process.cwd();
    const finite = (x: number) => (Number.isFinite(x) ? x : null);
    const cGrid = linearGrid(config.cGrid.from, config.cGrid.to, config.cGrid.points);

    const setupOf = (sweep: SweepDataset, sw2Varies: boolean) => {
      const { config } = sweep.runs[0]!;
      const init = config.init as { sw2: number; sb2: number };
      return {
        steps: config.steps,
        batchSize: config.batchSize,
        learningRate: config.optimiser.hiddenLr,
        sw2: sw2Varies ? null : init.sw2,
        sb2: init.sb2,
      };
    };
    const analyse = (
      sweep: SweepDataset,
      xName: string,
      xOf: (run: SweepDataset['runs'][number]) => number,
      xiC: (x: number) => number,
    ) => {
      const cells = sweep.runs.map((run) => {
        const x = xOf(run);
        const accuracy = run.result.final.testAccuracy;
        return {
          x,
          depth: run.config.network.depth,
          accuracy,
          outcome: run.result.outcome,
          trained: accuracy !== null && accuracy >= config.trainedAccuracy,
          xiC: finite(xiC(x)),
        };
      });
      const xs = [...new Set(cells.map((k) => k.x))].sort((a, b) => a - b);
      const curve = linearGrid(xs[0]!, xs.at(-1)!, config.curvePoints).map((x) => ({ x, xiC: finite(xiC(x)) }));
      return {
        xName,
        setup: setupOf(sweep, xName === 'σ_w²'),
        cells,
        curve,
        fit: { ...fitDepthScaleConstant(cells, cGrid), cells: cells.length, misclassifiedAtLiteratureC: misclassifiedCells(cells, config.literatureC) },
      };
    };

    const map = readRecord(root, trainabilityMap).data as SweepDataset;
    const ray = readRecord(root, trainabilityRay).data as SweepDataset;
    // Every run of a sweep shares the parts of its init that are not on an axis.
    const gaussian = (sweep: SweepDataset) => sweep.runs[0]!.config.init as { sw2: number; sb2: number };
    const { sb2 } = gaussian(map);
    const rayInit = gaussian(ray);
    return {
      trainedAccuracy: config.trainedAccuracy,
      literatureC: config.literatureC,
      map: analyse(
        map,
        'σ_w²',
        (run) => (run.config.init as { sw2: number }).sw2,
        (sw2) => depthScaleC(tanh1, sw2, sb2),
      ),
      ray: analyse(
        ray,
        'n',
        (run) => (run.config.network.activation as { n: number }).n,
        (n) => depthScaleC(tanhN(n), rayInit.sw2, rayInit.sb2),
      ),
    };
  },
});
