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

export const gainTrajectories = defineFigure(oneWayStreetAnalysisRecord, {
  id: 'one-way-street-gain',
  title: 'How much gradient reaches the first layer, for every run over training',
  caption: (data) =>
    `The first layer’s gain G = ‖∂L/∂W_1‖ / ‖∂L/∂h_L‖ relative to a critical tanh network of the same depth at initialisation (log scale), every ${data.setup.checkpointEvery} steps, one line per run (${data.setup.seedsPerSetup} seeds per set-up), coloured by n. Shaded: the vanished (below ${data.thresholds.vanishedBelow}) and exploded (above ${data.thresholds.explodedAbove}) regions. Values beyond 10^${GAIN_AXIS[0]} and 10^${GAIN_AXIS[1]} are drawn at the edge.`,
  description: (data) => {
    const parts = distinct(data.runs.map((r) => r.sw2)).flatMap((sw2) =>
      data.setup.depths.map((depth) => {
        const runs = data.runs.filter((r) => r.sw2 === sw2 && r.depth === depth);
        const ended = (s: State) => runs.filter((r) => r.endState === s).length;
        return `σ_w² = ${sw2}, depth ${depth}: of ${runs.length} runs ${ended('healthy')} end healthy, ${ended('vanished')} vanished, ${ended('exploded')} exploded`;
      }),
    );
    return `Line charts of log10 relative gain against training step, one panel per σ_w² and depth, lines coloured by n. ${parts.join('; ')}.`;
  },
  spec: (data) => {
    const [lo, hi] = GAIN_AXIS;
    const clampLog = (x: number) => Math.min(hi, Math.max(lo, x));
    const points = data.runs.flatMap((r) =>
      r.checkpoints.map((k) => ({
        depth: r.depth,
        sw2: r.sw2,
        seed: r.seed,
        n: `n = ${r.n}`,
        step: k.step,
        // G = 0 is −∞ on this axis and an infinite G is +∞: both drawn at the edge they lie beyond.
        log10Gain: k.log10RelativeGain === null ? (k.state === 'vanished' ? lo : hi) : clampLog(k.log10RelativeGain),
      })),
    );
    const ns = distinct(data.runs.map((r) => r.n));
    const x = { field: 'step', type: 'quantitative' as const, title: 'training step', scale: { domain: [0, data.setup.steps], nice: false } };
    const y = { type: 'quantitative' as const, title: 'log10 G/G_ref', scale: { domain: [lo, hi], nice: false } };
    const logLow = Math.log10(data.thresholds.vanishedBelow);
    const logHigh = Math.log10(data.thresholds.explodedAbove);
    const panel = (sw2: number, depth: number) => ({
      width: 265,
      height: 120,
      title: { text: `σ_w² = ${sw2}, depth ${depth}`, fontSize: 16 },
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
          data: { values: points.filter((p) => p.sw2 === sw2 && p.depth === depth) },
          mark: { type: 'line' as const, strokeWidth: 1.5, opacity: 0.85 },
          encoding: {
            x,
            y: { ...y, field: 'log10Gain' },
            color: { field: 'n', type: 'nominal' as const, title: null, scale: nColourScale(ns) },
            detail: { field: 'seed' },
          },
        },
      ],
    });
    const sw2s = distinct(data.runs.map((r) => r.sw2));
    return {
      vconcat: sw2s.map((sw2) => ({ hconcat: data.setup.depths.map((depth) => panel(sw2, depth)) })),
      config: { legend: { orient: 'bottom', direction: 'horizontal' } },
    };
  },
  rows: (data) =>
    data.runs.flatMap((r) =>
      r.checkpoints.map((k) => ({ depth: r.depth, n: r.n, sw2: r.sw2, seed: r.seed, step: k.step, gain: k.gain, relativeGain: k.relativeGain, state: k.state })),
    ),
});

/** Consecutive checkpoints of a run in the same state, merged into one bar. */
export function stateSegments(run: Pick<Run, 'checkpoints'>, halfStep: number) {
  const segments: Array<{ state: State; from: number; to: number }> = [];
  for (const k of run.checkpoints) {
    const last = segments.at(-1);
    if (last && last.state === k.state) last.to = k.step + halfStep;
    else segments.push({ state: k.state, from: Math.max(0, k.step - halfStep), to: k.step + halfStep });
  }
  return segments;
}

export const stateTimeline = defineFigure(oneWayStreetAnalysisRecord, {
  id: 'one-way-street-states',
  title: 'The state of every run at every checkpoint',
  caption: (data) =>
    `Each thin bar is one training run (${data.setup.seedsPerSetup} seeds per set-up, depth ${data.setup.depths.join(' and ')}); its colour shows the state at each checkpoint, every ${data.setup.checkpointEvery} steps. Set-ups are labelled by n and σ_w², with n²σ_w², the weight variance of the plain tanh network each equals at initialisation, in brackets.`,
  description: (data) => {
    const setups = [...new Set([...data.runs].sort(byCoordinates).map((r) => `${r.depth}|${r.setup}`))];
    return `Timeline of states for ${data.runs.length} runs. ${setups
      .map((key) => {
        const [depth, setup] = key.split('|') as [string, string];
        const runs = data.runs.filter((r) => String(r.depth) === depth && r.setup === setup);
        const paths = runs.map((r) => stateSegments(r, 0).map((s) => s.state).join('→'));
        return `depth ${depth}, ${setup}: ${paths.join('; ')}`;
      })
      .join('. ')}.`;
  },
  spec: (data) => {
    const half = data.setup.checkpointEvery / 2;
    const sorted = [...data.runs].sort(byCoordinates);
    const setupName = (r: Run) => `${r.setup} (${fmt(r.effectiveSw2, r.effectiveSw2 < 1 ? 3 : 2).replace(/\.?0+$/, '')})`;
    const bars = sorted.flatMap((r) => stateSegments(r, half).map((s) => ({ ...s, depth: r.depth, setup: setupName(r), seed: `seed ${r.seed}` })));
    const panel = (depth: number) => {
      const order = [...new Set(sorted.filter((r) => r.depth === depth).map(setupName))];
      return {
        width: chartSize.width - 320,
        height: 16 * order.length,
        title: { text: `depth ${depth}`, fontSize: 16 },
        data: { values: bars.filter((b) => b.depth === depth) },
        mark: { type: 'bar' as const },
        encoding: {
          x: { field: 'from', type: 'quantitative' as const, title: 'training step', scale: { domain: [0, data.setup.steps + half], nice: false } },
          x2: { field: 'to' },
          y: { field: 'setup', type: 'nominal' as const, title: null, sort: order, scale: { paddingInner: 0.25 }, axis: { labelLimit: 400 } },
          yOffset: { field: 'seed', type: 'nominal' as const },
          color: { field: 'state', type: 'nominal' as const, title: 'state', scale: stateScale(data.states) },
        },
      };
    };
    return { vconcat: data.setup.depths.map(panel), config: { legend: { orient: 'bottom', direction: 'horizontal' } } };
  },
  rows: (data) =>
    [...data.runs]
      .sort(byCoordinates)
      .flatMap((r) => r.checkpoints.map((k) => ({ depth: r.depth, n: r.n, sw2: r.sw2, effectiveSw2: r.effectiveSw2, seed: r.seed, step: k.step, state: k.state }))),
});

const arrow = (from: State, to: State) => `${from} → ${to}`;

/** The transition sets the matrix figure draws: runs grouped by their phase at initialisation. */
const PHASE_SETS = ['ordered', 'critical', 'chaotic'] as const;
const phaseSetName = (name: string, data: Analysis) => {
  const phase = data.phases.find((p) => p.phase === name)!;
  return `${name} start (${phase.runs} runs)`;
};

export const transitionMatrix = defineFigure(oneWayStreetAnalysisRecord, {
  id: 'one-way-street-transitions',
  title: 'Estimated probabilities of moving between states from one checkpoint to the next',
  caption: (data) =>
    `Maximum-likelihood probability of each transition between consecutive checkpoints (${data.setup.checkpointEvery} steps apart), with ${Math.round(100 * data.confidence)}% Wilson intervals, for the runs that start ordered (n²σ_w² < 1), critical (= 1) and chaotic (> 1). Labels: transitions observed / all transitions out of that state; rows without a point had none.`,
  description: (data) =>
    PHASE_SETS.map((name) => {
      const t = data.transitions.find((x) => x.name === name)!;
      return `${phaseSetName(name, data)}: ${t.rows
        .map((row) =>
          row.total === 0
            ? `never in ${row.from}`
            : row.to.map((c) => `${arrow(row.from, c.state)} ${c.count}/${row.total} (${pct(c.probability!)}, ${pct(c.low!)} to ${pct(c.high!)})`).join(', '),
        )
        .join('; ')}`;
    }).join('. ') + '.',
  spec: (data) => {
    const sets = PHASE_SETS.map((name) => data.transitions.find((t) => t.name === name)!);
    const setNames = PHASE_SETS.map((name) => phaseSetName(name, data));
    const rows = sets.flatMap((t, i) =>
      t.rows.flatMap((row) =>
        row.to.map((c) => ({
          set: setNames[i]!,
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
    const colour = { field: 'to', type: 'nominal' as const, scale: stateScale(data.states), legend: null };
    const shape = {
      field: 'set',
      type: 'nominal' as const,
      title: null,
      scale: { domain: setNames, range: ['triangle-up', 'square', 'circle'] },
      legend: { direction: 'vertical' as const, orient: 'bottom' as const },
    };
    const panel = (from: State) => {
      const here = rows.filter((r) => r.from === from);
      const estimated = here.filter((r) => r.probability !== null);
      const targets = data.states.map((t) => `to ${t}`);
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
            mark: { type: 'text' as const, align: 'left' as const, baseline: 'middle' as const, fontSize: 12 },
            encoding: { y, yOffset, x: { datum: 1.04, type: 'quantitative' as const, scale: xScale }, text: { field: 'label' } },
          },
        ],
      };
    };
    return { vconcat: data.states.map(panel), config: { legend: { orient: 'bottom', direction: 'horizontal' } } };
  },
  rows: (data) =>
    data.transitions.flatMap((t) =>
      t.rows.flatMap((row) =>
        row.to.map((c) => ({ transitions: t.name, from: row.from, to: c.state, count: c.count, outOf: row.total, probability: c.probability, low: c.low, high: c.high }) as FigureRow),
      ),
    ),
});
