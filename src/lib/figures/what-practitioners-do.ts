/**
 * Figures of "What practitioners do" on /what-fixes-it/: residual, LayerNorm and clipped tanh
 * networks — accuracy against depth at each set-up's best learning rate, the learning-rate check
 * at the deepest depth, and test accuracy against steps there (was a run still learning?).
 */
import type { DataOf } from '../records/contract.ts';
import summaryRecord from '../records/contracts/what-practitioners-do-summary.ts';
import { rateCheckRows, rateCheckSpec } from './rate-check';
import { colourForN, colours } from './theme';
import { defineFigure } from './types';
import { varianceText } from './what-fixes-it';

type Summary = DataOf<typeof summaryRecord>;
type Setup = Summary['setups'][number];

/**
 * Colour is the function in tanh's units, as on the rest of the page: blue for tanh(x) and for
 * tanh(2x) at σ_w² = 1/4 (the same network), vermillion for tanh(2x) at σ_w² = 1. Dash and shape
 * tell the fix: dashed for residual, dotted for LayerNorm, dash-dot for clipping.
 */
const setupStyles: ReadonlyMap<string, { colour: string; dash: number[]; shape: string }> = new Map([
  ['residual-tanh', { colour: colourForN(1), dash: [7, 4], shape: 'triangle-up' }],
  ['residual-tanh2x', { colour: colourForN(2), dash: [7, 4], shape: 'triangle-down' }],
  ['layernorm-tanh2x', { colour: colourForN(2), dash: [2, 2], shape: 'diamond' }],
  ['critical-clipped', { colour: colourForN(1), dash: [8, 3, 2, 3], shape: 'square' }],
  ['standard-clipped', { colour: colourForN(2), dash: [8, 3, 2, 3], shape: 'circle' }],
]);

function styleOf(id: string) {
  const style = setupStyles.get(id);
  if (!style) throw new RangeError(`No style for set-up "${id}" (known: ${[...setupStyles.keys()].join(', ')})`);
  return style;
}

/** "residual tanh(x), σ_w² = 1", "tanh(2x) + LayerNorm, σ_w² = 1", "tanh(2x), σ_w² = 1/4, clipped at 1". */
export function practitionerLabel(s: Setup): string {
  const fix = `${s.residual ? 'residual ' : ''}${s.activationLabel}${s.layerNorm ? ' + LayerNorm' : ''}`;
  return `${fix}, σ_w² = ${varianceText(s.sw2)}${s.clipNorm === null ? '' : `, clipped at ${s.clipNorm}`}`;
}

const FIGURE_HEIGHT = 600;
const legend = { orient: 'bottom' as const, direction: 'vertical' as const, title: null, symbolStrokeWidth: 2.5 };
const percent = (x: number) => `${Math.round(100 * x)} %`;

function scales(data: Summary) {
  const domain = data.setups.map(practitionerLabel);
  return {
    color: { domain, range: data.setups.map((s) => styleOf(s.id).colour) },
    strokeDash: { domain, range: data.setups.map((s) => styleOf(s.id).dash) },
    shape: { domain, range: data.setups.map((s) => styleOf(s.id).shape) },
  };
}

const labelOf = (data: Summary) => {
  const labels = new Map(data.setups.map((s) => [s.id, practitionerLabel(s)]));
  return (id: string) => labels.get(id)!;
};

/** The learning-rate check at one depth, in the shape the shared rate-check figure draws. */
export function checkAtDepth(data: Summary, depth: number) {
  const cells = data.cells.filter((c) => c.depth === depth);
  return {
    depth,
    steps: data.budget.steps,
    referenceRate: data.referenceRate,
    rates: data.rates,
    cells,
    rescuedByRate: cells.filter((c) => c.trainedAtBestRate && !c.trainedAtReferenceRate).length,
  };
}

const deepestOf = (data: Summary) => data.depths.at(-1)!;

export const practitionersAccuracyVsDepth = defineFigure(summaryRecord, {
  id: 'practitioners-accuracy-vs-depth',
  title: 'Residual, LayerNorm and clipped networks: accuracy against depth at their best rates',
  caption: (data) =>
    `MNIST test accuracy after up to ${data.budget.steps} SGD steps (batch ${data.budget.batchSize}, width ${data.budget.width}, σ_b² = 0), against depth, at each set-up's best learning rate at that depth among η = ${data.rates.join(', ')} (the same η on every layer). Points: the mean over ${data.budget.seeds} seeds at that rate; bars: the smaller and the larger seed (a diverged run counts as chance). Dotted: the ${percent(data.trainedAccuracy)} line that counts as trained.`,
  description: (data) =>
    `Line chart of test accuracy against depth (${data.depths.join(', ')}) for ${data.setups.length} set-ups at their best rates. ${data.setups
      .map(
        (s) =>
          `${practitionerLabel(s)}: ${data.depths
            .map((d) => {
              const c = data.cells.find((k) => k.setup === s.id && k.depth === d)!;
              return `${percent(c.bestMeanAccuracy)} at depth ${d} (η = ${c.bestLearningRate})`;
            })
            .join(', ')}`,
      )
      .join('; ')}.`,
  spec: (data) => {
    const name = labelOf(data);
    const values = data.cells.map((c) => {
      const best = c.rates.find((r) => r.learningRate === c.bestLearningRate)!;
      return { label: name(c.setup), depth: c.depth, learningRate: c.bestLearningRate, meanAccuracy: best.meanAccuracy, minAccuracy: best.minAccuracy, maxAccuracy: best.maxAccuracy };
    });
    const x = {
      field: 'depth',
      type: 'quantitative' as const,
      title: 'depth (hidden layers, log scale)',
      scale: { type: 'log' as const, domain: [data.depths[0]! * 0.85, deepestOf(data) * 1.15], nice: false },
      axis: { values: data.depths },
    };
    const y = { type: 'quantitative' as const, title: 'test accuracy at the best rate', scale: { domain: [0, 1] } };
    const s = scales(data);
    const color = { field: 'label', type: 'nominal' as const, scale: s.color, legend };
    return {
      height: FIGURE_HEIGHT,
      layer: [
        { data: { values: [{ y: data.trainedAccuracy }] }, mark: { type: 'rule' as const, color: colours.reference, strokeDash: [2, 3] }, encoding: { y: { field: 'y', ...y } } },
        { data: { values }, mark: { type: 'rule' as const, strokeWidth: 1.5, opacity: 0.6 }, encoding: { x, y: { field: 'minAccuracy', ...y }, y2: { field: 'maxAccuracy' }, color } },
        {
          data: { values },
          mark: { type: 'line' as const, strokeWidth: 2.5, point: false },
          encoding: { x, y: { field: 'meanAccuracy', ...y }, color, strokeDash: { field: 'label', type: 'nominal' as const, scale: s.strokeDash, legend } },
        },
        {
          data: { values },
          mark: { type: 'point' as const, filled: true, size: 80, opacity: 1 },
          encoding: { x, y: { field: 'meanAccuracy', ...y }, color, shape: { field: 'label', type: 'nominal' as const, scale: s.shape, legend } },
        },
      ],
    };
  },
  rows: (data) =>
    data.cells.flatMap((c) =>
      c.rates.map((r) => ({ setup: c.setup, depth: c.depth, learningRate: r.learningRate, best: r.learningRate === c.bestLearningRate, seeds: r.seeds, meanAccuracy: r.meanAccuracy, minAccuracy: r.minAccuracy, maxAccuracy: r.maxAccuracy })),
    ),
});

export const practitionersRateCheckDeep = defineFigure(summaryRecord, {
  id: 'practitioners-rate-check-deep',
  title: 'Residual, LayerNorm and clipped networks at the deepest depth, across learning rates',
  caption: (data) =>
    `MNIST test accuracy at depth ${deepestOf(data)} after up to ${data.budget.steps} SGD steps, against the learning rate η on every layer (log scale), ${data.budget.seeds} seeds per rate. Points: the mean over seeds; bars: the smaller and the larger seed (a diverged run counts as chance). Dotted: the ${percent(data.trainedAccuracy)} line that counts as trained.`,
  description: (data) => {
    const deepest = deepestOf(data);
    return `Line chart of test accuracy against learning rate at depth ${deepest}. ${data.setups
      .map((s) => {
        const c = data.cells.find((k) => k.setup === s.id && k.depth === deepest)!;
        return `${practitionerLabel(s)}: ${c.rates.map((r) => `${percent(r.meanAccuracy)} at η = ${r.learningRate}`).join(', ')}`;
      })
      .join('; ')}.`;
  },
  spec: (data) => rateCheckSpec(checkAtDepth(data, deepestOf(data)), labelOf(data), scales(data), data.trainedAccuracy, FIGURE_HEIGHT),
  rows: (data) => rateCheckRows(checkAtDepth(data, deepestOf(data)), labelOf(data)),
});

export const practitionersCurvesDeep = defineFigure(summaryRecord, {
  id: 'practitioners-curves-deep',
  title: 'Were they still learning? Test accuracy against steps at the deepest depth',
  caption: (data) =>
    `MNIST test accuracy against SGD steps at depth ${deepestOf(data)}, each set-up at its best rate there, one line per seed (measured every ${data.budget.evalEvery} steps). A run stops once it reaches ${percent(data.budget.stopAtTestAccuracy ?? 1)}; a line still rising at step ${data.budget.steps} was still learning when the budget ran out.`,
  description: (data) =>
    `Line chart of test accuracy against steps at depth ${deepestOf(data)}. ${data.deepCurves
      .map((c) => {
        const setup = data.setups.find((s) => s.id === c.setup)!;
        const last = c.points.filter((p) => p.testAccuracy !== null).at(-1);
        return `${practitionerLabel(setup)}, η = ${c.learningRate}, seed ${c.seed}: ${last ? `${percent(last.testAccuracy!)} at step ${last.step}` : 'diverged'} (${c.outcome})`;
      })
      .join('; ')}.`,
  spec: (data) => {
    const name = labelOf(data);
    const values = data.deepCurves.flatMap((c) =>
      c.points.filter((p) => p.testAccuracy !== null).map((p) => ({ label: name(c.setup), seed: c.seed, step: p.step, accuracy: p.testAccuracy })),
    );
    const s = scales(data);
    const y = { type: 'quantitative' as const, title: 'test accuracy', scale: { domain: [0, 1] } };
    return {
      height: FIGURE_HEIGHT,
      layer: [
        { data: { values: [{ y: data.trainedAccuracy }] }, mark: { type: 'rule' as const, color: colours.reference, strokeDash: [2, 3] }, encoding: { y: { field: 'y', ...y } } },
        {
          data: { values },
          mark: { type: 'line' as const, strokeWidth: 2, opacity: 0.9 },
          encoding: {
            x: { field: 'step', type: 'quantitative' as const, title: 'SGD step', scale: { domain: [0, data.budget.steps] } },
            y: { field: 'accuracy', ...y },
            color: { field: 'label', type: 'nominal' as const, scale: s.color, legend },
            strokeDash: { field: 'label', type: 'nominal' as const, scale: s.strokeDash, legend },
            detail: { field: 'seed' },
          },
        },
      ],
    };
  },
  rows: (data) => data.deepCurves.flatMap((c) => c.points.map((p) => ({ setup: c.setup, depth: c.depth, learningRate: c.learningRate, seed: c.seed, step: p.step, testAccuracy: p.testAccuracy }))),
});
