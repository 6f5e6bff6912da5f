/**
 * Figures of "Does training rescue it?": per-layer gradient norms of a few runs, the relative
 * first-layer gain of every run over training, the state of every run at every checkpoint, and
 * the estimated transition probabilities between the states.
 */
import type { DataOf } from '../records/contract.ts';
import oneWayStreetAnalysisRecord from '../records/contracts/one-way-street-analysis.ts';
import { chartSize, colours, nColourScale } from './theme';
import { defineFigure, type FigureRow } from './types';

type Analysis = DataOf<typeof oneWayStreetAnalysisRecord>;
type State = Analysis['states'][number];
type Run = Analysis['runs'][number];

/** The semantic colour of each state (theme.ts): healthy is the "good" green. */
const stateColour: Record<State, string> = { healthy: colours.good, vanished: colours.vanished, exploded: colours.exploding };
const stateScale = (states: readonly State[]) => ({ domain: [...states], range: states.map((s) => stateColour[s]) });

const fmt = (x: number, digits = 2) => x.toFixed(digits);
const pct = (x: number) => `${Math.round(100 * x)}%`;
const distinct = (xs: readonly number[]) => [...new Set(xs)].sort((a, b) => a - b);

/** Runs ordered as the figures list them: depth, then n, then σ_w², then seed. */
const byCoordinates = (a: Run, b: Run) => a.depth - b.depth || a.n - b.n || a.sw2 - b.sw2 || a.seed - b.seed;

/** Dash patterns of the checkpoints before the last, in order; the last checkpoint is solid. */
const STEP_DASHES: ReadonlyArray<number[]> = [[2, 3], [8, 4], [12, 3, 2, 3]];
const stepDash = (i: number, count: number) => (i === count - 1 ? [] : STEP_DASHES[Math.min(i, STEP_DASHES.length - 1)]!);

export const layerProfiles = defineFigure(oneWayStreetAnalysisRecord, {
  id: 'one-way-street-layers',
  title: 'Gradient norms through the layers during training, four runs',
  caption: (data) => {
    const steps = distinct(data.layerProfiles.map((p) => p.step));
    return `‖∂L/∂W_l‖ for every hidden layer l (log scale), measured in float64 on a fixed batch of ${data.setup.statisticsBatch} training images at steps ${steps.join(', ')} (line style) of four runs of depth ${distinct(data.layerProfiles.map((p) => p.depth)).join(' and ')}. Each line is coloured by the state of its checkpoint: healthy, vanished or exploded.`;
  },
  description: (data) => {
    const runs = [...new Set(data.layerProfiles.map((p) => p.label))];
    return `Four log-scale line charts of the weight-gradient norm against layer. ${runs
      .map((label) => {
        const rows = data.layerProfiles.filter((p) => p.label === label);
        const steps = distinct(rows.map((p) => p.step));
        return `${label}: ${steps
          .map((s) => {
            const at = rows.filter((p) => p.step === s);
            const first = at[0]!;
            return `step ${s} ${first.state}, first layer ${first.gradWNorm === null ? 'non-finite' : first.gradWNorm.toExponential(1)}, last ${at.at(-1)!.gradWNorm === null ? 'non-finite' : at.at(-1)!.gradWNorm!.toExponential(1)}`;
          })
          .join('; ')}`;
      })
      .join('. ')}.`;
  },
  spec: (data) => {
    const labels = [...new Set(data.layerProfiles.map((p) => p.label))];
    const steps = distinct(data.layerProfiles.map((p) => p.step));
    // A zero or non-finite norm has no place on a log axis; the description and CSV keep it.
    const values = data.layerProfiles.filter((p) => p.gradWNorm !== null && p.gradWNorm > 0).map((p) => ({ ...p, stepLabel: `step ${p.step}` }));
    const panel = (label: string) => {
      const first = data.layerProfiles.find((p) => p.label === label)!;
      return {
        width: 235,
        height: 170,
        title: { text: `n = ${first.n}, σ_w² = ${first.sw2}`, fontSize: 16 },
        data: { values: values.filter((v) => v.label === label) },
        mark: { type: 'line' as const, strokeWidth: 2 },
        encoding: {
          x: { field: 'layer', type: 'quantitative' as const, title: 'layer l', scale: { domain: [1, first.depth], nice: false } },
          y: { field: 'gradWNorm', type: 'quantitative' as const, title: '‖∂L/∂W_l‖', scale: { type: 'log' as const }, axis: { format: '.0e', tickCount: 5 } },
          color: { field: 'state', type: 'nominal' as const, title: 'state', scale: stateScale(data.states) },
          strokeDash: {
            field: 'stepLabel',
            type: 'nominal' as const,
            title: 'checkpoint',
            scale: { domain: steps.map((s) => `step ${s}`), range: steps.map((_, i) => stepDash(i, steps.length)) },
          },
          detail: { field: 'step' },
        },
      };
    };
    return {
      concat: labels.map(panel),
      columns: 2,
      resolve: { scale: { y: 'shared' } },
      config: { legend: { orient: 'bottom', direction: 'vertical' } },
    };
  },
  rows: (data) =>
    data.layerProfiles.map((p) => ({ run: p.label, step: p.step, state: p.state, layer: p.layer, gradWNorm: p.gradWNorm, gradHNorm: p.gradHNorm })),
});

/** log10 of the relative gain drawn for every run; values beyond the axis are clamped to its ends. */
const GAIN_AXIS: [number, number] = [-12, 8];

type Persistent = Analysis['persistent'];
type PersistentRun = Persistent['runs'][number];
type PersistentState = PersistentRun['path'][number];
const PERSISTENT_STATES: readonly PersistentState[] = ['healthy', 'stalled', 'vanished', 'exploded'];
const persistentColour: Record<PersistentState, string> = { ...stateColour, stalled: colours.stalled };
const persistentScale = { domain: [...PERSISTENT_STATES], range: PERSISTENT_STATES.map((s) => persistentColour[s]) };
const byRunCoordinates = (a: PersistentRun, b: PersistentRun) => a.depth - b.depth || a.n - b.n || a.sw2 - b.sw2 || a.seed - b.seed;

/** The main sweep's runs and the per-pixel sensitivity check's, labelled by panel. */
function persistentPanels(data: Analysis) {
  return [
    ...data.setup.depths.map((depth) => ({ name: `depth ${depth}`, runs: data.persistent.runs.filter((r) => r.depth === depth) })),
    ...distinct(data.perPixel.runs.map((r) => r.depth)).map((depth) => ({
      name: `depth ${depth}, per-pixel inputs`,
      runs: data.perPixel.runs.filter((r) => r.depth === depth),
    })),
  ];
}

export const gainTrajectories = defineFigure(oneWayStreetAnalysisRecord, {
  id: 'one-way-street-gain',
  title: 'How much gradient reaches the first layer, for every run over training',
  caption: (data) =>
    `The first layer’s gain G = ‖∂L/∂W_1‖ / ‖∂L/∂h_L‖ relative to a critical tanh network of the same depth at initialisation (log scale), every ${data.setup.checkpointEvery} steps: the median over ${data.setup.statisticsBatches} fixed batches of ${data.setup.statisticsBatch} training images (line) and their range (band), one line per run (${data.setup.seedsPerSetup} seeds per set-up), coloured by n. Shaded: the vanished (below ${data.thresholds.vanishedBelow}) and exploded (above ${data.thresholds.explodedAbove}) regions. Values beyond 10^${GAIN_AXIS[0]} and 10^${GAIN_AXIS[1]} are drawn at the edge.`,
  description: (data) =>
    `Line charts of log10 relative gain against training step, one panel per depth, lines coloured by n. ${data.setup.depths
      .map((depth) => {
        const runs = data.persistent.runs.filter((r) => r.depth === depth);
        const ended = (s: PersistentState) => runs.filter((r) => r.path.at(-1) === s).length;
        return `Depth ${depth}: of ${runs.length} runs ${ended('healthy')} end healthy, ${ended('stalled')} stalled, ${ended('vanished')} vanished, ${ended('exploded')} exploded`;
      })
      .join('; ')}.`,
  spec: (data) => {
    const [lo, hi] = GAIN_AXIS;
    const log = (x: number | null, raw: PersistentState) => (x === null ? (raw === 'vanished' ? lo : hi) : x <= 0 ? lo : Math.min(hi, Math.max(lo, Math.log10(x))));
    const points = data.persistent.runs.flatMap((r) =>
      r.checkpoints.map((k) => ({
        depth: r.depth,
        seed: r.seed,
        n: `n = ${r.n}`,
        step: k.step,
        log10Gain: log(k.relativeGain, k.raw),
        log10Min: log(k.relativeGainMin, k.raw),
        log10Max: log(k.relativeGainMax, k.raw),
      })),
    );
    const ns = distinct(data.persistent.runs.map((r) => r.n));
    const x = { field: 'step', type: 'quantitative' as const, title: 'training step', scale: { domain: [0, data.setup.steps], nice: false } };
    const y = { type: 'quantitative' as const, title: 'log10 G/G_ref', scale: { domain: [lo, hi], nice: false } };
    const logLow = Math.log10(data.thresholds.vanishedBelow);
    const logHigh = Math.log10(data.thresholds.explodedAbove);
    const colour = { field: 'n', type: 'nominal' as const, title: null, scale: nColourScale(ns) };
    const panel = (depth: number) => ({
      width: 265,
      height: 220,
      title: { text: `depth ${depth}`, fontSize: 16 },
      layer: [
        ...[
          { from: lo, to: logLow, colour: colours.vanished },
          { from: logHigh, to: hi, colour: colours.exploding },
        ].map((band) => ({
          data: { values: [band] },
          mark: { type: 'rect' as const, opacity: 0.12, color: band.colour },
          encoding: { y: { ...y, field: 'from' }, y2: { field: 'to' } },
        })),
        {
          data: { values: points.filter((p) => p.depth === depth) },
          mark: { type: 'area' as const, opacity: 0.18 },
          encoding: { x, y: { ...y, field: 'log10Min' }, y2: { field: 'log10Max' }, color: colour, detail: { field: 'seed' } },
        },
        {
          data: { values: points.filter((p) => p.depth === depth) },
          mark: { type: 'line' as const, strokeWidth: 1.5, opacity: 0.9 },
          encoding: { x, y: { ...y, field: 'log10Gain' }, color: colour, detail: { field: 'seed' } },
        },
      ],
    });
    return { hconcat: data.setup.depths.map(panel), config: { legend: { orient: 'bottom', direction: 'horizontal' } } };
  },
  rows: (data) =>
    data.persistent.runs.flatMap((r) =>
      r.checkpoints.map((k) => ({
        depth: r.depth,
        n: r.n,
        sw2: r.sw2,
        seed: r.seed,
        step: k.step,
        relativeGainMedian: k.relativeGain,
        relativeGainMin: k.relativeGainMin,
        relativeGainMax: k.relativeGainMax,
        testAccuracy: k.testAccuracy,
        learning: k.learning,
        state: k.raw,
      })),
    ),
});

/** Consecutive checkpoints of a run in the same persistent state, merged into one bar. */
export function stateSegments(run: Pick<PersistentRun, 'checkpoints' | 'path'>, halfStep: number) {
  const segments: Array<{ state: PersistentState; from: number; to: number }> = [];
  run.checkpoints.forEach((k, i) => {
    const state = run.path[i]!;
    const last = segments.at(-1);
    if (last && last.state === state) last.to = k.step + halfStep;
    else segments.push({ state, from: Math.max(0, k.step - halfStep), to: k.step + halfStep });
  });
  return segments;
}

const runSetup = (r: PersistentRun) => `n = ${r.n}`;

export const stateTimeline = defineFigure(oneWayStreetAnalysisRecord, {
  id: 'one-way-street-states',
  title: 'The state of every run at every checkpoint',
  caption: (data) =>
    `Each thin bar is one training run (${data.setup.seedsPerSetup} seeds per set-up, σ_w² = ${data.setup.sw2s.join(', ')}); its colour shows the state at each checkpoint, every ${data.setup.checkpointEvery} steps, once it has held for ${data.persistent.k} consecutive checkpoints (until then the previous state is kept). Stalled: a gradient of healthy size in a run that is not learning. The last panel repeats depth 50 with per-pixel input standardisation.`,
  description: (data) =>
    `Timeline of states. ${persistentPanels(data)
      .map(({ name, runs }) =>
        `${name}: ${[...runs]
          .sort(byRunCoordinates)
          .map((r) => `${runSetup(r)} seed ${r.seed} ${stateSegments(r, 0).map((s) => s.state).join('→')}`)
          .join('; ')}`,
      )
      .join('. ')}.`,
  spec: (data) => {
    const half = data.setup.checkpointEvery / 2;
    const panels = persistentPanels(data);
    const panel = ({ name, runs }: { name: string; runs: PersistentRun[] }) => {
      const sorted = [...runs].sort(byRunCoordinates);
      const order = [...new Set(sorted.map(runSetup))];
      return {
        width: chartSize.width - 200,
        height: 18 * order.length,
        title: { text: name, fontSize: 16 },
        data: { values: sorted.flatMap((r) => stateSegments(r, half).map((s) => ({ ...s, setup: runSetup(r), seed: `seed ${r.seed}` }))) },
        mark: { type: 'bar' as const },
        encoding: {
          x: { field: 'from', type: 'quantitative' as const, title: 'training step', scale: { domain: [0, data.setup.steps + half], nice: false } },
          x2: { field: 'to' },
          y: { field: 'setup', type: 'nominal' as const, title: null, sort: order, scale: { paddingInner: 0.25 }, axis: { labelLimit: 400 } },
          yOffset: { field: 'seed', type: 'nominal' as const },
          color: { field: 'state', type: 'nominal' as const, title: 'state', scale: persistentScale },
        },
      };
    };
    return { vconcat: panels.map(panel), config: { legend: { orient: 'bottom', direction: 'horizontal' } } };
  },
  rows: (data) =>
    persistentPanels(data).flatMap(({ name, runs }) =>
      [...runs].sort(byRunCoordinates).flatMap((r) =>
        r.checkpoints.map((k, i) => ({ panel: name, depth: r.depth, n: r.n, sw2: r.sw2, seed: r.seed, step: k.step, state: r.path[i]!, raw: k.raw, testAccuracy: k.testAccuracy })),
      ),
    ),
});

const arrow = (from: string, to: string) => `${from} → ${to}`;

/** The two transition sets: the main sweep and the per-pixel sensitivity check. */
const transitionSets = (data: Analysis) => [
  { name: `global inputs (${data.persistent.runs.length} runs)`, rows: data.persistent.transitions },
  { name: `per-pixel inputs (${data.perPixel.runs.length} runs)`, rows: data.perPixel.transitions },
];

export const transitionMatrix = defineFigure(oneWayStreetAnalysisRecord, {
  id: 'one-way-street-transitions',
  title: 'Estimated probabilities of moving between persistent states from one checkpoint to the next',
  caption: (data) =>
    `Maximum-likelihood probability of each transition between consecutive checkpoints (${data.setup.checkpointEvery} steps apart) of the persistent states, with ${Math.round(100 * data.confidence)}% Wilson intervals, for the main sweep (globally standardised inputs) and the per-pixel sensitivity check. Labels: transitions observed / all transitions out of that state; rows without a point had none.`,
  description: (data) =>
    transitionSets(data)
      .map(
        (set) =>
          `${set.name}: ${set.rows
            .map((row) =>
              row.total === 0
                ? `never in ${row.from}`
                : row.to.map((c) => `${arrow(row.from, c.state)} ${c.count}/${row.total} (${pct(c.probability!)}, ${pct(c.low!)} to ${pct(c.high!)})`).join(', '),
            )
            .join('; ')}`,
      )
      .join('. ') + '.',
  spec: (data) => {
    const sets = transitionSets(data);
    const setNames = sets.map((s) => s.name);
    const rows = sets.flatMap((set) =>
      set.rows.flatMap((row) =>
        row.to.map((c) => ({
          set: set.name,
          from: row.from,
          to: c.state,
          target: `to ${c.state}`,
          probability: c.probability,
          low: c.low,
          high: c.high,
          label: row.total === 0 ? '–' : `${c.count}/${row.total}`,
        })),
      ),
    );
    const xScale = { domain: [0, 1.3], nice: false };
    const x = { type: 'quantitative' as const, title: 'probability', scale: xScale, axis: { values: [0, 0.25, 0.5, 0.75, 1], format: '.2f' } };
    const colour = { field: 'to', type: 'nominal' as const, scale: persistentScale, legend: null };
    const shape = {
      field: 'set',
      type: 'nominal' as const,
      title: null,
      scale: { domain: setNames, range: ['circle', 'triangle-up'] },
      legend: { direction: 'vertical' as const, orient: 'bottom' as const },
    };
    const panel = (from: PersistentState) => {
      const here = rows.filter((r) => r.from === from);
      const estimated = here.filter((r) => r.probability !== null);
      const targets = PERSISTENT_STATES.map((t) => `to ${t}`);
      const y = { field: 'target', type: 'nominal' as const, title: null, sort: targets, scale: { domain: targets, paddingInner: 0.25 } };
      const yOffset = { field: 'set', type: 'nominal' as const, scale: { domain: setNames } };
      return {
        width: chartSize.width - 170,
        height: 150,
        title: { text: `from ${from}`, fontSize: 16 },
        layer: [
          {
            data: { values: estimated },
            mark: { type: 'rule' as const, strokeWidth: 2 },
            encoding: { y, yOffset, x: { ...x, field: 'low' }, x2: { field: 'high' }, color: colour },
          },
          {
            data: { values: estimated },
            mark: { type: 'point' as const, filled: true, size: 70 },
            encoding: { y, yOffset, x: { ...x, field: 'probability' }, shape, color: colour },
          },
          {
            data: { values: here },
            mark: { type: 'text' as const, align: 'left' as const, baseline: 'middle' as const, fontSize: 16 },
            encoding: { y, yOffset, x: { datum: 1.04, type: 'quantitative' as const, scale: xScale }, text: { field: 'label' } },
          },
        ],
      };
    };
    return { vconcat: PERSISTENT_STATES.map(panel), config: { legend: { orient: 'bottom', direction: 'horizontal' } } };
  },
  rows: (data) =>
    transitionSets(data).flatMap((set) =>
      set.rows.flatMap((row) =>
        row.to.map((c) => ({ inputs: set.name, from: row.from, to: c.state, count: c.count, outOf: row.total, probability: c.probability, low: c.low, high: c.high }) as FigureRow),
      ),
    ),
});
