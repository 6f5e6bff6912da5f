/**
 * Figures of "Order, chaos and the edge" that test the trainability maps: the learning-rate check,
 * as accuracy against steps, so a reader sees whether a run was still learning.
 */
import type { DataOf } from '../records/contract.ts';
import trainabilityLrPilotRecord from '../records/contracts/trainability-lr-pilot.ts';
import { defineFigure } from './types';

type LrPilot = DataOf<typeof trainabilityLrPilotRecord>;
type Run = LrPilot['runs'][number];

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
