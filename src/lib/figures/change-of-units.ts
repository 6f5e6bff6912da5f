/**
 * Figures of "Just a change of units": loss curves of a tanh(n·x) network and its rescaled tanh
 * twins, and how far apart the twins drift, in float64 and in float32.
 */
import type { DataOf } from '../records/contract.ts';
import changeOfUnitsRecord from '../records/contracts/change-of-units.ts';
import changeOfUnitsFloat32Record from '../records/contracts/change-of-units-float32.ts';
import { colourForN, colours } from './theme';
import { defineFigure, type FigureRow } from './types';

type Units = DataOf<typeof changeOfUnitsRecord>;
type Setup = Units['setups'][number];
type UnitsFloat32 = DataOf<typeof changeOfUnitsFloat32Record>;

const OPTIMISERS = ['sgd', 'adam'] as const;
const optimiserName = (kind: 'sgd' | 'adam') => (kind === 'sgd' ? 'SGD' : 'Adam');
const sci = (x: number) => (x === 0 ? '0' : x.toExponential(1));

/**
 * Which steps a chart draws (the CSV keeps every step): at ~0.9 px per step a line loses nothing
 * visible by skipping some, and the inline SVG shrinks accordingly. Early steps are all kept,
 * because the differences grow fastest there.
 */
const drawn = (every: number, keepFirst: number) => (row: FigureRow) => {
  const step = row.step as number;
  return step < keepFirst || step % every === 0;
};

/** "tanh(2x)", "tanh(3x)". */
const tanhNLabel = (n: number) => `tanh(${n}x)`;

function setupOf<S extends { optimiser: string; n: number; init: string }>(setups: readonly S[], optimiser: string, n: number, init: string): S {
  const found = setups.find((s) => s.optimiser === optimiser && s.n === n && s.init === init);
  if (!found) throw new Error(`change-of-units: no set-up for ${optimiser}, n = ${n}, init ${init}`);
  return found;
}

const roleOf = <R extends { role: string }>(items: readonly R[], role: string): R => {
  const found = items.find((item) => item.role === role);
  if (!found) throw new Error(`change-of-units: no run or comparison "${role}"`);
  return found;
};

const ns = (data: { setups: readonly { n: number }[] }) => [...new Set(data.setups.map((s) => s.n))].sort((a, b) => a - b);

/** Words for an initialisation, in terms of the tanh(n·x) network. */
function initWords(setup: Setup): string {
  return setup.init === 'ordered'
    ? `σ_w² = 1/n², σ_b² = ${setup.tanhInit.sb2}/n² (so that the rescaled tanh network is at σ_w² = ${setup.tanhInit.sw2}, on the ordered side: χ1 = ${setup.tanhChi1.toFixed(2)})`
    : `σ_w² = ${setup.tanhNInit.sw2}, σ_b² = ${setup.tanhNInit.sb2}`;
}

// ---------------------------------------------------------------------------------------------
// Loss curves: the tanh(n·x) network at η, the rescaled tanh network at matched rates, and at η.

const MATCHED = 'rescaled tanh, matched rates';
const UNMATCHED = 'rescaled tanh, η everywhere';

function curveRows(data: Units, init: string): FigureRow[] {
  return data.setups
    .filter((s) => s.init === init)
    .flatMap((s) =>
      (['tanhN', 'matched', 'unmatched'] as const).flatMap((role) =>
        roleOf(s.runs, role).losses.map((loss, step) => ({
          optimiser: optimiserName(s.optimiser),
          n: s.n,
          series: role === 'tanhN' ? `${tanhNLabel(s.n)} at η` : role === 'matched' ? MATCHED : UNMATCHED,
          step,
          loss,
        })),
      ),
    );
}

function curvesFigure(init: 'standard' | 'ordered') {
  return defineFigure(changeOfUnitsRecord, {
    id: `units-curves-${init}`,
    title:
      init === 'ordered'
        ? 'Same batches, three trainings: the rescaled network at matched rates retraces the tanh(n·x) network'
        : 'The same comparison at the usual initialisation σ_w² = 1',
    caption: (data) => {
      const s = setupOf(data.setups, 'sgd', ns(data)[0]!, init);
      const sgd = roleOf(s.runs, 'tanhN');
      const adam = roleOf(setupOf(data.setups, 'adam', s.n, init).runs, 'tanhN');
      return (
        `Loss on each step’s training batch (MNIST, float64) of a tanh(n·x) network initialised at ${initWords(s)} and trained at η ` +
        `(SGD η = ${sgd.hiddenLr}; Adam α = ${adam.hiddenLr}), and of the tanh network with the same weights and biases multiplied by n: ` +
        `dashed, at the matched rates (SGD η·n², Adam α·n with ε/n, on the hidden layers); blue, at η everywhere.`
      );
    },
    description: (data) =>
      `Four line charts (rows SGD and Adam, columns n = ${ns(data).join(' and ')}) of training loss against step. In each, the rescaled network at matched rates traces the tanh(n·x) network (largest loss difference ${data.setups
        .filter((s) => s.init === init)
        .map((s) => `${optimiserName(s.optimiser)} n = ${s.n}: ${sci(roleOf(s.comparisons, 'matched').largestLossDifference)}`)
        .join('; ')}), while the one trained at η everywhere follows a different curve (largest differences ${data.setups
        .filter((s) => s.init === init)
        .map((s) => sci(roleOf(s.comparisons, 'unmatched').largestLossDifference))
        .join(', ')}).`,
    spec: (data) => {
      const values = curveRows(data, init).filter(drawn(2, 0));
      const labels = [...ns(data).map((n) => `${tanhNLabel(n)} at η`), MATCHED, UNMATCHED];
      const range = [...ns(data).map(colourForN), colours.ink, colourForN(1)];
      const dash = [...ns(data).map(() => [1, 0]), [5, 4], [1, 0]];
      const encoding = {
        x: { field: 'step', type: 'quantitative' as const, title: 'step' },
        y: { field: 'loss', type: 'quantitative' as const, title: 'batch loss', scale: { domain: [0, 3], nice: false } },
        color: { field: 'series', type: 'nominal' as const, title: null, scale: { domain: labels, range }, legend: { orient: 'bottom' as const, direction: 'horizontal' as const, columns: 2 } },
        strokeDash: { field: 'series', type: 'nominal' as const, title: null, scale: { domain: labels, range: dash } },
      };
      // The tanh(n·x) curve thick underneath, the rescaled curves thin on top, so a coinciding dashed curve shows.
      const panel = (optimiser: 'sgd' | 'adam', n: number) => ({
        width: 270,
        height: 170,
        title: { text: `${optimiserName(optimiser)}, n = ${n}`, fontSize: 16 },
        data: { values: values.filter((v) => v.optimiser === optimiserName(optimiser) && v.n === n) },
        layer: [
          { transform: [{ filter: `datum.series === '${UNMATCHED}'` }], mark: { type: 'line' as const, clip: true, strokeWidth: 1.5 }, encoding },
          { transform: [{ filter: `datum.series !== '${UNMATCHED}' && datum.series !== '${MATCHED}'` }], mark: { type: 'line' as const, clip: true, strokeWidth: 3.5 }, encoding },
          { transform: [{ filter: `datum.series === '${MATCHED}'` }], mark: { type: 'line' as const, clip: true, strokeWidth: 1.8 }, encoding },
        ],
      });
      return {
        vconcat: OPTIMISERS.map((optimiser) => ({ hconcat: ns(data).map((n) => panel(optimiser, n)) })),
        resolve: { scale: { color: 'shared' as const, strokeDash: 'shared' as const } },
      };
    },
    rows: (data) => curveRows(data, init),
  });
}

export const unitsCurvesOrdered = curvesFigure('ordered');
export const unitsCurvesStandard = curvesFigure('standard');

// ---------------------------------------------------------------------------------------------
// How far apart: relative parameter difference, in common units, step by step (log scale).

const COMPARISON_LABELS = {
  matched: 'rescaled, matched rates',
  control: 'tanh(n·x) nudged by one ulp',
  partial: 'rescaled, rates half-matched',
  unmatched: 'rescaled, η everywhere',
} as const;
type ComparisonKey = keyof typeof COMPARISON_LABELS;
const COMPARISON_COLOURS: Record<ComparisonKey, string> = {
  matched: colours.ink,
  control: colourForN(3),
  partial: colours.reference,
  unmatched: colourForN(1),
};
const COMPARISON_DASH: Record<ComparisonKey, number[]> = { matched: [1, 0], control: [2, 3], partial: [7, 4], unmatched: [1, 0] };

const keyOfRole = (role: string): ComparisonKey => (role === 'rate-n' || role === 'same-epsilon' ? 'partial' : (role as ComparisonKey));

/** The smallest difference drawn: the log axis starts here, and exact zeros are left out. */
const FLOOR = 1e-17;

function differenceRows(
  setups: readonly { optimiser: string; n: number; init: string; comparisons: readonly { role: string; parameterDifference: readonly number[] }[] }[],
  n: number,
  keepZeros = false,
): FigureRow[] {
  return setups
    .filter((s) => s.n === n)
    .flatMap((s) =>
      s.comparisons.flatMap((c) =>
        c.parameterDifference.flatMap((d, step) =>
          d > 0 || keepZeros
            ? [{ optimiser: optimiserName(s.optimiser as 'sgd' | 'adam'), init: s.init, n: s.n, comparison: COMPARISON_LABELS[keyOfRole(c.role)], role: c.role, step, difference: keepZeros ? d : Math.max(d, FLOOR) }]
            : [],
        ),
      ),
    );
}

/** How a figure draws each kind of comparison: legend label, colour and dash pattern. */
interface ComparisonStyle<K extends string> {
  labels: Record<K, string>;
  colours: Record<K, string>;
  dash: Record<K, number[]>;
}

/** Small multiples (rows: initialisations, columns: optimisers) of a relative difference per step, log scale. */
function differencesSpec<K extends string>(
  values: readonly FigureRow[],
  inits: readonly string[],
  initTitle: (init: string) => string,
  keys: readonly K[],
  style: ComparisonStyle<K>,
  detail?: string,
) {
  const domain = keys.map((k) => style.labels[k]);
  const panel = (init: string, optimiser: 'sgd' | 'adam') => ({
    width: 270,
    height: 190,
    title: { text: `${optimiserName(optimiser)}, ${initTitle(init)}`, fontSize: 16 },
    data: { values: values.filter((v) => v.init === init && v.optimiser === optimiserName(optimiser)) },
    mark: { type: 'line' as const, clip: true, strokeWidth: 2 },
    encoding: {
      x: { field: 'step', type: 'quantitative' as const, title: 'step' },
      y: {
        field: 'difference',
        type: 'quantitative' as const,
        title: 'relative difference',
        scale: { type: 'log' as const, domain: [FLOOR, 1], nice: false },
        axis: { values: [1e-16, 1e-12, 1e-8, 1e-4, 1], format: '.0e' },
      },
      color: { field: 'comparison', type: 'nominal' as const, title: null, scale: { domain, range: keys.map((k) => style.colours[k]) }, legend: { orient: 'bottom' as const, direction: 'horizontal' as const, columns: 2 } },
      strokeDash: { field: 'comparison', type: 'nominal' as const, title: null, scale: { domain, range: keys.map((k) => style.dash[k]) } },
      ...(detail ? { detail: { field: detail } } : {}),
    },
  });
  return {
    vconcat: inits.map((init) => ({ hconcat: OPTIMISERS.map((optimiser) => panel(init, optimiser)) })),
    resolve: { scale: { color: 'shared' as const, strokeDash: 'shared' as const } },
  };
}

const INITS = ['standard', 'ordered'] as const;
const initTitle = (init: string) => (init === 'ordered' ? 'σ_w² = 1/n²' : 'σ_w² = 1');

export const unitsDifferences = defineFigure(changeOfUnitsRecord, {
  id: 'units-differences',
  title: 'How far apart the twins drift: matched, unmatched, and a one-rounding-error control',
  caption: (data) => {
    const n = Math.max(...ns(data));
    const two = Math.min(...ns(data));
    const exact = data.setups.filter((s) => s.n === two).every((s) => roleOf(s.comparisons, 'matched').largestParameterDifference === 0);
    return (
      `n = ${n}, float64: ‖θ′ − S·θ‖/‖S·θ‖ after each step, the rescaled network’s parameters θ′ against the tanh(${n}x) network’s θ mapped into the same units (S: ×${n} on the hidden layers) — log scale. ` +
      `Black: matched rates, starting from the rounding of fl(${n}·θ). Magenta dotted: the tanh(${n}x) network itself started one ulp away, the control. ` +
      `Grey dashed: half-matched (SGD η·n instead of η·n²; Adam α·n with ε unchanged instead of ε/n). Blue: η everywhere.` +
      (exact ? ` Not drawn: n = ${two}, where the matched runs are identical bit for bit at every step (a difference of exactly 0 has no place on a log axis).` : '')
    );
  },
  description: (data) => {
    const n = Math.max(...ns(data));
    return `Four log-scale line charts (rows: σ_w² = 1 and σ_w² = 1/n²; columns: SGD and Adam) of the relative parameter difference against step for n = ${n}. ${data.setups
      .filter((s) => s.n === n)
      .map((s) => {
        const m = roleOf(s.comparisons, 'matched');
        const c = roleOf(s.comparisons, 'control');
        const u = roleOf(s.comparisons, 'unmatched');
        return `${optimiserName(s.optimiser)}, ${initTitle(s.init)}: matched reaches ${sci(m.largestParameterDifference)}, control ${sci(c.largestParameterDifference)}, unmatched ${sci(u.largestParameterDifference)}`;
      })
      .join('; ')}.`;
  },
  spec: (data) => differencesSpec(differenceRows(data.setups, Math.max(...ns(data))).filter(drawn(3, 40)), INITS, initTitle, ['matched', 'control', 'partial', 'unmatched'], { labels: COMPARISON_LABELS, colours: COMPARISON_COLOURS, dash: COMPARISON_DASH }, 'role'),
  rows: (data) => ns(data).flatMap((n) => differenceRows(data.setups, n, true)),
});

// ---------------------------------------------------------------------------------------------
// The same comparison in float32 (TensorFlow.js), with the float64 matched pair for reference.

const FLOAT32_LABELS = {
  float64: 'float64, matched',
  matched: 'float32, matched',
  control: 'float32, one-ulp control',
  unmatched: 'float32, η everywhere',
} as const;
type Float32Key = keyof typeof FLOAT32_LABELS;
// As in the float64 figure: matched black, control in the colour of n = 3, unmatched blue; float32 matched dashed.
const FLOAT32_COLOURS: Record<Float32Key, string> = { float64: colours.ink, matched: colours.ink, control: colourForN(3), unmatched: colourForN(1) };
const FLOAT32_DASH: Record<Float32Key, number[]> = { float64: [1, 0], matched: [7, 3], control: [2, 3], unmatched: [1, 0] };

function float32Rows(data: UnitsFloat32, n: number | null, keepZeros = false): FigureRow[] {
  return data.setups
    .filter((s) => n === null || s.n === n)
    .flatMap((s) => {
      const series: Array<[Float32Key, readonly number[]]> = [
        ['float64', s.float64Matched],
        ...s.comparisons.map((c): [Float32Key, readonly number[]] => [c.role as Float32Key, c.parameterDifference]),
      ];
      return series.flatMap(([key, values]) =>
        values.flatMap((d, step) =>
          d > 0 || keepZeros
            ? [{ optimiser: optimiserName(s.optimiser), init: s.init, n: s.n, comparison: FLOAT32_LABELS[key], step, difference: keepZeros ? d : Math.max(d, FLOOR) }]
            : [],
        ),
      );
    });
}

export const unitsFloat32 = defineFigure(changeOfUnitsFloat32Record, {
  id: 'units-float32',
  title: 'The same twins in float32: larger rounding errors, amplified the same way',
  caption: (data) => {
    const n = Math.max(...data.setups.map((s) => s.n));
    return (
      `n = ${n}: relative parameter difference to the tanh(${n}x) network after each step (log scale) when the same runs are done in float32 with the site’s TensorFlow.js trainer. ` +
      `Black dashed: matched rates (for Adam the float32 optimiser has one ε, so the readout gets ε/n too). Magenta dotted: the tanh(${n}x) network started one float32 ulp away. Blue: η everywhere. ` +
      `Black solid: the float64 matched pair of figure “How far apart the twins drift”.`
    );
  },
  description: (data) => {
    const n = Math.max(...data.setups.map((s) => s.n));
    return `Four log-scale line charts (rows: σ_w² = 1 and σ_w² = 1/n²; columns: SGD and Adam) for n = ${n}. ${data.setups
      .filter((s) => s.n === n)
      .map((s) => `${optimiserName(s.optimiser)}, ${initTitle(s.init)}: float32 matched starts at ${sci(roleOf(s.comparisons, 'matched').parameterDifference[0]!)} and reaches ${sci(roleOf(s.comparisons, 'matched').largestParameterDifference)}, against ${sci(Math.max(...s.float64Matched))} in float64`)
      .join('; ')}.`;
  },
  spec: (data) => {
    const n = Math.max(...data.setups.map((s) => s.n));
    const values = float32Rows(data, n).filter(drawn(3, 40));
    const keys: Float32Key[] = ['float64', 'matched', 'control', 'unmatched'];
    return differencesSpec(values, INITS, initTitle, keys, { labels: FLOAT32_LABELS, colours: FLOAT32_COLOURS, dash: FLOAT32_DASH });
  },
  rows: (data) => float32Rows(data, null, true),
});
