import { z } from 'zod';
import { fit, setup, analysis } from '../../records/contracts/trainability-analysis.ts';
import trainabilityAnalysisContract from '../../records/contracts/trainability-analysis.ts';
import { defineProducer } from '../producer.ts';
import { depthScaleC } from '../../math/meanfield';
import { tanhN, tanh1 } from '../../math/activations';
import { linearGrid } from '../../math/grid';
import { fitDepthScaleConstant, misclassifiedCells } from '../../math/boundary-fit';
import trainabilityMap from '../../records/contracts/trainability-map.ts';
import trainabilityRay from '../../records/contracts/trainability-ray.ts';
import trainabilityRayInitOnly from '../../records/contracts/trainability-ray-init-only.ts';
import trainabilityLrPilot from '../../records/contracts/trainability-lr-pilot.ts';
import { summariseLrCheck } from '../../analysis/lr-check.ts';
import type { SweepRecordData as SweepDataset } from '../../records/schemas/sweep.ts';

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





/** The map's learning-rate check, with each set-up's depth and σ_w² as fields. */
function lrCheckOf(pilot: SweepDataset, referenceRate: number, trainedAccuracy: number) {
  const check = summariseLrCheck(pilot.runs, referenceRate, trainedAccuracy);
  return {
    ...check,
    steps: pilot.runs[0]!.config.steps,
    setupCount: check.cells.length,
    cells: check.cells.map(({ setup, ...cell }) => {
      const point = JSON.parse(setup) as Record<string, number>;
      return { depth: point['network.depth']!, sw2: point['init.sw2']!, ...cell };
    }),
  };
}

/** Where the trained/untrained boundary of the trainability sweeps lies, against c·ξ_c. */
export default defineProducer({
  contract: trainabilityAnalysisContract,
  configSchema,
  config: { trainedAccuracy: 0.5, cGrid: { from: 0.5, to: 30, points: 2951 }, literatureC: 6, curvePoints: 241 },
  seeds: () => [],
  produce(config, upstream) {
    const finite = (x: number) => (Number.isFinite(x) ? x : null);
    const cGrid = linearGrid(config.cGrid.from, config.cGrid.to, config.cGrid.points);

    const setupOf = (sweep: SweepDataset, sw2Varies: boolean) => {
      const { config } = sweep.runs[0]!;
      const init = config.init as { sw2: number; sb2: number };
      return {
        steps: config.steps,
        batchSize: config.batchSize,
        learningRate: config.optimiser.hiddenLr,
        stopAtTestAccuracy: config.stopAtTestAccuracy ?? null,
        seeds: new Set(sweep.runs.map((r) => r.seed)).size,
        hiddenLrOverNSquared: config.optimiser.kind === 'sgd' && config.optimiser.hiddenLrOverNSquared,
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
        deepestTrained: xs.map((x) => {
          const depths = cells.filter((k) => k.x === x && k.trained).map((k) => k.depth);
          return { x, depth: depths.length ? Math.max(...depths) : null };
        }),
      };
    };

    const map = upstream.data(trainabilityMap);
    const ray = upstream.data(trainabilityRay);
    const rayInitOnly = upstream.data(trainabilityRayInitOnly);
    // n = 1 is the same network and training under both conventions; it is run once, on the practitioner's ray.
    const rayInitOnlyWithN1: SweepDataset = {
      ...rayInitOnly,
      runs: [...rayInitOnly.runs, ...ray.runs.filter((run) => (run.config.network.activation as { n: number }).n === 1)],
    };
    // Every run of a sweep shares the parts of its init that are not on an axis.
    const gaussian = (sweep: SweepDataset) => sweep.runs[0]!.config.init as { sw2: number; sb2: number };
    const { sb2 } = gaussian(map);
    const rayInit = gaussian(ray);
    const rayX = (run: SweepDataset['runs'][number]) => (run.config.network.activation as { n: number }).n;
    // The initialisation, hence ξ_c, is the same under both conventions: only the step size differs.
    const rayXiC = (n: number) => depthScaleC(tanhN(n), rayInit.sw2, rayInit.sb2);
    return {
      trainedAccuracy: config.trainedAccuracy,
      literatureC: config.literatureC,
      map: analyse(
        map,
        'σ_w²',
        (run) => (run.config.init as { sw2: number }).sw2,
        (sw2) => depthScaleC(tanh1, sw2, sb2),
      ),
      ray: analyse(ray, 'n', rayX, rayXiC),
      rayInitOnly: analyse(rayInitOnlyWithN1, 'n', rayX, rayXiC),
      lrCheck: lrCheckOf(upstream.data(trainabilityLrPilot), map.runs[0]!.config.optimiser.hiddenLr, config.trainedAccuracy),
    };
  },
});
