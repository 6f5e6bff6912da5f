/**
 * Figures of "Products of many slopes": the thread's probabilistic model of g, the product of K
 * slopes of tanh(n·x) at Gaussian pre-activations (median against √E[g²], the vanished and
 * exploded fractions against K and n), and the same quantities measured in networks.
 */
import type { DataOf } from '../records/contract.ts';
import productsModelRecord from '../records/contracts/products-model.ts';
import productsNetworksRecord from '../records/contracts/products-networks.ts';
import { colourForN, colours, nColourScale, nLabel } from './theme';
import { defineFigure } from './types';

type ProductsModel = DataOf<typeof productsModelRecord>;
type ProductsNetworks = DataOf<typeof productsNetworksRecord>;
type ModelRow = ProductsModel['rows'][number];

const fmt = (x: number, digits = 2) => x.toFixed(digits);
const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;

/** The n shown in the model's per-n figures (each has its theme colour). */
const MODEL_NS = [1.5, 2, 3, 4];
const FRACTION_NS = [0.5, 1, 1.5, 2, 3, 4];
const NETWORK_NS = [1.5, 2, 3, 4];

function modelRows(data: ProductsModel, spread: string, ns: readonly number[]): ModelRow[] {
  return data.rows.filter((r) => r.spread === spread && ns.includes(r.n));
}

function spreadTitle(data: ProductsModel, spread: string): string {
  if (spread === 'standard') return 'q = q*(n) (σ_w² = 1, σ_b² = 0)';
  const q = data.rows.find((r) => r.spread === spread)!.q;
  return `q = ${q} for every n`;
}

function rowAt(data: ProductsModel, spread: string, n: number, depth: number): ModelRow {
  const row = data.rows.find((r) => r.spread === spread && r.n === n && r.depth === depth);
  if (!row) throw new Error(`products-model has no row for spread ${spread}, n = ${n}, K = ${depth}`);
  return row;
}

export const medianAndMeanSquare = defineFigure(productsModelRecord, {
  id: 'median-and-mean-square',
  title: 'The mean square grows while the median shrinks',
  caption: (data) =>
    `log10 of the product g of K slopes of tanh(n·x) at pre-activations x ~ N(0, q*(n)), the fixed point of the standard initialisation. Solid: √E[g²] = E[s²]^(K/2), exact, what mean-field theory tracks. Dashed: the median of g from the exact distribution of ln g; dots: the median of ${data.summary.samples.toLocaleString('en-GB')} Monte Carlo samples (its 95% interval, in the CSV, is narrower than a dot). Each panel has its own vertical scale.`,
  description: (data) =>
    `Four line charts, one per n (${MODEL_NS.join(', ')}), of log10 g against depth K from 1 to 100. In every panel √E[g²] rises and the median falls: at K = 50, ${MODEL_NS.map((n) => {
      const r = rowAt(data, 'standard', n, 50);
      return `n = ${n}: √E[g²] = 10^${fmt(r.log10RootMeanSquare)}, median 10^${fmt(r.exactLog10Median)}`;
    }).join('; ')}.`,
  spec: (data) => {
    const panel = (n: number) => {
      const rows = modelRows(data, 'standard', [n]);
      const lines = rows.flatMap((r) => [
        { depth: r.depth, value: r.log10RootMeanSquare, quantity: '√E[g²] (exact)', label: nLabel(n) },
        { depth: r.depth, value: r.exactLog10Median, quantity: 'median (exact)', label: nLabel(n) },
      ]);
      const x = { field: 'depth', type: 'quantitative' as const, title: 'depth K', scale: { domain: [0, 100], nice: false } };
      const y = { type: 'quantitative' as const, title: 'log10 g' };
      return {
        width: 280,
        height: 190,
        title: { text: `${nLabel(n)} (q* = ${fmt(rows[0]!.q, 3)})`, fontSize: 16 },
        layer: [
          { data: { values: [{ y: 0 }] }, mark: { type: 'rule' as const, strokeDash: [2, 3] }, encoding: { y: { field: 'y', ...y } } },
          {
            data: { values: lines },
            mark: { type: 'line' as const },
            encoding: {
              x,
              y: { field: 'value', ...y },
              color: { field: 'label', type: 'nominal' as const, scale: nColourScale(MODEL_NS), legend: null },
              strokeDash: { field: 'quantity', type: 'nominal' as const, title: null, scale: { domain: ['√E[g²] (exact)', 'median (exact)'], range: [[1, 0], [6, 4]] }, legend: { orient: 'bottom' as const, direction: 'horizontal' as const } },
            },
          },
          {
            data: { values: rows },
            mark: { type: 'point' as const, filled: true, size: 40 },
            encoding: { x, y: { field: 'log10Median', ...y }, color: { value: colourForN(n) } },
          },
        ],
      };
    };
    return {
      vconcat: [{ hconcat: MODEL_NS.slice(0, 2).map(panel) }, { hconcat: MODEL_NS.slice(2).map(panel) }],
      resolve: { scale: { strokeDash: 'shared' } },
    };
  },
  rows: (data) =>
    modelRows(data, 'standard', MODEL_NS).map((r) => ({
      n: r.n,
      q: r.q,
      depth: r.depth,
      log10RootMeanSquare: r.log10RootMeanSquare,
      exactLog10Median: r.exactLog10Median,
      monteCarloLog10Median: r.log10Median,
      monteCarloLog10MedianLow: r.log10MedianLow,
      monteCarloLog10MedianHigh: r.log10MedianHigh,
      cltLog10Median: r.cltLog10Median,
    })),
});

/** What the Monte Carlo saw of exploded products, for the captions (its points are not drawn). */
function explodedNote(data: ProductsModel): string {
  const { rowsWithExplodedSamples, maxExploded } = data.summary;
  return rowsWithExplodedSamples === 0
    ? `no Monte Carlo sample exploded anywhere: every exploded estimate is 0, with a 95% upper bound of ${pct(data.rows[0]!.explodedHigh, 3)}`
    : `exploded samples occurred in ${rowsWithExplodedSamples} settings, at most ${pct(maxExploded, 3)} of the samples`;
}

/** Vanished (solid) and exploded (dashed) fractions: exact lines, Monte Carlo points with Wilson bars. */
function fractionLayers(rows: ModelRow[], x: { field: string; type: 'quantitative'; title: string; scale: object }, colourField: string, colourScale: object) {
  const y = { type: 'quantitative' as const, title: 'fraction of products', scale: { domain: [0, 1] } };
  const colour = { field: colourField, type: 'nominal' as const, title: null, scale: colourScale, legend: { orient: 'bottom' as const, direction: 'horizontal' as const, symbolType: 'stroke' } };
  const long = rows.flatMap((r) => [
    { ...r, label: nLabel(r.n), which: 'vanished, g < 10⁻⁶', exact: r.exactVanished, mc: r.vanished, low: r.vanishedLow, high: r.vanishedHigh },
    { ...r, label: nLabel(r.n), which: 'exploded, g > 10⁶', exact: r.exactExploded, mc: r.exploded, low: r.explodedLow, high: r.explodedHigh },
  ]);
  const dash = { field: 'which', type: 'nominal' as const, title: null, scale: { domain: ['vanished, g < 10⁻⁶', 'exploded, g > 10⁶'], range: [[1, 0], [6, 4]] }, legend: { orient: 'bottom' as const, direction: 'horizontal' as const } };
  return [
    {
      data: { values: long },
      mark: { type: 'line' as const, strokeWidth: 2 },
      encoding: { x, y: { field: 'exact', ...y }, color: colour, strokeDash: dash, detail: { field: 'label' } },
    },
    // Monte Carlo points and intervals for the vanished fraction only: every exploded estimate is 0
    // (stated in the caption), and drawing them would double the figure's size for nothing visible.
    {
      data: { values: long.filter((r) => r.which.startsWith('vanished')) },
      mark: { type: 'rule' as const, strokeWidth: 1.5 },
      encoding: { x, y: { field: 'low', ...y }, y2: { field: 'high' }, color: colour, detail: { field: 'label' } },
    },
    {
      data: { values: long.filter((r) => r.which.startsWith('vanished')) },
      mark: { type: 'point' as const, filled: true, size: 30 },
      encoding: { x, y: { field: 'mc', ...y }, color: colour, detail: { field: 'label' } },
    },
  ];
}

export const fractionsVsDepth = defineFigure(productsModelRecord, {
  id: 'fractions-vs-depth',
  title: 'Vanished and exploded products against depth',
  caption: (data) => {
    const max = data.summary.maxExactExploded;
    return `The fraction of products g of K slopes below 10⁻⁶ (solid) and above 10⁶ (dashed, along the bottom), for each n: left, at the q*(n) of the standard initialisation; right, at q = ${spreadTitle(data, 'q1').replace('q = ', '').replace(' for every n', '')} for every n. Lines: exact (lattice + FFT); dots: the vanished fraction among ${data.summary.samples.toLocaleString('en-GB')} Monte Carlo samples, with 95% Wilson intervals; ${explodedNote(data)}; the largest exact exploded fraction is ${max.value.toExponential(1)} (n = ${max.n}, K = ${max.depth}).`;
  },
  description: (data) =>
    `Two panels of fraction against depth K from 1 to 100 for n = ${FRACTION_NS.join(', ')}. At q*(n): ${[1.5, 2, 3, 4]
      .map((n) => `n = ${n} vanished ${pct(rowAt(data, 'standard', n, 50).exactVanished)} at K = 50`)
      .join(', ')}; at q = 1: ${[1, 2]
      .map((n) => `n = ${n} vanished ${pct(rowAt(data, 'q1', n, 50).exactVanished)} at K = 50`)
      .join(', ')}. Exploded fractions are indistinguishable from 0 in both panels.`,
  spec: (data) => {
    const panel = (spread: string) => ({
      width: 290,
      height: 260,
      title: { text: spreadTitle(data, spread), fontSize: 16 },
      layer: fractionLayers(
        modelRows(data, spread, FRACTION_NS),
        { field: 'depth', type: 'quantitative', title: 'depth K', scale: { domain: [0, 100], nice: false } },
        'label',
        nColourScale(FRACTION_NS),
      ),
    });
    return {
      hconcat: [panel('standard'), panel('q1')],
      resolve: { scale: { strokeDash: 'shared', color: 'shared' } },
    };
  },
  rows: (data) =>
    data.rows
      .filter((r) => FRACTION_NS.includes(r.n))
      .map((r) => ({ ...fractionRow(r), cltVanished: r.cltVanished, cltExploded: r.cltExploded })),
});

/** A model row's vanished and exploded fractions, as the fraction figures' CSV lists them. */
function fractionRow(r: ProductsModel['rows'][number]) {
  return {
    spread: r.spread,
    n: r.n,
    q: r.q,
    depth: r.depth,
    exactVanished: r.exactVanished,
    vanished: r.vanished,
    vanishedLow: r.vanishedLow,
    vanishedHigh: r.vanishedHigh,
    exactExploded: r.exactExploded,
    exploded: r.exploded,
    explodedLow: r.explodedLow,
    explodedHigh: r.explodedHigh,
  };
}

const N_DEPTHS = [10, 50];

export const fractionsVsN = defineFigure(productsModelRecord, {
  id: 'fractions-vs-n',
  title: 'Vanished and exploded products against n',
  caption: (data) =>
    `The fraction of products of K = ${N_DEPTHS.join(' and K = ')} slopes below 10⁻⁶ (blue) and above 10⁶ (red, along the bottom) against n: left, at q*(n) of the standard initialisation; right, at q = ${data.rows.find((r) => r.spread === 'q1')!.q} for every n. Lines: exact; dots: the vanished fraction in the Monte Carlo, with 95% Wilson intervals (${explodedNote(data)}). Solid: K = ${N_DEPTHS[0]}; dashed: K = ${N_DEPTHS[1]}.`,
  description: (data) =>
    `Two panels of fraction against n from ${data.rows[0]!.n} to ${data.rows.at(-1)!.n}. At q*(n) and K = 50 the vanished fraction is ${[1, 1.5, 2, 3]
      .map((n) => `${pct(rowAt(data, 'standard', n, 50).exactVanished)} at n = ${n}`)
      .join(', ')}; at q = 1 and K = 50 it is ${[0.5, 1, 2]
      .map((n) => `${pct(rowAt(data, 'q1', n, 50).exactVanished)} at n = ${n}`)
      .join(', ')}. The exploded fraction stays indistinguishable from 0.`,
  spec: (data) => {
    const panel = (spread: string) => {
      const rows = data.rows.filter((r) => r.spread === spread && N_DEPTHS.includes(r.depth));
      const long = rows.flatMap((r) => [
        { ...r, which: 'vanished', K: `K = ${r.depth}`, exact: r.exactVanished, mc: r.vanished, low: r.vanishedLow, high: r.vanishedHigh },
        { ...r, which: 'exploded', K: `K = ${r.depth}`, exact: r.exactExploded, mc: r.exploded, low: r.explodedLow, high: r.explodedHigh },
      ]);
      const x = { field: 'n', type: 'quantitative' as const, title: 'n', scale: { domain: [0.5, 4], nice: false } };
      const y = { type: 'quantitative' as const, title: 'fraction of products', scale: { domain: [0, 1] } };
      const colour = { field: 'which', type: 'nominal' as const, title: null, scale: { domain: ['vanished', 'exploded'], range: [colours.vanished, colours.exploding] }, legend: { orient: 'bottom' as const, direction: 'horizontal' as const } };
      const dash = { field: 'K', type: 'nominal' as const, title: null, scale: { domain: N_DEPTHS.map((k) => `K = ${k}`), range: [[1, 0], [6, 4]] }, legend: { orient: 'bottom' as const, direction: 'horizontal' as const } };
      return {
        width: 290,
        height: 260,
        title: { text: spreadTitle(data, spread), fontSize: 16 },
        layer: [
          { data: { values: long }, mark: { type: 'line' as const, strokeWidth: 2 }, encoding: { x, y: { field: 'exact', ...y }, color: colour, strokeDash: dash } },
          { data: { values: long.filter((r) => r.which === 'vanished') }, mark: { type: 'rule' as const, strokeWidth: 1.5 }, encoding: { x, y: { field: 'low', ...y }, y2: { field: 'high' }, color: colour, detail: { field: 'K' } } },
          { data: { values: long.filter((r) => r.which === 'vanished') }, mark: { type: 'point' as const, filled: true, size: 30 }, encoding: { x, y: { field: 'mc', ...y }, color: colour, detail: { field: 'K' } } },
        ],
      };
    };
    return { hconcat: [panel('standard'), panel('q1')], resolve: { scale: { color: 'shared', strokeDash: 'shared' } } };
  },
  rows: (data) =>
    data.rows
      .filter((r) => N_DEPTHS.includes(r.depth))
      .map(fractionRow),
});

const GAIN = 'gradient gain, width 256';
const GAIN_NARROW = 'gradient gain, width 16';
const PATH = 'slopes along a path, width 256 (dots)';
const MEAN_FIELD = 'mean field: χ1^(K/2)';
const MODEL = 'model at q*: median';
const SERIES = [GAIN, GAIN_NARROW, PATH, MEAN_FIELD, MODEL];

function networkSeries(data: ProductsNetworks, n: number) {
  const measured = (quantity: 'gain' | 'path', width: number, series: string) =>
    data.rows.filter((r) => r.n === n && r.quantity === quantity && r.width === width).map((r) => ({ depth: r.depth, value: r.log10Median, low: r.log10MedianLow, high: r.log10MedianHigh, series }));
  const theory = data.theory.filter((t) => t.n === n);
  return [
    ...measured('gain', 256, GAIN),
    ...measured('gain', 16, GAIN_NARROW),
    ...measured('path', 256, PATH),
    ...theory.map((t) => ({ depth: t.depth, value: t.log10RootMeanSquare, low: null, high: null, series: MEAN_FIELD })),
    ...theory.map((t) => ({ depth: t.depth, value: t.modelLog10Median, low: null, high: null, series: MODEL })),
  ];
}

export const networksAgainstModel = defineFigure(productsNetworksRecord, {
  id: 'networks-against-model',
  title: 'In networks, the gradient follows the mean square and a single path follows the model',
  caption: (data) => {
    const gains = data.rows.find((x) => x.quantity === 'gain')!.samples;
    const paths = data.rows.find((x) => x.quantity === 'path')!.samples;
    return `Medians in float64 tanh(n·x) networks at the standard initialisation σ_w² = 1, σ_b² = 0, measured over the last K hidden layers. Solid: the gradient gain ‖∂ℓ/∂h_(L−K)‖/‖∂ℓ/∂h_L‖ of one MNIST example (${gains} per point: several networks × examples), width 256; short dashes: width 16. Dots: the product of the K slopes φ′(z) met along a random path of units, one per layer, in width 256 (${paths.toLocaleString('en-GB')} paths per point) — the thread’s g at the network’s own pre-activations. Grey: mean-field theory’s root mean square χ1^(K/2) (long dashes) and the slope-product model’s median at q* (dotted). Each panel has its own vertical scale.`;
  },
  description: (data) =>
    `Four panels, one per n (${NETWORK_NS.join(', ')}), of log10 against K from 1 to 50. ${NETWORK_NS.map((n) => {
      const gain = data.rows.find((r) => r.n === n && r.quantity === 'gain' && r.width === 256 && r.depth === 50)!;
      const path = data.rows.find((r) => r.n === n && r.quantity === 'path' && r.width === 256 && r.depth === 50)!;
      const t = data.theory.find((x) => x.n === n && x.depth === 50)!;
      return `n = ${n}, K = 50: gradient gain median 10^${fmt(gain.log10Median)} against χ1^(K/2) = 10^${fmt(t.log10RootMeanSquare)}; path product median 10^${fmt(path.log10Median)} against the model's 10^${fmt(t.modelLog10Median)}`;
    }).join('. ')}.`,
  spec: (data) => {
    const colour = {
      field: 'series',
      type: 'nominal' as const,
      title: null,
      scale: { domain: SERIES, range: [colours.ink, colours.ink, colours.ink, colours.reference, colours.reference] },
      legend: { orient: 'bottom' as const, direction: 'horizontal' as const, columns: 2, symbolType: 'stroke' },
    };
    const dash = { field: 'series', type: 'nominal' as const, title: null, scale: { domain: SERIES, range: [[1, 0], [2, 2], [1, 0], [6, 4], [1, 3]] } };
    const panel = (n: number) => {
      const values = networkSeries(data, n);
      const x = { field: 'depth', type: 'quantitative' as const, title: 'depth K', scale: { domain: [0, 50], nice: false } };
      const y = { type: 'quantitative' as const, title: 'log10 (median)' };
      return {
        width: 280,
        height: 190,
        title: { text: nLabel(n), fontSize: 16 },
        layer: [
          { data: { values: values.filter((v) => v.series !== PATH) }, mark: { type: 'line' as const, strokeWidth: 2.5 }, encoding: { x, y: { field: 'value', ...y }, color: colour, strokeDash: dash } },
          { data: { values: values.filter((v) => v.series === PATH) }, mark: { type: 'point' as const, filled: true, size: 45, color: colours.ink }, encoding: { x, y: { field: 'value', ...y } } },
        ],
      };
    };
    return {
      vconcat: [{ hconcat: NETWORK_NS.slice(0, 2).map(panel) }, { hconcat: NETWORK_NS.slice(2).map(panel) }],
      resolve: { scale: { y: 'independent', color: 'shared', strokeDash: 'shared' } },
    };
  },
  rows: (data) =>
    data.rows.map((r) => {
      const t = data.theory.find((x) => x.n === r.n && x.depth === r.depth)!;
      return {
        n: r.n,
        width: r.width,
        depth: r.depth,
        quantity: r.quantity,
        samples: r.samples,
        log10Median: r.log10Median,
        log10MedianLow: r.log10MedianLow,
        log10MedianHigh: r.log10MedianHigh,
        log10Sd: r.log10Sd,
        vanished: r.vanished,
        exploded: r.exploded,
        meanFieldLog10RootMeanSquare: t.log10RootMeanSquare,
        modelLog10Median: t.modelLog10Median,
      };
    }),
});

export const distributionAtDepth = defineFigure(productsNetworksRecord, {
  id: 'distribution-at-depth',
  title: 'Where the products and the gradients fall',
  caption: (data) =>
    `Distribution of log10 at n = ${data.histogram.n}, K = ${data.histogram.depth}, in bins of ${data.histogram.step} (square-root vertical scale). Grey area: the slope-product model at q* (exact). Black: the product of the slopes along random paths of units in width-256 networks. Coloured: the per-example gradient gain over the same ${data.histogram.depth} layers in networks of width 256 (solid), 64 (dashed) and 16 (dotted). Shaded: vanished (g < 10⁻⁶, left) and exploded (g > 10⁶, right).`,
  description: (data) => {
    const peak = (label: string) => {
      const s = data.histogram.series.find((x) => x.label === label)!;
      const i = s.fractions.indexOf(Math.max(...s.fractions));
      return fmt(data.histogram.edges[i]! + data.histogram.step / 2, 2);
    };
    return `Histogram-style line chart of log10 from ${data.histogram.edges[0]} to ${data.histogram.edges.at(-1)! + data.histogram.step} at n = ${data.histogram.n}, K = ${data.histogram.depth}. The model and the path products peak near log10 = ${peak('model at q*')} and ${peak('path product, width 256')}, mostly below −6; the gradient gains peak near ${peak('gain, width 256')} (width 256) and ${peak('gain, width 16')} (width 16), all between −6 and 6.`;
  },
  spec: (data) => {
    const h = data.histogram;
    // Each series drawn over its own support (plus one empty bin either side), not along the axis.
    const values = h.series.flatMap((s) => {
      const first = Math.max(0, s.fractions.findIndex((f) => f > 0) - 1);
      const last = Math.min(s.fractions.length - 1, s.fractions.findLastIndex((f) => f > 0) + 1);
      return s.fractions
        .map((f, i) => ({ series: s.label, quantity: s.quantity, width: s.width, mid: h.edges[i]! + h.step / 2, fraction: f, i }))
        .filter((v) => v.i >= first && v.i <= last);
    });
    const modelPeak = values.filter((v) => v.quantity === 'model').reduce((a, b) => (b.fraction > a.fraction ? b : a));
    const lo = h.edges[0]!;
    const hi = h.edges.at(-1)! + h.step;
    const x = { type: 'quantitative' as const, title: `log10 (n = ${h.n}, K = ${h.depth})`, scale: { domain: [lo, hi], nice: false } };
    const y = { type: 'quantitative' as const, title: 'fraction per bin (square-root scale)', scale: { type: 'sqrt' as const, domain: [0, 1], nice: false } };
    const gainSeries = h.series.filter((s) => s.quantity === 'gain').map((s) => s.label);
    const gainDash = gainSeries.map((label) => (label.endsWith(' 256') ? [1, 0] : label.endsWith(' 64') ? [6, 4] : [2, 2]));
    return {
      layer: [
        { data: { values: [{ a: lo, b: -6 }] }, mark: { type: 'rect', color: colours.vanished, opacity: 0.1 }, encoding: { x: { field: 'a', ...x }, x2: { field: 'b' } } },
        { data: { values: [{ a: 6, b: hi }] }, mark: { type: 'rect', color: colours.exploding, opacity: 0.1 }, encoding: { x: { field: 'a', ...x }, x2: { field: 'b' } } },
        {
          data: { values: values.filter((v) => v.quantity === 'model') },
          mark: { type: 'area', interpolate: 'step', color: colours.reference, opacity: 0.45 },
          encoding: { x: { field: 'mid', ...x }, y: { field: 'fraction', ...y } },
        },
        {
          data: { values: values.filter((v) => v.quantity === 'path' && v.width === 256) },
          mark: { type: 'line', interpolate: 'step', color: colours.ink, strokeWidth: 2 },
          encoding: { x: { field: 'mid', ...x }, y: { field: 'fraction', ...y } },
        },
        {
          data: { values: [{ x: modelPeak.mid, y: 0.27, text: 'slope products: model (grey),' }, { x: modelPeak.mid, y: 0.19, text: 'paths in networks (black)' }] },
          mark: { type: 'text', fontSize: 15, color: colours.ink },
          encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, text: { field: 'text' } },
        },
        {
          data: { values: values.filter((v) => v.quantity === 'gain') },
          mark: { type: 'line', interpolate: 'step', color: colourForN(h.n), strokeWidth: 2.5 },
          encoding: {
            x: { field: 'mid', ...x },
            y: { field: 'fraction', ...y },
            strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain: gainSeries, range: gainDash }, legend: { orient: 'top-left' } },
          },
        },
      ],
    };
  },
  rows: (data) =>
    data.histogram.series.flatMap((s) =>
      s.fractions.map((f, i) => ({ series: s.label, binFrom: data.histogram.edges[i]!, binTo: data.histogram.edges[i]! + data.histogram.step, fraction: f })),
    ),
});


