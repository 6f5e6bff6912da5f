/**
 * Figures of "What actually fixes it": the spread of the input–output Jacobian's singular values
 * against depth (measured and predicted), their distribution at one depth, and MNIST accuracy
 * against depth for each set-up.
 */
import type { DataOf } from '../records/contract.ts';
import jacobianSpectraRecord from '../records/contracts/jacobian-spectra.ts';
import whatFixesItSummaryRecord from '../records/contracts/what-fixes-it-summary.ts';
import { colourForN, colours } from './theme';
import { rateCheckRows, rateCheckSpec } from './rate-check';
import { defineFigure } from './types';

type JacobianSpectra = DataOf<typeof jacobianSpectraRecord>;
type Summary = DataOf<typeof whatFixesItSummaryRecord>;

/** What a set-up is, enough to name it. */
export interface SetupDescription {
  id: string;
  activationLabel: string;
  initKind: string;
  sw2: number;
  /** Hidden-layer learning rate relative to the readout's (1 unless the set-up changes it). */
  hiddenRateFactor?: number;
}

/**
 * How each set-up is drawn on every figure of the page. Colours reuse the theme's meanings:
 * vermillion is tanh(2x) (n = 2) at the standard initialisation; blue is n = 1, because tanh(2x)
 * at σ_w² = 1/4 is the same function as tanh(x) at σ_w² = 1; black is the critical line (the
 * orthogonal network on it); ReLU and LeCun's function have their own.
 */
const setupStyles: ReadonlyMap<string, { colour: string; dash: number[]; shape: string; role: string }> = new Map([
  ['standard', { colour: colourForN(2), dash: [1, 0], shape: 'circle', role: 'standard' }],
  ['critical', { colour: colourForN(1), dash: [1, 0], shape: 'square', role: 'critical' }],
  ['critical-hidden-rate', { colour: colourForN(1), dash: [7, 4], shape: 'triangle-up', role: 'critical' }],
  ['critical-orthogonal', { colour: colours.critical, dash: [1, 0], shape: 'diamond', role: 'critical' }],
  ['relu-he', { colour: colours.relu, dash: [2, 3], shape: 'cross', role: 'He' }],
  ['lecun', { colour: colours.lecun, dash: [1, 0], shape: 'triangle-down', role: 'LeCun' }],
]);

function styleOf(id: string) {
  const style = setupStyles.get(id);
  if (!style) throw new RangeError(`No style for set-up "${id}" (known: ${[...setupStyles.keys()].join(', ')})`);
  return style;
}

/** σ_w² as written on the page: 1/k for reciprocals of integers (0.25 → "1/4"), else the number. */
export function varianceText(sw2: number): string {
  const k = 1 / sw2;
  return sw2 < 1 && Math.abs(k - Math.round(k)) < 1e-9 ? `1/${Math.round(k)}` : String(sw2);
}

/**
 * A short legend label (legends are cut at about 48 characters): "tanh(2x), σ_w² = 1/4 (critical)",
 * "tanh(2x), orthogonal, σ_w² = 1/4", "tanh(2x), σ_w² = 1/4, hidden rate η/4". Weights are Gaussian
 * unless the label says orthogonal; captions say so.
 */
export function setupLabel(s: SetupDescription): string {
  const { role } = styleOf(s.id);
  const variance = `σ_w² = ${varianceText(s.sw2)}`;
  const factor = s.hiddenRateFactor ?? 1;
  if (factor !== 1) return `${s.activationLabel}, ${variance}, hidden rate η/${varianceText(1 / factor)}`;
  if (s.initKind === 'orthogonal') return `${s.activationLabel}, orthogonal, ${variance}`;
  return `${s.activationLabel}, ${variance} (${role})`;
}

/** Total height of these figures: taller than the theme's, to leave the plot room above a six-line legend. */
const FIGURE_HEIGHT = 640;

/** Colour, dash and shape scales over the given set-ups, in their order, keyed by label. */
function setupScales(setups: readonly SetupDescription[]) {
  const domain = setups.map(setupLabel);
  return {
    color: { domain, range: setups.map((s) => styleOf(s.id).colour) },
    strokeDash: { domain, range: setups.map((s) => styleOf(s.id).dash) },
    shape: { domain, range: setups.map((s) => styleOf(s.id).shape) },
  };
}

const fmt = (x: number, digits = 2) => x.toFixed(digits);

function jacobianSetups(data: JacobianSpectra): SetupDescription[] {
  return data.setups.map((s) => ({ id: s.id, activationLabel: s.activationLabel, initKind: s.init.kind === 'orthogonal' ? 'orthogonal' : 'Gaussian', sw2: s.init.sw2 }));
}

/** Which set-ups keep V below 1 at every measured depth, as a sentence. */
function belowOne(data: JacobianSpectra): string {
  const kept = jacobianSetups(data).filter((s) => data.summary.filter((x) => x.setup === s.id).every((x) => x.normalisedVariance < 1));
  return kept.length === 0 ? 'No set-up keeps V below 1 at every depth.' : `V stays below 1 at every depth only for ${kept.map(setupLabel).join(' and ')}.`;
}

export const jacobianSpread = defineFigure(jacobianSpectraRecord, {
  id: 'jacobian-spread',
  title: 'How unevenly the network stretches its input, against depth',
  caption: (data) =>
    `The normalised variance V of the squared singular values of the Jacobian ∂h_L/∂h_1 at initialisation (0 for a perfect isometry), measured in float64 at MNIST images for width ${data.width} (Gaussian weights unless marked orthogonal): points are the mean over ${data.summary[0]!.count} networks and inputs, bars their range. Lines: the free-probability prediction (wide-network limit). A ${data.width}-wide matrix cannot have V above ${data.maxNormalisedVariance} (dotted), which is why the deepest Gaussian networks fall below their lines.`,
  description: (data) => {
    const deepest = Math.max(...data.summary.map((s) => s.depth));
    const at = (id: string, depth: number) => data.summary.find((s) => s.setup === id && s.depth === depth)!;
    return `Log–log chart of V against depth from ${Math.min(...data.summary.map((s) => s.depth))} to ${deepest}. ${jacobianSetups(data)
      .map((s) => `${setupLabel(s)}: V = ${fmt(at(s.id, 10).normalisedVariance)} at depth 10 and ${fmt(at(s.id, deepest).normalisedVariance)} at depth ${deepest}`)
      .join('; ')}. ${belowOne(data)}`;
  },
  spec: (data) => {
    const setups = jacobianSetups(data);
    const scales = setupScales(setups);
    const labelOf = new Map(setups.map((s) => [s.id, setupLabel(s)]));
    const depths = data.summary.map((s) => s.depth);
    const xDomain = [Math.min(...depths) * 0.85, Math.max(...depths) * 1.15];
    const x = { type: 'quantitative' as const, title: 'depth L (hidden layers)', scale: { type: 'log' as const, domain: xDomain, nice: false }, axis: { values: [5, 10, 20, 50, 100, 200] } };
    const y = {
      type: 'quantitative' as const,
      title: 'V, spread of squared singular values (log scale)',
      scale: { type: 'log' as const, domain: [0.1, 1000], nice: false },
      axis: { values: [0.1, 1, 10, 100, 1000], format: '~g' },
    };
    const legend = { orient: 'bottom' as const, direction: 'vertical' as const, title: null, symbolStrokeWidth: 2.5 };
    const theory = data.theory.filter((t) => t.depth >= xDomain[0]! && t.normalisedVariance <= 1000).map((t) => ({ ...t, label: labelOf.get(t.setup)! }));
    const summary = data.summary.map((s) => ({ ...s, label: labelOf.get(s.setup)! }));
    return {
      height: FIGURE_HEIGHT,
      layer: [
        {
          data: { values: [{ y: data.maxNormalisedVariance }] },
          mark: { type: 'rule', strokeDash: [2, 3] },
          encoding: { y: { field: 'y', ...y } },
        },
        {
          data: { values: theory },
          mark: { type: 'line', strokeWidth: 2 },
          encoding: {
            x: { field: 'depth', ...x },
            y: { field: 'normalisedVariance', ...y },
            color: { field: 'label', type: 'nominal', scale: scales.color, legend },
            strokeDash: { field: 'label', type: 'nominal', scale: scales.strokeDash, legend },
          },
        },
        {
          data: { values: summary },
          mark: { type: 'rule', strokeWidth: 1.5 },
          encoding: {
            x: { field: 'depth', ...x },
            y: { field: 'normalisedVarianceMin', ...y },
            y2: { field: 'normalisedVarianceMax' },
            color: { field: 'label', type: 'nominal', scale: scales.color, legend },
          },
        },
        {
          data: { values: summary },
          mark: { type: 'point', filled: true, size: 90, opacity: 1 },
          encoding: {
            x: { field: 'depth', ...x },
            y: { field: 'normalisedVariance', ...y },
            color: { field: 'label', type: 'nominal', scale: scales.color, legend },
            shape: { field: 'label', type: 'nominal', scale: scales.shape, legend },
          },
        },
      ],
    };
  },
  rows: (data) => [
    ...data.summary.map((s) => ({ series: 'measured (mean over networks and inputs)', setup: s.setup, depth: s.depth, V: s.normalisedVariance, Vmin: s.normalisedVarianceMin, Vmax: s.normalisedVarianceMax })),
    ...data.theory.map((t) => ({ series: 'free-probability prediction', setup: t.setup, depth: t.depth, V: t.normalisedVariance, Vmin: null, Vmax: null })),
  ],
});

/** Smallest σ/RMS drawn; smaller values (down to the float64 floor) are drawn at this edge. */
const SPECTRUM_FLOOR = 1e-9;

export const jacobianSpectrum = defineFigure(jacobianSpectraRecord, {
  id: 'jacobian-spectrum',
  title: 'The singular values of the Jacobian at one depth',
  caption: (data) => {
    const { depth, count } = data.spectra[0]!;
    return `The cumulative distribution of the singular values of ∂h_L/∂h_1 at depth ${depth}, each divided by the network’s root-mean-square singular value, pooled over ${count / data.width} networks and inputs (Gaussian weights unless marked orthogonal). A perfect isometry would be a step at 1. Values below ${SPECTRUM_FLOOR.toExponential(0)} (log scale) are drawn at the left edge: the curve starts at the fraction of directions that the network shrinks more than a billionfold relative to the typical one.`;
  },
  description: (data) => {
    const spectrumDepth = data.spectra[0]!.depth;
    const median = (id: string) => data.spectra.find((s) => s.setup === id)!.quantiles.find((q) => q.level === 0.5)!.sigmaOverRms;
    const spectrum = (id: string) => data.spectra.find((s) => s.setup === id)!.quantiles;
    // Below the drawn floor the values are partly float64 rounding noise: say only that they are small.
    const shown = (v: number) => (v < SPECTRUM_FLOOR ? `below ${SPECTRUM_FLOOR.toExponential(0)}` : v.toExponential(1));
    // The largest stored level still below the drawn floor: the height at which a curve starts.
    const belowFloor = (id: string) => Math.max(0, ...spectrum(id).filter((q) => q.sigmaOverRms < SPECTRUM_FLOOR).map((q) => q.level));
    return `Cumulative distributions of σ/RMS at depth ${spectrumDepth} on a log axis from ${SPECTRUM_FLOOR.toExponential(0)} to 100. ${jacobianSetups(data)
      .map((s) => `${setupLabel(s)}: median ${shown(median(s.id))}, smallest ${shown(spectrum(s.id)[0]!.sigmaOverRms)}, largest ${spectrum(s.id).at(-1)!.sigmaOverRms.toFixed(1)}, about ${fmt(100 * belowFloor(s.id), 0)}% below ${SPECTRUM_FLOOR.toExponential(0)}`)
      .join('; ')}.`;
  },
  spec: (data) => {
    const setups = jacobianSetups(data);
    const scales = setupScales(setups);
    const labelOf = new Map(setups.map((s) => [s.id, setupLabel(s)]));
    const values = data.spectra.flatMap((s) =>
      s.quantiles.map((q) => ({ label: labelOf.get(s.setup)!, level: q.level, sigma: Math.max(q.sigmaOverRms, SPECTRUM_FLOOR) })),
    );
    const legend = { orient: 'bottom' as const, direction: 'vertical' as const, title: null, symbolStrokeWidth: 2.5 };
    return {
      height: FIGURE_HEIGHT,
      layer: [
        {
          data: { values: [{ x: 1 }] },
          mark: { type: 'rule', strokeDash: [4, 4] },
          encoding: { x: { field: 'x', type: 'quantitative' } },
        },
        {
          data: { values },
          mark: { type: 'line', strokeWidth: 2.5, interpolate: 'step-after' },
          encoding: {
            x: {
              field: 'sigma',
              type: 'quantitative',
              title: 'singular value / RMS singular value (log scale)',
              scale: { type: 'log', domain: [SPECTRUM_FLOOR, 100], nice: false },
              axis: { values: [1e-9, 1e-6, 1e-3, 1, 100], labelExpr: "datum.value >= 1 ? format(datum.value, '~g') : format(datum.value, '~e')" },
            },
            y: { field: 'level', type: 'quantitative', title: 'fraction of singular values below', scale: { domain: [0, 1] } },
            color: { field: 'label', type: 'nominal', scale: scales.color, legend },
            strokeDash: { field: 'label', type: 'nominal', scale: scales.strokeDash, legend },
            order: { field: 'level' },
          },
        },
      ],
    };
  },
  rows: (data) => data.spectra.flatMap((s) => s.quantiles.map((q) => ({ setup: s.setup, depth: s.depth, level: q.level, sigmaOverRms: q.sigmaOverRms }))),
});

function summarySetups(data: Summary): SetupDescription[] {
  return data.setups.map((s) => ({
    id: s.id,
    activationLabel: s.activationLabel,
    initKind: s.initKind === 'orthogonal' ? 'orthogonal' : 'Gaussian',
    sw2: s.sw2,
    hiddenRateFactor: s.hiddenLr / s.readoutLr,
  }));
}

export const accuracyVsDepth = defineFigure(whatFixesItSummaryRecord, {
  id: 'accuracy-vs-depth',
  title: 'Which set-ups train at depth',
  caption: (data) => {
    const b = data.budget;
    return `MNIST test accuracy after ${b.steps} SGD steps (batch ${b.batchSize}, η = ${b.learningRate} on every layer unless stated, width ${b.width}; Gaussian weights unless marked orthogonal), against depth. Lines join the means over ${b.seeds} seeds; small marks are the individual runs. Dotted: chance (0.1).`;
  },
  description: (data) => {
    const depths = [...new Set(data.cells.map((c) => c.depth))].sort((a, b) => a - b);
    return `Line chart of test accuracy against depth (${depths.join(', ')}) for ${data.setups.length} set-ups. ${summarySetups(data)
      .map((s) => `${setupLabel(s)}: ${depths.map((d) => {
        const c = data.cells.find((k) => k.setup === s.id && k.depth === d)!;
        return c.meanAccuracy === null ? 'diverged' : fmt(c.meanAccuracy);
      }).join(', ')}`)
      .join('; ')}.`;
  },
  spec: (data) => {
    const setups = summarySetups(data);
    const scales = setupScales(setups);
    const labelOf = new Map(setups.map((s) => [s.id, setupLabel(s)]));
    const depths = data.cells.map((c) => c.depth);
    const x = {
      type: 'quantitative' as const,
      title: 'depth (hidden layers, log scale)',
      scale: { type: 'log' as const, domain: [Math.min(...depths) * 0.85, Math.max(...depths) * 1.15], nice: false },
      axis: { values: [...new Set(depths)] },
    };
    const y = { type: 'quantitative' as const, title: 'test accuracy', scale: { domain: [0, 1] } };
    const legend = { orient: 'bottom' as const, direction: 'vertical' as const, title: null, symbolStrokeWidth: 2.5 };
    const means = data.cells.filter((c) => c.meanAccuracy !== null).map((c) => ({ ...c, label: labelOf.get(c.setup)! }));
    const runs = data.runs.filter((r) => r.accuracy !== null).map((r) => ({ ...r, label: labelOf.get(r.setup)! }));
    return {
      height: FIGURE_HEIGHT,
      layer: [
        {
          data: { values: [{ y: 0.1 }] },
          mark: { type: 'rule', strokeDash: [2, 3] },
          encoding: { y: { field: 'y', ...y } },
        },
        {
          data: { values: runs },
          mark: { type: 'point', filled: true, size: 30, opacity: 0.55 },
          encoding: {
            x: { field: 'depth', ...x },
            y: { field: 'accuracy', ...y },
            color: { field: 'label', type: 'nominal', scale: scales.color, legend },
          },
        },
        {
          data: { values: means },
          mark: { type: 'line', strokeWidth: 2.5, point: { filled: true, size: 80 } },
          encoding: {
            x: { field: 'depth', ...x },
            y: { field: 'meanAccuracy', ...y },
            color: { field: 'label', type: 'nominal', scale: scales.color, legend },
            strokeDash: { field: 'label', type: 'nominal', scale: scales.strokeDash, legend },
          },
        },
      ],
    };
  },
  rows: (data) => data.runs.map((r) => ({ setup: r.setup, depth: r.depth, seed: r.seed, outcome: r.outcome, accuracy: r.accuracy })),
});

/** "set-up: best 0.90 at η = 0.003; …" for a figure's text description. */
function bestRatesText(data: Summary, best: ReadonlyArray<{ setup: string; accuracy: number; learningRate: number }>): string {
  return best
    .map((b) => `${setupLabel(summarySetups(data).find((x) => x.id === b.setup)!)}: best ${fmt(b.accuracy)} at η = ${b.learningRate}`)
    .join('; ');
}

export const accuracyVsLearningRate = defineFigure(whatFixesItSummaryRecord, {
  id: 'accuracy-vs-learning-rate',
  title: 'The comparison at other learning rates',
  caption: (data) =>
    `MNIST test accuracy at depth ${data.rateCheck.depth} after ${data.rateCheck.steps} SGD steps, with the same learning rate η on every layer, for ${[...new Set(data.rateCheck.runs.map((r) => r.learningRate))].length} values of η (log scale); one seed each. Diverged runs are drawn at chance. Dotted: chance (0.1).`,
  description: (data) =>
    `Line chart of test accuracy against learning rate at depth ${data.rateCheck.depth}. ${bestRatesText(data, data.rateCheck.best)}.`,
  spec: (data) => {
    const setups = summarySetups(data).filter((s) => data.rateCheck.runs.some((r) => r.setup === s.id));
    const scales = setupScales(setups);
    const labelOf = new Map(setups.map((s) => [s.id, setupLabel(s)]));
    const rates = [...new Set(data.rateCheck.runs.map((r) => r.learningRate))].sort((a, b) => a - b);
    const x = {
      type: 'quantitative' as const,
      title: 'learning rate η (log scale)',
      scale: { type: 'log' as const, domain: [rates[0]! * 0.8, rates.at(-1)! * 1.25], nice: false },
      axis: { values: rates, format: '~g' },
    };
    const y = { type: 'quantitative' as const, title: 'test accuracy', scale: { domain: [0, 1] } };
    const legend = { orient: 'bottom' as const, direction: 'vertical' as const, title: null, symbolStrokeWidth: 2.5 };
    const values = data.rateCheck.runs.map((r) => ({ ...r, label: labelOf.get(r.setup)!, plotted: r.accuracy ?? 0.1 }));
    return {
      height: FIGURE_HEIGHT,
      layer: [
        {
          data: { values: [{ y: 0.1 }] },
          mark: { type: 'rule', strokeDash: [2, 3] },
          encoding: { y: { field: 'y', ...y } },
        },
        {
          data: { values },
          mark: { type: 'line', strokeWidth: 2.5, point: { filled: true, size: 80 } },
          encoding: {
            x: { field: 'learningRate', ...x },
            y: { field: 'plotted', ...y },
            color: { field: 'label', type: 'nominal', scale: scales.color, legend },
            strokeDash: { field: 'label', type: 'nominal', scale: scales.strokeDash, legend },
          },
        },
      ],
    };
  },
  rows: (data) => data.rateCheck.runs.map((r) => ({ setup: r.setup, depth: data.rateCheck.depth, learningRate: r.learningRate, outcome: r.outcome, accuracy: r.accuracy })),
});

export const accuracyVsLearningRateDeep = defineFigure(whatFixesItSummaryRecord, {
  id: 'accuracy-vs-learning-rate-deep',
  title: 'Depth 200 at smaller learning rates',
  caption: (data) => {
    const check = data.deepRateCheck;
    const seedsAt = (rate: number) => check.cells[0]!.rates.find((r) => r.learningRate === rate)!.seeds;
    return `MNIST test accuracy at depth ${check.depth} after up to ${check.steps} SGD steps, with the same learning rate η on every layer (log scale): the comparison's η = ${check.referenceRate} (${seedsAt(check.referenceRate)} seeds) and ${check.rates.filter((r) => r !== check.referenceRate).join(', ')} (${seedsAt(check.rates[0]!)} seed each). Points: the mean over seeds; bars: the smallest and largest seed (a diverged run counts as chance). Dotted: the ${Math.round(100 * data.trainedAccuracy)} % line that counts as trained.`;
  },
  description: (data) =>
    `Line chart of test accuracy against learning rate at depth ${data.deepRateCheck.depth}. ${bestRatesText(
      data,
      data.deepRateCheck.cells.map((c) => ({ setup: c.setup, accuracy: c.bestMeanAccuracy, learningRate: c.bestLearningRate })),
    )}.`,
  spec: (data) => {
    const setups = summarySetups(data).filter((s) => data.deepRateCheck.cells.some((c) => c.setup === s.id));
    const scales = setupScales(setups);
    const labelOf = new Map(setups.map((s) => [s.id, setupLabel(s)]));
    return rateCheckSpec(data.deepRateCheck, (id) => labelOf.get(id)!, scales, data.trainedAccuracy, FIGURE_HEIGHT);
  },
  rows: (data) => {
    const labelOf = new Map(summarySetups(data).map((s) => [s.id, setupLabel(s)]));
    return rateCheckRows(data.deepRateCheck, (id) => labelOf.get(id)!);
  },
});
