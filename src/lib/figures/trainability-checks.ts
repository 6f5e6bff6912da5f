/**
 * Figures of "Order, chaos and the edge" that test the trainability maps: the learning-rate check
 * (accuracy against steps, so a reader sees whether a run was still learning), the scan near
 * n = 1, and the forward pass (two inputs' correlation against depth, measured and predicted).
 */
import type { DataOf } from '../records/contract.ts';
import correlationPropagationRecord from '../records/contracts/correlation-propagation.ts';
import nearCriticalAnalysisRecord from '../records/contracts/near-critical-analysis.ts';
import trainabilityLrPilotRecord from '../records/contracts/trainability-lr-pilot.ts';
import { rateCheckRows, rateCheckSpec } from './rate-check';
import { categoricalPalette, colours, nColourScale, nLabel } from './theme';
import { defineFigure } from './types';

type LrPilot = DataOf<typeof trainabilityLrPilotRecord>;
type Run = LrPilot['runs'][number];

const fmt = (x: number, digits = 2) => x.toFixed(digits);
const percent = (x: number | null) => (x === null ? 'diverged' : `${Math.round(100 * x)} %`);
const sw2Of = (run: Run) => (run.config.init as { sw2: number }).sw2;
const etaLabel = (eta: number) => `η = ${eta}`;

export const lrCheckCurves = defineFigure(trainabilityLrPilotRecord, {
  id: 'lr-check-curves',
  title: 'The learning-rate check: test accuracy against steps at depth 60',
  caption: (data) => {
    const first = data.runs[0]!.config;
    const rates = [...new Set(data.runs.map((r) => r.config.optimiser.hiddenLr))].sort((a, b) => a - b);
    return `Test accuracy on MNIST against SGD steps for tanh networks of depth 60 at σ_b² = ${(first.init as { sb2: number }).sb2}, one panel per σ_w² (below, near and above the critical value), one colour per learning rate (${rates.join(', ')}), one line per seed. Runs stop once they reach ${percent(first.stopAtTestAccuracy ?? null)}; a line that is still rising at step ${first.steps} was still learning when the budget ran out.`;
  },
  description: (data) => {
    const deepest = Math.max(...data.runs.map((r) => r.config.network.depth));
    return `Three line charts of test accuracy against steps, depth ${deepest}. Final accuracies: ${data.runs
      .filter((r) => r.config.network.depth === deepest)
      .map((r) => `σ_w² = ${sw2Of(r)}, η = ${r.config.optimiser.hiddenLr}, seed ${r.seed}: ${percent(r.result.final.testAccuracy)}`)
      .join('; ')}.`;
  },
  spec: (data) => {
    const deepest = Math.max(...data.runs.map((r) => r.config.network.depth));
    const rates = [...new Set(data.runs.map((r) => r.config.optimiser.hiddenLr))].sort((a, b) => a - b);
    const values = data.runs
      .filter((r) => r.config.network.depth === deepest)
      .flatMap((r) =>
        r.result.curve
          .filter((p) => p.testAccuracy !== null)
          .map((p) => ({ sw2: `σ_w² = ${sw2Of(r)}`, eta: etaLabel(r.config.optimiser.hiddenLr), seed: r.seed, step: p.step, accuracy: p.testAccuracy })),
      );
    const panels = [...new Set(values.map((v) => v.sw2))];
    return {
      hconcat: panels.map((panel, i) => ({
        width: 175,
        height: 280,
        title: { text: panel, fontSize: 16 },
        data: { values: values.filter((v) => v.sw2 === panel) },
        mark: { type: 'line' as const, strokeWidth: 2, opacity: 0.85 },
        encoding: {
          x: { field: 'step', type: 'quantitative' as const, title: 'SGD step', axis: { tickCount: 3 } },
          y: { field: 'accuracy', type: 'quantitative' as const, title: i === 0 ? 'test accuracy' : null, scale: { domain: [0, 1] } },
          color: {
            field: 'eta',
            type: 'ordinal' as const,
            title: null,
            sort: rates.map(etaLabel),
            scale: { domain: rates.map(etaLabel), scheme: 'viridis' },
            legend: { orient: 'bottom' as const, direction: 'horizontal' as const },
          },
          detail: { field: 'seed' },
        },
      })),
      resolve: { scale: { color: 'shared' } },
    };
  },
  rows: (data) =>
    data.runs.flatMap((r) =>
      r.result.curve.map((p) => ({
        depth: r.config.network.depth,
        sw2: sw2Of(r),
        learningRate: r.config.optimiser.hiddenLr,
        seed: r.seed,
        step: p.step,
        testAccuracy: p.testAccuracy,
      })),
    ),
});

type NearCritical = DataOf<typeof nearCriticalAnalysisRecord>;

export const nearCriticalScan = defineFigure(nearCriticalAnalysisRecord, {
  id: 'near-critical-scan',
  title: 'Near n = 1: test accuracy against n at depths 50 to 150',
  caption: (data: NearCritical) =>
    `Final test accuracy on MNIST of tanh(n·x) networks at σ_w² = 1, σ_b² = 0 after up to ${data.setup.steps} SGD steps (η = ${data.setup.learningRate} on every layer, batch ${data.setup.batchSize}, stopping at ${percent(data.setup.stopAtTestAccuracy)}), one line per depth, n in steps of ${fmt(data.setup.nStep, 2)}. Points: the mean over ${data.setup.seeds.length} seeds; bars: the smallest and largest seed (a diverged run counts as chance, ${percent(data.setup.chance)}). Dotted: the ${percent(data.trainedAccuracy)} line that counts as trained.`,
  description: (data) =>
    `Line chart of test accuracy against n from ${data.setup.ns[0]} to ${data.setup.ns.at(-1)}, mean over seeds with ranges. ${data.byDepth
      .map((d) => `Depth ${d.depth}: n = 1 reaches ${percent(d.n1Accuracy)} (seeds ${percent(d.n1Range[0])} to ${percent(d.n1Range[1])}), the best n (${d.bestN}) ${percent(d.bestNAccuracy)} (${percent(d.bestNRange[0])} to ${percent(d.bestNRange[1])})`)
      .join('; ')}.`,
  spec: (data) => {
    const values = data.ray.flatMap((s) => s.cells.map((c) => ({ n: s.n, depth: `depth ${c.depth}`, mean: c.meanAccuracy, min: c.minAccuracy, max: c.maxAccuracy })));
    const depths = data.setup.depths.map((d) => `depth ${d}`);
    const x = { field: 'n', type: 'quantitative' as const, title: 'n', scale: { domain: [data.setup.ns[0]!, data.setup.ns.at(-1)!], nice: false } };
    const color = { field: 'depth', type: 'ordinal' as const, title: null, sort: depths, scale: { domain: depths, scheme: 'viridis' }, legend: { orient: 'right' as const } };
    return {
      layer: [
        {
          data: { values },
          mark: { type: 'rule' as const, strokeWidth: 1.5, opacity: 0.6 },
          encoding: { x, y: { field: 'min', type: 'quantitative' as const }, y2: { field: 'max' }, color },
        },
        {
          data: { values },
          mark: { type: 'line' as const, point: true, strokeWidth: 2.5 },
          encoding: {
            x,
            y: { field: 'mean', type: 'quantitative' as const, title: 'test accuracy', scale: { domain: [0, 1] } },
            color,
          },
        },
        {
          data: { values: [{ y: data.trainedAccuracy }] },
          mark: { type: 'rule' as const, color: colours.reference, strokeDash: [2, 3] },
          encoding: { y: { field: 'y', type: 'quantitative' as const } },
        },
      ],
    };
  },
  rows: (data) =>
    [...data.ray, ...data.biased].flatMap((s) =>
      s.cells.map((c) => ({
        setup: s.name,
        n: s.n,
        sw2: s.sw2,
        sb2: s.sb2,
        chi1: s.chi1,
        qStar: s.qStar,
        xiC: s.xiC,
        depth: c.depth,
        meanAccuracy: c.meanAccuracy,
        minAccuracy: c.minAccuracy,
        maxAccuracy: c.maxAccuracy,
        peakAccuracy: c.peakAccuracy,
        verdict: c.verdict,
        maxStepsRun: Math.max(...c.stepsRun),
      })),
    ),
});

/** "n = 1.1" on the σ_b² = 0 ray; "tanh, critical at σ_b² = 0.05" for the biased points. */
function nearCriticalLabel(data: NearCritical, setup: string): string {
  const onRay = data.ray.find((s) => s.name === setup);
  if (onRay) return nLabel(onRay.n);
  const biased = data.biased.find((s) => s.name === setup);
  if (!biased) throw new Error(`near-critical-rate-check: set-up "${setup}" is neither on the ray nor biased`);
  return `tanh, critical at σ_b² = ${biased.sb2}`;
}

export const nearCriticalRateCheck = defineFigure(nearCriticalAnalysisRecord, {
  id: 'near-critical-rate-check',
  title: 'Near n = 1 at depth 100, across learning rates',
  caption: (data: NearCritical) =>
    `MNIST test accuracy at depth ${data.rateCheck.depth} after up to ${data.rateCheck.steps} SGD steps, with the same learning rate η on every layer (log scale; the scan above used η = ${data.rateCheck.referenceRate}), for tanh(n·x) at σ_w² = 1, σ_b² = 0 (solid) and plain tanh on the critical line with bias variance (dashed). Points: the mean over ${data.setup.seeds.length} seeds; bars: the smallest and largest seed (a diverged run counts as chance). Dotted: the ${percent(data.trainedAccuracy)} line that counts as trained.`,
  description: (data) =>
    `Line chart of test accuracy against learning rate at depth ${data.rateCheck.depth}. ${data.rateCheck.cells
      .map((c) => `${nearCriticalLabel(data, c.setup)}: best ${percent(c.bestMeanAccuracy)} at η = ${c.bestLearningRate}`)
      .join('; ')}.`,
  spec: (data) => {
    const labels = data.rateCheck.cells.map((c) => nearCriticalLabel(data, c.setup));
    const biased = new Set(data.biased.map((s) => s.name));
    const scales = {
      color: { domain: labels, range: labels.map((_, i) => categoricalPalette[i % categoricalPalette.length]!) },
      strokeDash: { domain: labels, range: data.rateCheck.cells.map((c) => (biased.has(c.setup) ? [6, 4] : [1, 0])) },
    };
    return rateCheckSpec(data.rateCheck, (setup) => nearCriticalLabel(data, setup), scales, data.trainedAccuracy, 560);
  },
  rows: (data) => rateCheckRows(data.rateCheck, (setup) => nearCriticalLabel(data, setup)),
});

type CorrelationPropagation = DataOf<typeof correlationPropagationRecord>;

export const correlationPropagation = defineFigure(correlationPropagationRecord, {
  id: 'correlation-propagation',
  title: 'Two inputs forget each other: correlation through the layers at initialisation',
  caption: (data: CorrelationPropagation) =>
    `Solid: the cosine between the pre-activations of two MNIST training images, layer by layer, in float64 tanh(n·x) networks of width ${data.config.width} at σ_w² = ${data.config.sw2}, σ_b² = ${data.config.sb2}, averaged over ${data.config.pairs} pairs and ${data.config.seeds.length} initialisations. Dashed: mean-field theory's correlation map iterated from the same pairs. For n > 1 its fixed point is c* = 0.`,
  description: (data) =>
    `Line chart of correlation against layer, starting at ${fmt(data.inputCosine)} for every n. At layer ${data.config.depth}: ${data.setups
      .map((s) => `${nLabel(s.n)} measured ${fmt(s.last.measured, 3)}, predicted ${fmt(s.last.predicted, 3)} (c* = ${fmt(s.cStar, 2)})`)
      .join('; ')}.`,
  spec: (data) => {
    const scale = nColourScale(data.setups.map((s) => s.n));
    const rows = data.setups.flatMap((s) => s.layers.map((l) => ({ label: nLabel(s.n), layer: l.layer, measured: l.measured, predicted: l.predicted })));
    const x = { field: 'layer', type: 'quantitative' as const, title: 'layer l' };
    return {
      data: { values: rows },
      layer: [
        {
          mark: { type: 'line' as const, strokeWidth: 2.5 },
          encoding: {
            x,
            y: { field: 'measured', type: 'quantitative' as const, title: 'correlation of two inputs', scale: { domain: [-0.05, 0.35] } },
            color: { field: 'label', type: 'nominal' as const, title: null, scale, legend: { orient: 'right' as const } },
          },
        },
        {
          mark: { type: 'line' as const, strokeDash: [5, 4], strokeWidth: 2 },
          encoding: { x, y: { field: 'predicted', type: 'quantitative' as const }, color: { field: 'label', type: 'nominal' as const, scale } },
        },
      ],
    };
  },
  rows: (data) =>
    data.setups.flatMap((s) => s.layers.map((l) => ({ n: s.n, layer: l.layer, measured: l.measured, measuredMin: l.measuredMin, measuredMax: l.measuredMax, predicted: l.predicted }))),
});
