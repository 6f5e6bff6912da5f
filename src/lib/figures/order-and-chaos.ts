/**
 * Figures of "Order, chaos and the edge": the phase diagram, χ1 against n, gradients at
 * initialisation against mean-field theory, and the trainability maps.
 */
import type { DataOf } from '../records/contract.ts';
import chi1VsNRecord from '../records/contracts/chi1-vs-n.ts';
import gradientsAtInitRecord from '../records/contracts/gradients-at-init.ts';
import phaseDiagramRecord from '../records/contracts/phase-diagram.ts';
import trainabilityAnalysisRecord from '../records/contracts/trainability-analysis.ts';
import { colourForN, colours, nLabel } from './theme';
import { defineFigure } from './types';

type PhaseDiagram = DataOf<typeof phaseDiagramRecord>;
type Chi1VsN = DataOf<typeof chi1VsNRecord>;
type GradientsAtInit = DataOf<typeof gradientsAtInitRecord>;
type TrainabilityAnalysis = DataOf<typeof trainabilityAnalysisRecord>;

const fmt = (x: number, digits = 2) => x.toFixed(digits);

/** Colour of an activation in these figures: the theme's n colour, or LeCun's. */
const activationColour = (n: number | null) => (n === null ? colours.lecun : colourForN(n));

/** Legend order and colours for the activations present, by label. */
function activationScale(rows: ReadonlyArray<{ label: string; n: number | null }>) {
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(r.label)) seen.set(r.label, activationColour(r.n));
  return { domain: [...seen.keys()], range: [...seen.values()] };
}

const SW2_MAX = 10;

export const phaseDiagram = defineFigure(phaseDiagramRecord, {
  id: 'phase-diagram',
  title: 'Order and chaos in the plane of weight and bias variance',
  caption:
    'Deep tanh networks are ordered (signals and gradients shrink with depth) left of the critical line χ1 = 1 and chaotic (they grow) right of it. A tanh(n·x) network initialised at (σ_w², σ_b²) behaves exactly like a tanh network at (n²σ_w², n²σ_b²): the dots mark n = 0.5 … 3 along two standard initialisations, σ_b² = 0 (on the axis) and σ_b² = 0.05 (the diagonal ray). Squares: LeCun’s 1.7159·tanh(2x/3) at the same two initialisations.',
  description: (data) => {
    const last = data.critical.at(-1)!;
    const ray = data.rays.find((r) => r.base.sb2 > 0) ?? data.rays[0]!;
    return `Phase diagram with σ_w² from 0 to ${SW2_MAX} on the x-axis and σ_b² from 0 to ${last.sb2} on the y-axis. The critical line rises from σ_w² = ${fmt(data.critical[0]!.sw2)} at σ_b² = 0 to σ_w² = ${fmt(last.sw2)} at σ_b² = ${last.sb2}; left of it is ordered, right of it chaotic. tanh(n·x) at σ_w² = 1 lies at σ_w² = n²: n = 0.5 is ordered, n = 1 critical (at σ_b² = 0), n = 1.5, 2 and 3 chaotic. Along the ray with σ_b² = ${ray.base.sb2}, the crossing is at n = ${fmt(ray.criticalN, 3)}. LeCun's scaled tanh sits at σ_w² = ${fmt(data.lecun[0]!.sw2Equivalent, 3)}, just on the chaotic side (χ1 = ${fmt(data.lecun[0]!.chi1, 3)}).`;
  },
  spec: (data) => {
    const x = { type: 'quantitative' as const, title: 'σ_w² (weight variance × fan-in)', scale: { domain: [0, SW2_MAX], nice: false } };
    const y = { type: 'quantitative' as const, title: 'σ_b² (bias variance)', scale: { domain: [0, data.critical.at(-1)!.sb2], nice: false } };
    const points = data.rays.flatMap((ray) => ray.points.filter((p) => p.sw2 <= SW2_MAX).map((p) => ({ ...p, label: nLabel(p.n), colour: colourForN(p.n), ray: `σ_b² = ${ray.base.sb2}` })));
    return {
      layer: [
        {
          data: { values: data.critical },
          mark: { type: 'area', orient: 'horizontal', color: colours.vanished, opacity: 0.1 },
          encoding: { x: { ...x, field: 'sw2' }, x2: { datum: 0 }, y: { ...y, field: 'sb2' } },
        },
        {
          data: { values: data.critical },
          mark: { type: 'area', orient: 'horizontal', color: colours.exploding, opacity: 0.08 },
          encoding: { x: { ...x, field: 'sw2' }, x2: { datum: SW2_MAX }, y: { ...y, field: 'sb2' } },
        },
        {
          data: { values: data.critical },
          mark: { type: 'line', color: colours.critical, orient: 'horizontal' },
          encoding: { x: { ...x, field: 'sw2' }, y: { ...y, field: 'sb2' } },
        },
        {
          data: { values: data.rays.map((r) => ({ from: 0, to: SW2_MAX, y0: 0, y1: (r.base.sb2 / r.base.sw2) * SW2_MAX })) },
          mark: { type: 'rule', color: colours.reference, strokeDash: [4, 4] },
          encoding: { x: { ...x, field: 'from' }, x2: { field: 'to' }, y: { ...y, field: 'y0' }, y2: { field: 'y1' } },
        },
        {
          data: { values: points },
          mark: { type: 'point', filled: true, size: 110, stroke: 'white', strokeWidth: 1 },
          encoding: {
            x: { ...x, field: 'sw2' },
            y: { ...y, field: 'sb2' },
            color: { field: 'colour', type: 'nominal', scale: null, legend: null },
          },
        },
        {
          data: { values: points.filter((p) => p.ray === points[points.length - 1]!.ray) },
          mark: { type: 'text', dy: -14, fontSize: 15 },
          encoding: { x: { ...x, field: 'sw2' }, y: { ...y, field: 'sb2' }, text: { field: 'label' } },
        },
        {
          data: { values: data.lecun },
          mark: { type: 'square', filled: true, size: 120, color: colours.lecun },
          encoding: { x: { ...x, field: 'sw2Equivalent' }, y: { ...y, field: 'sb2Equivalent' } },
        },
        {
          data: { values: [{ sw2: 0.35, sb2: 0.42, label: 'ordered' }, { sw2: 6.5, sb2: 0.12, label: 'chaotic' }] },
          mark: { type: 'text', fontSize: 17, fontStyle: 'italic', color: colours.ink },
          encoding: { x: { ...x, field: 'sw2' }, y: { ...y, field: 'sb2' }, text: { field: 'label' } },
        },
      ],
    };
  },
  rows: (data) => [
    ...data.critical.map((c) => ({ series: 'critical line', n: null, sw2: c.sw2, sb2: c.sb2, chi1: 1 })),
    ...data.rays.flatMap((r) => r.points.map((p) => ({ series: `tanh(n·x) at σ_w² = ${r.base.sw2}, σ_b² = ${r.base.sb2}`, n: p.n, sw2: p.sw2, sb2: p.sb2, chi1: p.chi1 }))),
    ...data.lecun.map((l) => ({ series: `1.7159·tanh(2x/3) at σ_w² = ${l.sw2}, σ_b² = ${l.sb2}`, n: null, sw2: l.sw2Equivalent, sb2: l.sb2Equivalent, chi1: l.chi1 })),
  ],
});

export const chi1VsN = defineFigure(chi1VsNRecord, {
  id: 'chi1-vs-n',
  title: 'χ1 of tanh(n·x) at the standard initialisation',
  caption:
    'χ1 (log scale) is the factor by which each layer multiplies the squared size of a backpropagated gradient. It is 1 only at one n: below it gradients shrink geometrically with depth, above it they grow. Solid: σ_b² = 0; dashed: σ_b² = 0.05. Squares: LeCun’s 1.7159·tanh(2x/3).',
  description: (data) => {
    const at = (n: number, sb2: number) => data.curve.reduce((best, p) => (p.sb2 === sb2 && Math.abs(p.n - n) < Math.abs(best.n - n) ? p : best));
    return `Line chart of χ1 against n from ${data.curve[0]!.n} to ${data.curve.at(-1)!.n} on a log scale, for σ_w² = 1 and σ_b² = 0 and 0.05. At σ_b² = 0, χ1 = n² for n ≤ 1, then grows more slowly: ${fmt(at(2, 0).chi1)} at n = 2 and ${fmt(at(3, 0).chi1)} at n = 3. LeCun's function has χ1 = ${fmt(data.lecun[0]!.chi1, 3)} at σ_b² = 0.`;
  },
  spec: (data) => {
    const series = (sb2: number) => `σ_b² = ${sb2}`;
    return {
      layer: [
        {
          data: { values: [{ y: 1 }] },
          mark: { type: 'rule', strokeDash: [4, 4] },
          encoding: { y: { field: 'y', type: 'quantitative' } },
        },
        {
          data: { values: data.curve.map((p) => ({ ...p, series: series(p.sb2) })) },
          mark: { type: 'line', color: colours.ink },
          encoding: {
            x: { field: 'n', type: 'quantitative', title: 'n', scale: { domain: [data.curve[0]!.n, data.curve.at(-1)!.n], nice: false } },
            y: { field: 'chi1', type: 'quantitative', title: 'χ1 (log scale)', scale: { type: 'log', domain: [0.05, 3], nice: false } },
            strokeDash: { field: 'series', type: 'nominal', title: null, legend: { orient: 'top-left' }, scale: { range: [[1, 0], [6, 4]] } },
          },
        },
        {
          data: { values: data.lecun.map((l) => ({ ...l, n: 1.7159 * (2 / 3) })) },
          mark: { type: 'square', filled: true, size: 110, color: colours.lecun },
          encoding: { x: { field: 'n', type: 'quantitative' }, y: { field: 'chi1', type: 'quantitative' } },
        },
      ],
    };
  },
  rows: (data) => [
    ...data.curve.map((p) => ({ activation: `tanh(n·x)`, n: p.n, sb2: p.sb2, chi1: p.chi1, qStar: p.qStar, xiC: p.xiC })),
    ...data.lecun.map((l) => ({ activation: '1.7159·tanh(2x/3)', n: null, sb2: l.sb2, chi1: l.chi1, qStar: l.qStar, xiC: l.xiC })),
  ],
});

export const gradientsAtInit = defineFigure(gradientsAtInitRecord, {
  id: 'gradients-at-init',
  title: 'Gradient norms through the layers at initialisation, measured and predicted',
  caption:
    'Solid: ‖∂L/∂h_l‖ measured in float64 on an MNIST batch, one line per seed, for networks of depth 50 (left) and 100 (right) at σ_w² = 1, σ_b² = 0 (log scale). Dashed: the mean-field prediction χ1^((L−l)/2), anchored at the last hidden layer.',
  description: (data) =>
    `Two log-scale line charts of the gradient norm against layer. ${data.theory
      .filter((t) => t.depth === Math.max(...data.theory.map((u) => u.depth)))
      .map((t) => `${t.label}: √χ1 = ${fmt(t.predictedGrowth, 3)} predicted, ${fmt(t.fittedGrowth, 3)} measured per layer`)
      .join('; ')}.`,
  spec: (data) => {
    const scale = activationScale(data.theory);
    const measured = data.runs.flatMap((r) => r.gradHNorm.map((g, i) => ({ label: r.label, depth: r.depth, seed: r.seed, layer: i + 1, norm: g })));
    const predicted = data.theory.flatMap((t) => t.predicted.map((g, i) => ({ label: t.label, depth: t.depth, layer: i + 1, norm: g })));
    const panel = (depth: number) => ({
      width: 280,
      height: 300,
      title: { text: `depth ${depth}`, fontSize: 16 },
      layer: [
        {
          data: { values: measured.filter((m) => m.depth === depth) },
          mark: { type: 'line' as const, strokeWidth: 1.5, opacity: 0.8 },
          encoding: {
            x: { field: 'layer', type: 'quantitative' as const, title: 'layer l' },
            y: { field: 'norm', type: 'quantitative' as const, title: '‖∂L/∂h_l‖ (log scale)', scale: { type: 'log' as const }, axis: { format: '.0e', tickCount: 6 } },
            color: { field: 'label', type: 'nominal' as const, title: null, scale, legend: { orient: 'bottom' as const, direction: 'horizontal' as const, columns: 3 } },
            detail: { field: 'seed' },
          },
        },
        {
          data: { values: predicted.filter((p) => p.depth === depth) },
          mark: { type: 'line' as const, strokeDash: [5, 4], strokeWidth: 1.5 },
          encoding: {
            x: { field: 'layer', type: 'quantitative' as const },
            y: { field: 'norm', type: 'quantitative' as const },
            color: { field: 'label', type: 'nominal' as const, scale },
          },
        },
      ],
    });
    const depths = [...new Set(data.theory.map((t) => t.depth))].sort((a, b) => a - b);
    return { hconcat: depths.map(panel), resolve: { scale: { color: 'shared' } } };
  },
  rows: (data) =>
    data.runs.flatMap((r) =>
      r.gradHNorm.map((g, i) => ({
        activation: r.label,
        depth: r.depth,
        seed: r.seed,
        layer: i + 1,
        gradHNorm: g,
        predicted: data.theory.find((t) => t.label === r.label && t.depth === r.depth)!.predicted[i]!,
      })),
    ),
});

export const growthRates = defineFigure(gradientsAtInitRecord, {
  id: 'growth-rates',
  title: 'Per-layer gradient growth: fitted against √χ1',
  caption:
    'Each point is one activation at one depth: the growth per layer of ‖∂L/∂h_l‖ fitted to the measurements (all seeds, layers away from both ends) against the mean-field prediction √χ1. Points on the diagonal agree; below 1 gradients vanish, above 1 they explode.',
  description: (data) =>
    `Scatter plot on log–log axes of fitted against predicted growth per layer, ${data.theory.length} points, close to the diagonal: ${data.theory
      .map((t) => `${t.label} depth ${t.depth}: ${fmt(t.fittedGrowth, 3)} vs ${fmt(t.predictedGrowth, 3)}`)
      .join('; ')}.`,
  spec: (data) => {
    const values = data.theory.map((t) => ({ ...t, depthLabel: `depth ${t.depth}` }));
    const all = values.flatMap((t) => [t.fittedGrowth, t.predictedGrowth]);
    const domain = [Math.min(...all) * 0.9, Math.max(...all) * 1.1];
    const ticks = [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.6, 1.8, 2].filter((t) => t >= domain[0]! && t <= domain[1]!);
    const axis = (title: string) => ({ type: 'quantitative' as const, title, scale: { type: 'log' as const, domain, nice: false }, axis: { values: ticks } });
    return {
      layer: [
        {
          data: { values: [{ a: domain[0], b: domain[1] }] },
          mark: { type: 'rule', strokeDash: [4, 4] },
          encoding: { x: { field: 'a', ...axis('√χ1 (mean-field prediction)') }, x2: { field: 'b' }, y: { field: 'a', ...axis('fitted growth per layer') }, y2: { field: 'b' } },
        },
        {
          data: { values },
          mark: { type: 'point', filled: true, size: 110, opacity: 0.9 },
          encoding: {
            x: { field: 'predictedGrowth', ...axis('√χ1 (mean-field prediction)') },
            y: { field: 'fittedGrowth', ...axis('fitted growth per layer') },
            color: { field: 'label', type: 'nominal', title: null, scale: activationScale(data.theory), legend: { orient: 'top-left' } },
            shape: { field: 'depthLabel', type: 'nominal', title: null, legend: { orient: 'bottom-right' } },
          },
        },
      ],
    };
  },
  rows: (data) => data.theory.map((t) => ({ activation: t.label, depth: t.depth, chi1: t.chi1, predictedGrowth: t.predictedGrowth, fittedGrowth: t.fittedGrowth, qStar: t.qStar })),
});

export const fractionInside = defineFigure(gradientsAtInitRecord, {
  id: 'fraction-inside-t1',
  title: 'How many pre-activations sit in the thread’s good interval',
  caption:
    'Solid: the fraction of pre-activations with |x| < t1(n), where the slope of tanh(n·x) is at least 1/n, layer by layer in the depth-100 networks (one line per seed). Dashed: the fraction a Gaussian of variance q* puts there. Dotted: one half, the thread’s “around half or more”, which every n here meets — and yet, as the previous figures show, their gradients explode.',
  description: (data) => {
    const deepest = Math.max(...data.theory.map((t) => t.depth));
    return `Line chart of the fraction inside |x| < t1(n) against layer for depth ${deepest}: ${data.theory
      .filter((t) => t.depth === deepest && t.predictedFractionInsideT1 !== null)
      .map((t) => `${t.label}: predicted ${fmt(t.predictedFractionInsideT1!, 3)}`)
      .join('; ')}; measured fractions settle near these within a few layers.`;
  },
  spec: (data) => {
    const deepest = Math.max(...data.theory.map((t) => t.depth));
    const theory = data.theory.filter((t) => t.depth === deepest && t.predictedFractionInsideT1 !== null);
    const scale = activationScale(theory);
    const measured = data.runs
      .filter((r) => r.depth === deepest && r.fractionInsideT1 !== null)
      .flatMap((r) => r.fractionInsideT1!.map((f, i) => ({ label: r.label, seed: r.seed, layer: i + 1, fraction: f })));
    return {
      layer: [
        {
          data: { values: measured },
          mark: { type: 'line', strokeWidth: 1.5, opacity: 0.8 },
          encoding: {
            x: { field: 'layer', type: 'quantitative', title: 'layer l' },
            y: { field: 'fraction', type: 'quantitative', title: 'fraction with |x| < t1(n)', scale: { domain: [0, 1] } },
            color: { field: 'label', type: 'nominal', title: null, scale, legend: { orient: 'top-right' } },
            detail: { field: 'seed' },
          },
        },
        {
          data: { values: theory.map((t) => ({ label: t.label, fraction: t.predictedFractionInsideT1 })) },
          mark: { type: 'rule', strokeDash: [5, 4], strokeWidth: 2 },
          encoding: { y: { field: 'fraction', type: 'quantitative' }, color: { field: 'label', type: 'nominal', scale } },
        },
        {
          data: { values: [{ y: 0.5 }] },
          mark: { type: 'rule', color: colours.reference, strokeDash: [2, 3] },
          encoding: { y: { field: 'y', type: 'quantitative' } },
        },
      ],
    };
  },
  rows: (data) =>
    data.runs
      .filter((r) => r.fractionInsideT1 !== null)
      .flatMap((r) =>
        r.fractionInsideT1!.map((f, i) => ({
          activation: r.label,
          depth: r.depth,
          seed: r.seed,
          layer: i + 1,
          fractionInside: f,
          predicted: data.theory.find((t) => t.label === r.label && t.depth === r.depth)!.predictedFractionInsideT1,
        })),
      ),
});

/** Rectangle edges halfway between neighbouring grid values, so uneven grids tile the plane. */
function edges(values: number[]): Map<number, [number, number]> {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const result = new Map<number, [number, number]>();
  sorted.forEach((v, i) => {
    const lo = i === 0 ? v - (sorted[1]! - v) / 2 : (v + sorted[i - 1]!) / 2;
    const hi = i === sorted.length - 1 ? v + (v - sorted[i - 1]!) / 2 : (v + sorted[i + 1]!) / 2;
    result.set(v, [lo, hi]);
  });
  return result;
}

function trainabilityFigure(which: 'map' | 'ray' | 'rayInitOnly') {
  const isMap = which === 'map';
  const initOnly = which === 'rayInitOnly';
  return defineFigure(trainabilityAnalysisRecord, {
    id: isMap ? 'trainability-map' : initOnly ? 'trainability-ray-init-only' : 'trainability-ray',
    title: isMap
      ? 'Which depths train, across weight variance'
      : initOnly
        ? 'Which depths train along the tanh(n·x) ray, initial scale only (hidden layers at η/n²)'
        : 'Which depths train, along the tanh(n·x) ray (the same η on every layer)',
    caption: (data) => {
      const { steps, batchSize, learningRate, sw2, sb2, stopAtTestAccuracy, seeds } = data[which].setup;
      const stop = stopAtTestAccuracy === null ? '' : `, stopping once a run reaches ${Math.round(100 * stopAtTestAccuracy)} %`;
      const rate = initOnly ? `η = ${learningRate} on the readout and η/n² on the hidden layers` : `η = ${learningRate}`;
      const budget = `up to ${steps} SGD steps (batch ${batchSize}, ${rate}${stop}; ${seeds === 1 ? 'one seed' : `${seeds} seeds`} per cell)`;
      const fits = `Solid line: depth = c·ξ_c with the constant c fitted to this map; dashed: the literature’s c = ${data.literatureC}.`;
      return isMap
        ? `Test accuracy of tanh networks on MNIST after ${budget}, for each depth and σ_w² at σ_b² = ${sb2}; grey cells diverged. ${fits}`
        : `Test accuracy of tanh(n·x) networks on MNIST after ${budget} at the standard initialisation σ_w² = ${sw2}, σ_b² = ${sb2}, for each depth and n; grey cells diverged. ${fits} At n = 1 the network sits on the critical line and ξ_c is infinite.`;
    },
    description: (data) => {
      const a = data[which];
      const trained = a.cells.filter((c) => c.trained).length;
      const depths = a.cells.map((c) => c.depth);
      return `Heat map of test accuracy over ${a.xName} (x-axis) and depth ${Math.min(...depths)} to ${Math.max(...depths)} (y-axis), ${a.cells.length} cells, ${trained} of them reaching ${data.trainedAccuracy} accuracy. The fitted constant is c = ${fmt(a.fit.c, 1)} (any c from ${fmt(a.fit.low, 2)} to ${fmt(a.fit.high, 2)} misclassifies ${a.fit.misclassified} cells; c = ${data.literatureC} misclassifies ${a.fit.misclassifiedAtLiteratureC}).`;
    },
    spec: (data) => {
      const a = data[which];
      const xEdges = edges(a.cells.map((c) => c.x));
      const yEdges = edges(a.cells.map((c) => c.depth));
      const xs = [...xEdges.values()];
      const ys = [...yEdges.values()];
      const xDomain = [xs[0]![0], xs.at(-1)![1]];
      const yMax = ys.at(-1)![1];
      const cells = a.cells.map((c) => ({
        ...c,
        x0: xEdges.get(c.x)![0],
        x1: xEdges.get(c.x)![1],
        y0: yEdges.get(c.depth)![0],
        y1: yEdges.get(c.depth)![1],
        status: c.accuracy === null ? 'diverged' : 'ok',
      }));
      // No grid lines: they would be drawn across the cells.
      const x = { type: 'quantitative' as const, title: a.xName, scale: { domain: xDomain, nice: false }, axis: { grid: false } };
      const y = { type: 'quantitative' as const, title: 'depth', scale: { domain: [ys[0]![0], yMax], nice: false }, axis: { grid: false } };
      const line = (c: number) =>
        a.curve.filter((p) => p.xiC !== null && c * p.xiC <= yMax * 1.5).map((p) => ({ x: p.x, depth: Math.min(c * p.xiC!, yMax * 1.5) }));
      return {
        layer: [
          {
            data: { values: cells.filter((c) => c.status === 'ok') },
            mark: { type: 'rect' },
            encoding: {
              x: { ...x, field: 'x0' },
              x2: { field: 'x1' },
              y: { ...y, field: 'y0' },
              y2: { field: 'y1' },
              color: { field: 'accuracy', type: 'quantitative', title: 'test accuracy', scale: { scheme: 'viridis', domain: [0, 1] }, legend: { orient: 'right', gradientLength: 200 } },
            },
          },
          {
            data: { values: cells.filter((c) => c.status === 'diverged') },
            mark: { type: 'rect', color: '#9A9A9A' },
            encoding: { x: { ...x, field: 'x0' }, x2: { field: 'x1' }, y: { ...y, field: 'y0' }, y2: { field: 'y1' } },
          },
          {
            data: { values: line(a.fit.c) },
            mark: { type: 'line', color: 'white', strokeWidth: 3, clip: true },
            encoding: { x: { ...x, field: 'x' }, y: { ...y, field: 'depth' } },
          },
          {
            data: { values: line(data.literatureC) },
            mark: { type: 'line', color: 'white', strokeWidth: 2, strokeDash: [6, 4], clip: true },
            encoding: { x: { ...x, field: 'x' }, y: { ...y, field: 'depth' } },
          },
        ],
      };
    },
    rows: (data) => data[which].cells.map((c) => ({ [data[which].xName]: c.x, depth: c.depth, accuracy: c.accuracy, outcome: c.outcome, trained: c.trained, xiC: c.xiC })),
  });
}

export const trainabilityMap = trainabilityFigure('map');
export const trainabilityRay = trainabilityFigure('ray');
export const trainabilityRayInitOnly = trainabilityFigure('rayInitOnly');
