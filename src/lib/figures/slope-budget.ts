/**
 * Figures of "The slope budget of tanh(n·x)": each turns one dataset into a Vega-Lite spec.
 * Dataset types come from the definitions' schemas, so a schema change breaks these at compile time.
 */
import type { DataOf } from '../records/contract.ts';
import activationCurvesRecord from '../records/contracts/activation-curves.ts';
import bestSlopeRecord from '../records/contracts/best-slope.ts';
import depthThresholdsRecord from '../records/contracts/depth-thresholds.ts';
import goodIntervalRecord from '../records/contracts/good-interval.ts';
import slopeThresholdsRecord from '../records/contracts/slope-thresholds.ts';
import { colourForN, colours, nColourScale, nLabel } from './theme';
import { defineFigure } from './types';

type ActivationCurves = DataOf<typeof activationCurvesRecord>;
type SlopeThresholds = DataOf<typeof slopeThresholdsRecord>;
type GoodInterval = DataOf<typeof goodIntervalRecord>;
type DepthThresholds = DataOf<typeof depthThresholdsRecord>;
type BestSlope = DataOf<typeof bestSlopeRecord>;

const fmt = (x: number, digits = 3) => x.toFixed(digits);

/** Colour scale over the curves' labels: n colours from the theme, LeCun's own colour. */
function activationColourScale(data: ActivationCurves) {
  const seen = new Map<string, string>();
  for (const row of data.rows) {
    if (!seen.has(row.label)) seen.set(row.label, row.n === null ? colours.lecun : colourForN(row.n));
  }
  return { domain: [...seen.keys()], range: [...seen.values()] };
}

export const activationCurves = defineFigure(activationCurvesRecord, {
  id: 'activation-curves',
  title: 'tanh(n·x) and its slope',
  caption:
    'Left: the activation. Right: its slope n·sech²(n·x), which peaks at n when x = 0 and falls faster the larger n is. LeCun’s 1.7159·tanh(2x/3) for comparison.',
  description: (data) => {
    const ns = [...new Set(data.rows.filter((r) => r.n !== null).map((r) => r.n))];
    return `Two line charts over x from ${fmt(data.rows[0]!.x, 0)} to ${fmt(data.rows.at(-1)!.x, 0)}. Left: tanh(n·x) for n = ${ns.join(', ')} and 1.7159·tanh(2x/3); all saturate at ±1 (LeCun's at ±1.7159), faster for larger n. Right: the slopes, bell-shaped, peaking at n at x = 0 (${ns.join(', ')}) and narrower for larger n.`;
  },
  spec: (data) => {
    const color = { field: 'label', type: 'nominal' as const, title: null, scale: activationColourScale(data), legend: { orient: 'bottom' as const, direction: 'horizontal' as const, columns: 3 } };
    const panel = (field: 'value' | 'slope', title: string) => ({
      width: 280,
      height: 260,
      mark: { type: 'line' as const, clip: true },
      encoding: {
        x: { field: 'x', type: 'quantitative' as const, title: 'x' },
        y: { field, type: 'quantitative' as const, title },
        color,
        detail: { field: 'activation' },
      },
    });
    return {
      data: { values: data.rows },
      hconcat: [panel('value', 'f(x)'), panel('slope', "slope f′(x)")],
      resolve: { scale: { color: 'shared' } },
    };
  },
  rows: (data) => data.rows.map(({ activation, label, n, x, value, slope }) => ({ activation, label, n, x, value, slope })),
});

export const slopeThresholds = defineFigure(slopeThresholdsRecord, {
  id: 'slope-thresholds',
  title: 'Where the slope of tanh(n·x) pays back, against n',
  caption:
    'Inside the solid curves ±t₁(n) the slope is at least 1/n; inside the dashed curves it exceeds 1. The dot marks the widest interval, at a non-integer n; the ring marks n = 2, the best whole number.',
  description: (data) =>
    `Line chart of thresholds against n from ${data.curve[0]!.n} to ${data.curve.at(-1)!.n}. The good interval ±t1(n) rises from 0 at n = 1 to its widest, ±${fmt(data.maximiser.t1, 4)} at n = ${fmt(data.maximiser.n, 4)}, then narrows (±${fmt(data.integers.at(-1)!.t1)} at n = ${data.integers.at(-1)!.n}). At n = 2 it is ±${fmt(data.bestInteger.t1)}. The exploding interval, where the slope exceeds 1, lies inside it: ±${fmt(data.bestInteger.exploding)} at n = 2.`,
  spec: (data) => {
    const lines = data.curve.flatMap((p) => [
      { n: p.n, threshold: 't₁(n): slope ≥ 1/n inside', side: 'upper', value: p.t1 },
      { n: p.n, threshold: 't₁(n): slope ≥ 1/n inside', side: 'lower', value: -p.t1 },
      { n: p.n, threshold: 'slope > 1 inside', side: 'upper', value: p.exploding },
      { n: p.n, threshold: 'slope > 1 inside', side: 'lower', value: -p.exploding },
    ]);
    const x = { field: 'n', type: 'quantitative' as const, title: 'n', scale: { domain: [data.curve[0]!.n, data.curve.at(-1)!.n], nice: false } };
    return {
      layer: [
        {
          data: { values: data.curve },
          mark: { type: 'area', color: colours.good, opacity: 0.12 },
          encoding: { x, y: { field: 't1', type: 'quantitative' }, y2: { datum: 0 } },
          transform: [],
        },
        {
          data: { values: data.curve.map((p) => ({ n: p.n, lower: -p.t1 })) },
          mark: { type: 'area', color: colours.good, opacity: 0.12 },
          encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { datum: 0 } },
        },
        {
          data: { values: lines },
          mark: { type: 'line' },
          encoding: {
            x,
            // Head-room above the curves for the maximiser's label.
            y: { field: 'value', type: 'quantitative', title: 'threshold on x', scale: { domain: [-0.8, 0.8] } },
            color: {
              field: 'threshold',
              type: 'nominal',
              title: null,
              scale: { domain: ['t₁(n): slope ≥ 1/n inside', 'slope > 1 inside'], range: [colours.good, colours.exploding] },
              legend: { orient: 'bottom', direction: 'horizontal' },
            },
            strokeDash: {
              field: 'threshold',
              type: 'nominal',
              scale: { domain: ['t₁(n): slope ≥ 1/n inside', 'slope > 1 inside'], range: [[1, 0], [6, 4]] },
              title: null,
            },
            detail: { field: 'side' },
          },
        },
        {
          data: { values: [data.maximiser] },
          mark: { type: 'point', filled: true, size: 90, color: colours.ink },
          encoding: { x: { field: 'n', type: 'quantitative' }, y: { field: 't1', type: 'quantitative' } },
        },
        {
          data: { values: [{ ...data.maximiser, label: `max ${fmt(data.maximiser.t1, 4)} at n = ${fmt(data.maximiser.n, 3)}` }] },
          mark: { type: 'text', align: 'left', dx: 4, dy: -16 },
          encoding: { x: { field: 'n', type: 'quantitative' }, y: { field: 't1', type: 'quantitative' }, text: { field: 'label' } },
        },
        {
          data: { values: [data.bestInteger] },
          mark: { type: 'point', filled: false, size: 140, strokeWidth: 2, color: colourForN(2) },
          encoding: { x: { field: 'n', type: 'quantitative' }, y: { field: 't1', type: 'quantitative' } },
        },
      ],
    };
  },
  rows: (data) => data.curve.map(({ n, t1, exploding }) => ({ n, t1, exploding })),
});

export const goodInterval = defineFigure(goodIntervalRecord, {
  id: 'good-interval',
  title: 'The good interval at n = 2',
  caption:
    'The slope of tanh(2x). Green band: slope ≥ 1/2, where one factor at least cancels a factor at the peak. Red band: slope > 1, where factors grow the product.',
  description: (data) =>
    `Bell-shaped slope of tanh(${data.n}x) over x from ${fmt(data.curve[0]!.x, 1)} to ${fmt(data.curve.at(-1)!.x, 1)}, peaking at ${data.peakSlope} at x = 0. It stays at or above 1/${data.n} for |x| ≤ ${fmt(data.t1)} (shaded green) and above 1 for |x| < ${fmt(data.exploding)} (shaded red). Horizontal guide lines at slope 1/${data.n} and 1.`,
  spec: (data) => {
    const x = { field: 'x', type: 'quantitative' as const, title: 'x', scale: { domain: [data.curve[0]!.x, data.curve.at(-1)!.x], nice: false } };
    const band = (half: number, colour: string, opacity: number) => ({
      data: { values: [{ from: -half, to: half }] },
      mark: { type: 'rect' as const, color: colour, opacity },
      encoding: { x: { field: 'from', type: 'quantitative' as const }, x2: { field: 'to' } },
    });
    const guides = [
      { y: 1 / data.n, label: `slope = 1/${data.n}` },
      { y: 1, label: 'slope = 1' },
    ];
    return {
      layer: [
        band(data.t1, colours.good, 0.15),
        band(data.exploding, colours.exploding, 0.15),
        {
          data: { values: guides },
          mark: { type: 'rule', strokeDash: [4, 4] },
          encoding: { y: { field: 'y', type: 'quantitative' } },
        },
        {
          data: { values: guides },
          mark: { type: 'text', align: 'right', dy: -8, x: 'width' },
          encoding: { y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } },
        },
        {
          data: { values: data.curve },
          mark: { type: 'line', color: colourForN(data.n) },
          encoding: { x, y: { field: 'slope', type: 'quantitative', title: `slope of tanh(${data.n}x)` } },
        },
        {
          // The crossings that define the intervals, labelled where the curve meets each guide.
          data: {
            values: [
              { x: data.t1, y: 1 / data.n, label: `|x| = ${fmt(data.t1)}` },
              { x: data.exploding, y: 1, label: `|x| = ${fmt(data.exploding)}` },
            ],
          },
          layer: [
            { mark: { type: 'point', filled: true, size: 50, color: colours.ink } },
            { mark: { type: 'text', align: 'left', dx: 8, dy: 14 }, encoding: { text: { field: 'label' } } },
          ],
          encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
        },
      ],
    };
  },
  rows: (data) => data.curve.map(({ x, slope }) => ({ x, slope, goodInterval: Math.abs(x) <= data.t1, slopeAboveOne: Math.abs(x) < data.exploding })),
});

export const depthThresholds = defineFigure(depthThresholdsRecord, {
  id: 'depth-thresholds',
  title: 'How large one pre-activation must be to cancel a whole network',
  caption:
    'The |x| beyond which a single slope of tanh(n·x) is below n^(1−K), cancelling K − 1 factors at their peak. It grows only linearly with depth K. The dot is the thread’s example, K = 50 at n = 2.',
  description: (data) => {
    const ns = [...new Set(data.curve.map((r) => r.n))];
    const last = (n: number) => data.curve.filter((r) => r.n === n).at(-1)!;
    return `Lines of the threshold against depth K from 1 to ${data.curve.at(-1)!.depth}, one per n (${ns.join(', ')}); all straight after the first few layers. At K = ${last(ns[0]!).depth} they reach ${ns.map((n) => `${fmt(last(n).threshold, 1)} for n = ${n}`).join(', ')}. Marked: K = ${data.example.depth}, n = ${data.example.n}, threshold ${fmt(data.example.threshold, 2)}.`;
  },
  spec: (data) => {
    const ns = [...new Set(data.curve.map((r) => r.n))];
    return {
      layer: [
        {
          data: { values: data.curve.map((r) => ({ ...r, label: nLabel(r.n) })) },
          mark: { type: 'line' },
          encoding: {
            x: { field: 'depth', type: 'quantitative', title: 'depth K' },
            y: { field: 'threshold', type: 'quantitative', title: '|x| that cancels K − 1 peak slopes' },
            color: { field: 'label', type: 'nominal', title: null, scale: nColourScale(ns), legend: { orient: 'top-left' } },
          },
        },
        {
          data: { values: [data.example] },
          mark: { type: 'point', filled: true, size: 90, color: colours.ink },
          encoding: { x: { field: 'depth', type: 'quantitative' }, y: { field: 'threshold', type: 'quantitative' } },
        },
        {
          data: { values: [{ ...data.example, label: `K = ${data.example.depth}, n = ${data.example.n}: ${fmt(data.example.threshold, 2)}` }] },
          mark: { type: 'text', align: 'left', dx: 10, dy: 14 },
          encoding: { x: { field: 'depth', type: 'quantitative' }, y: { field: 'threshold', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    };
  },
  rows: (data) => data.curve.map(({ n, depth, threshold }) => ({ n, depth, threshold })),
});

/** Slopes below this are left out of the log-scale plot (they would only stretch the axis). */
const SMALLEST_PLOTTED_SLOPE = 1e-3;

export const bestSlope = defineFigure(bestSlopeRecord, {
  id: 'best-slope',
  title: 'At a fixed x, no n gives a slope above c/|x|',
  caption:
    'Log–log axes. Coloured: the slope of tanh(n·x) for fixed n. Black dashed: the best slope over all n at each x, c/|x|; each fixed-n curve touches it once, at |x| = u*/n, and falls away on both sides. Slopes below 10⁻³ are not drawn.',
  description: (data) => {
    const ns = [...new Set(data.fixedN.map((r) => r.n))];
    return `Log–log line chart over x from ${data.envelope[0]!.x} to ${data.envelope.at(-1)!.x}. The envelope c/|x| with c = ${fmt(data.constant, 4)} is a straight falling line. The slopes of tanh(n·x) for n = ${ns.join(', ')} are flat at n for small x, touch the envelope at x = ${ns.map((n) => fmt(data.argument / n)).join(', ')} respectively, then drop steeply; larger n drops sooner.`;
  },
  spec: (data) => {
    const ns = [...new Set(data.fixedN.map((r) => r.n))];
    const x = { field: 'x', type: 'quantitative' as const, title: 'x', scale: { type: 'log' as const, domain: [data.envelope[0]!.x, data.envelope.at(-1)!.x], nice: false } };
    const y = { type: 'quantitative' as const, title: 'slope', scale: { type: 'log' as const, domain: [SMALLEST_PLOTTED_SLOPE, 10], nice: false } };
    return {
      layer: [
        {
          data: { values: data.fixedN.filter((r) => r.slope >= SMALLEST_PLOTTED_SLOPE).map((r) => ({ ...r, label: nLabel(r.n) })) },
          mark: { type: 'line', clip: true },
          encoding: {
            x,
            y: { ...y, field: 'slope' },
            color: { field: 'label', type: 'nominal', title: null, scale: nColourScale(ns), legend: { orient: 'bottom-left' } },
          },
        },
        {
          data: { values: data.envelope.filter((r) => r.bestSlope <= 10) },
          mark: { type: 'line', color: colours.critical, strokeDash: [6, 4], clip: true },
          encoding: { x, y: { ...y, field: 'bestSlope' } },
        },
      ],
    };
  },
  rows: (data) => [
    ...data.envelope.map((r) => ({ x: r.x, curve: 'best over n', n: r.bestN, slope: r.bestSlope })),
    ...data.fixedN.map((r) => ({ x: r.x, curve: 'fixed n', n: r.n, slope: r.slope })),
  ],
});
