/**
 * The training lab (/lab/): settings, Train / Pause / Resume / Reset, and three small charts drawn
 * from what the Web Worker (src/lib/lab/worker.ts) reports — loss and accuracy against step, the
 * per-layer gradient norms ‖∂L/∂h_l‖ against layer with the mean-field √χ1-per-layer prediction,
 * and, with the twin, how far the rescaled plain-tanh network is from the tanh(n·x) one.
 *
 * The island ships only this file, config.ts and plot.ts; the worker and its math load when the
 * reader presses Train. Server-rendered with the state at step 0 of the default preset (computed
 * at build by lab/Lab.astro with the same code the worker runs), so the page is complete without
 * JavaScript. Every plotted line carries the values it was drawn from (`data-values`).
 */
// A class component: the hooks module would add ~1.1 KB gzipped to the page's JavaScript.
import { Component } from 'preact';
import {
  DEFAULT_CONFIG,
  INTEGER_SETTINGS,
  LIMITS,
  PRESETS,
  configProblems,
  type LabConfig,
  type NumericSetting,
} from '../../lib/lab/config';
import type { FromWorker, TestMetrics, ToWorker } from '../../lib/lab/protocol';
import {
  PLOT,
  type Axis,
  formatValue,
  linePath,
  linearTicks,
  logDomain,
  logTicks,
  scaleOf,
  thinnedIndices,
  tickLabel,
  xRange,
  yRange,
} from './lab/plot';

export interface LabInitial {
  config: LabConfig;
  chi1: number;
  initialNorms: number[];
  predictedNorms: number[];
}

export interface LabProps {
  initial: LabInitial;
  /** URL of the MNIST subset (under the site's base path). */
  mnistUrl: string;
  /** The site's base path, for the presets' figure links. */
  base: string;
}

type Status = 'idle' | 'loading' | 'running' | 'paused' | 'finished' | 'diverged' | 'error';

interface Run {
  chi1: number;
  initialNorms: number[];
  predictedNorms: number[];
  losses: number[];
  accuracies: number[];
  twinDifferences: number[];
  tests: TestMetrics[];
  gradients: { step: number; norms: number[] } | null;
  stepsPerSecond: number | null;
  fetchedBytes: number;
  /** The settings this run was started with (the form may have changed since). */
  config: LabConfig;
}

interface State {
  config: LabConfig;
  preset: string;
  status: Status;
  message: string;
  /** The live region's text: changes on status changes and every LIVE_EVERY steps. */
  live: string;
  run: Run;
  hydrated: boolean;
}

const ID = 'lab';
const LIVE_EVERY = 100;

const STATUS_TEXT: Record<Status, string> = {
  idle: 'Not started: the charts show step 0 of these settings.',
  loading: 'Loading the trainer…',
  running: 'Training…',
  paused: 'Paused.',
  finished: 'Finished.',
  diverged: 'Stopped: the loss is no longer finite (the run diverged).',
  error: 'Error.',
};

const LABELS: Record<NumericSetting, string> = {
  n: 'n of tanh(n·x)',
  depth: 'Depth (hidden layers)',
  width: 'Width (units per layer)',
  sw2: 'σ_w² (weight variance × fan-in)',
  sb2: 'σ_b² (bias variance)',
  lr: 'Learning rate',
  batchSize: 'Batch size',
  seed: 'Seed',
  steps: 'Steps',
};

function emptyRun(initial: LabInitial): Run {
  return {
    chi1: initial.chi1,
    initialNorms: initial.initialNorms,
    predictedNorms: initial.predictedNorms,
    losses: [],
    accuracies: [],
    twinDifferences: [],
    tests: [],
    gradients: null,
    stepsPerSecond: null,
    fetchedBytes: 0,
    config: initial.config,
  };
}

const sameConfig = (a: LabConfig, b: LabConfig) => (Object.keys(a) as (keyof LabConfig)[]).every((k) => a[k] === b[k]);

function presetOf(config: LabConfig): string {
  return PRESETS.find((p) => sameConfig(p.config, config))?.id ?? 'custom';
}

interface Series {
  name: string;
  className: string;
  points: [number, number][];
  /** Draw as dots rather than a line. */
  dots?: boolean;
}

function Chart(props: { id: string; title: string; x: Axis; y: Axis; xTitle: string; yTitle: string; series: Series[]; label: string }) {
  const [x0, x1] = xRange();
  const [y0, y1] = yRange();
  const x = scaleOf(props.x, x0, x1);
  const y = scaleOf(props.y, y0, y1);
  const yTicks = props.y.log ? logTicks(props.y.domain) : linearTicks(props.y.domain, 4);
  const xTicks = linearTicks(props.x.domain, 5);
  return (
    <figure class="lab-chart">
      <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
      <svg class="lab-plot" id={props.id} viewBox={`0 0 ${PLOT.width} ${PLOT.height}`} role="img" aria-label={props.label}>
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line class="lab-grid" x1={x0} x2={x1} y1={y(t)} y2={y(t)} />
            <text x={x0 - 5} y={y(t) + 4} text-anchor="end">
              {tickLabel(t, props.y.log)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} x={x(t)} y={y0 + 15} text-anchor="middle">
            {tickLabel(t, false)}
          </text>
        ))}
        <line class="lab-axis" x1={x0} x2={x1} y1={y0} y2={y0} />
        <line class="lab-axis" x1={x0} x2={x0} y1={y0} y2={y1} />
        <text x={(x0 + x1) / 2} y={PLOT.height - 3} text-anchor="middle">
          {props.xTitle}
        </text>
        <text transform={`translate(11 ${(y0 + y1) / 2}) rotate(-90)`} text-anchor="middle">
          {props.yTitle}
        </text>
        {props.series.map((s) =>
          s.dots ? (
            <g key={s.name} class={s.className} data-series={s.name} data-values={s.points.map((p) => p.join(':')).join(' ')}>
              {s.points
                .filter(([, v]) => Number.isFinite(v) && (!props.y.log || v > 0))
                .map(([px, py]) => (
                  <circle key={px} cx={x(px).toFixed(1)} cy={y(py).toFixed(1)} r={3} />
                ))}
            </g>
          ) : (
            <path
              key={s.name}
              class={s.className}
              data-series={s.name}
              data-values={s.points.map((p) => p.join(':')).join(' ')}
              d={linePath(s.points, x, y, props.y.log)}
            />
          ),
        )}
      </svg>
    </figure>
  );
}

export default class Lab extends Component<LabProps, State> {
  state: State = {
    config: this.props.initial.config,
    preset: presetOf(this.props.initial.config),
    status: 'idle',
    message: '',
    live: '',
    run: emptyRun(this.props.initial),
    hydrated: false,
  };
  private worker: Worker | null = null;
  private runId = 0;

  componentDidMount() {
    this.setState({ hydrated: true });
  }

  componentWillUnmount() {
    this.worker?.terminate();
  }

  private send(message: ToWorker) {
    this.worker?.postMessage(message);
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('../../lib/lab/worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
      this.worker.onerror = (event) => this.setState({ status: 'error', message: event.message || 'the worker failed', live: 'Error: the worker failed.' });
    }
    return this.worker;
  }

  private receive(message: FromWorker) {
    if (message.run !== this.runId) return; // a run that was reset or replaced
    if (message.type === 'ready') {
      this.setState({
        status: 'running',
        live: `Training started: ${message.description}`,
        run: {
          ...this.state.run,
          chi1: message.chi1,
          initialNorms: message.initialNorms,
          predictedNorms: message.predictedNorms,
          fetchedBytes: message.fetchedBytes,
        },
      });
    } else if (message.type === 'progress') {
      const run = this.state.run;
      const losses = run.losses.concat(message.losses);
      const before = Math.floor(run.losses.length / LIVE_EVERY);
      const after = Math.floor(losses.length / LIVE_EVERY);
      const next: Run = {
        ...run,
        losses,
        accuracies: run.accuracies.concat(message.accuracies),
        twinDifferences: message.twinDifferences ? run.twinDifferences.concat(message.twinDifferences) : run.twinDifferences,
        tests: run.tests.concat(message.tests),
        gradients: message.gradients,
        stepsPerSecond: message.stepsPerSecond,
      };
      this.setState({ run: next, ...(after > before ? { live: this.summary(next) } : {}) });
    } else if (message.type === 'stopped') {
      this.setState({ status: message.reason, live: `${STATUS_TEXT[message.reason]} ${this.summary(this.state.run)}` });
    } else {
      this.setState({ status: 'error', message: message.message, live: `Error: ${message.message}` });
    }
  }

  private summary(run: Run): string {
    const steps = run.losses.length;
    if (steps === 0) return '';
    const test = run.tests.at(-1);
    return (
      `Step ${steps} of ${run.config.steps}: batch loss ${formatValue(run.losses[steps - 1]!)}` +
      (test ? `, test accuracy ${(100 * test.accuracy).toFixed(1)}% at step ${test.step}` : '') +
      '.'
    );
  }

  private train = () => {
    const config = this.state.config;
    const problems = configProblems(config);
    if (problems.length > 0) {
      this.setState({ status: 'error', message: problems.join('; '), live: `Cannot train: ${problems.join('; ')}` });
      return;
    }
    this.ensureWorker();
    this.runId++;
    this.setState({
      status: 'loading',
      message: '',
      live: config.task === 'mnist' ? 'Loading the trainer and the MNIST subset…' : 'Loading the trainer…',
      run: { ...emptyRun(this.props.initial), config, initialNorms: [], predictedNorms: [] },
    });
    // Run ids count in step with the worker's: each start (and reset) advances both by one.
    this.send({ type: 'start', config, mnistUrl: this.props.mnistUrl });
  };

  private pauseOrResume = () => {
    if (this.state.status === 'running') this.send({ type: 'pause' });
    else if (this.state.status === 'paused') {
      this.send({ type: 'resume' });
      this.setState({ status: 'running', live: 'Resumed.' });
    }
  };

  private reset = () => {
    if (this.worker) {
      this.send({ type: 'reset' });
      this.runId++;
    }
    // Back to step 0 of the last run's settings (its step-0 gradients and prediction stay drawn).
    const { chi1, initialNorms, predictedNorms, config } = this.state.run;
    this.setState({ status: 'idle', message: '', live: 'Reset.', run: { ...emptyRun(this.props.initial), chi1, initialNorms, predictedNorms, config } });
  };

  private setConfig(change: Partial<LabConfig>) {
    const config = { ...this.state.config, ...change };
    this.setState({ config, preset: presetOf(config) });
  }

  private numberInput(key: NumericSetting) {
    const limits = LIMITS[key];
    const value = this.state.config[key];
    return (
      <div class="lab-field" key={key}>
        <label for={`${ID}-${key}`}>{LABELS[key]}</label>
        <input
          id={`${ID}-${key}`}
          type="number"
          inputMode={INTEGER_SETTINGS.includes(key) ? 'numeric' : 'decimal'}
          min={limits.min}
          max={limits.max}
          step={limits.step}
          value={value}
          disabled={!this.state.hydrated}
          onChange={(e) => {
            const v = e.currentTarget.valueAsNumber;
            if (Number.isFinite(v)) this.setConfig({ [key]: v } as Partial<LabConfig>);
          }}
        />
      </div>
    );
  }

  render() {
    const { config, status, run, hydrated } = this.state;
    const preset = PRESETS.find((p) => p.id === this.state.preset);
    const shown = run.config;
    const steps = run.losses.length;
    const busy = status === 'loading' || status === 'running';

    // Loss and accuracy against step.
    const stepDomain: [number, number] = [0, Math.max(shown.steps, 10)];
    const lossIdx = thinnedIndices(steps);
    const lossSeries: Series[] = [
      { name: 'batch-loss', className: 'lab-line lab-loss', points: lossIdx.map((i) => [i, run.losses[i]!]) },
      { name: 'test-loss', className: 'lab-dots lab-test', points: run.tests.map((t) => [t.step, t.loss]), dots: true },
    ];
    const lossAxis: Axis = { domain: logDomain([...run.losses, ...run.tests.map((t) => t.loss)]), log: true };
    const accSeries: Series[] = [
      { name: 'batch-accuracy', className: 'lab-line lab-accuracy', points: lossIdx.map((i) => [i, run.accuracies[i]!]) },
      { name: 'test-accuracy', className: 'lab-dots lab-test', points: run.tests.map((t) => [t.step, t.accuracy]), dots: true },
    ];

    // Gradient norms against layer.
    const layerPoints = (values: number[]) => values.map((v, i) => [i + 1, v] as [number, number]);
    const gradSeries: Series[] = [
      { name: 'predicted', className: 'lab-line lab-predicted', points: layerPoints(run.predictedNorms) },
      { name: 'initial', className: 'lab-line lab-initial', points: layerPoints(run.initialNorms) },
    ];
    if (run.gradients) gradSeries.push({ name: 'current', className: 'lab-line lab-current', points: layerPoints(run.gradients.norms) });
    const gradAxis: Axis = { domain: logDomain(gradSeries.flatMap((s) => s.points.map((p) => p[1]))), log: true };

    // The twin's distance.
    const diffIdx = thinnedIndices(run.twinDifferences.length);
    const floor = 1e-17; // below double rounding of a relative difference: drawn as "identical"
    const diffSeries: Series[] = [
      {
        name: 'twin-difference',
        className: 'lab-line lab-twin',
        points: diffIdx.map((i) => [i + 1, Math.max(run.twinDifferences[i]!, floor)]),
      },
    ];
    const maxDiff = run.twinDifferences.reduce((m, v) => (v > m || Number.isNaN(v) ? v : m), 0);

    const test = run.tests.at(-1);
    const last = steps > 0 ? run.losses[steps - 1]! : null;
    const gradStep = run.gradients ? `after ${run.gradients.step} steps` : 'at step 0';

    return (
      <div class="lab" data-status={status} data-steps={String(steps)}>
        <form
          class="lab-settings"
          onSubmit={(e) => {
            e.preventDefault();
            this.train();
          }}
        >
          <div class="lab-field lab-preset">
            <label for={`${ID}-preset`}>Preset</label>
            <select
              id={`${ID}-preset`}
              value={this.state.preset}
              disabled={!hydrated}
              onChange={(e) => {
                const chosen = PRESETS.find((p) => p.id === e.currentTarget.value);
                if (chosen) this.setState({ config: { ...chosen.config }, preset: chosen.id });
              }}
            >
              {PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
              <option value="custom">Custom settings</option>
            </select>
            <p class="lab-preset-about" data-readout="preset-about">
              {preset ? (
                <>
                  {preset.about} Repeats: <a href={`${this.props.base}${preset.figure.page}#${preset.figure.anchor}`}>{preset.figure.title}</a>.
                </>
              ) : (
                'Your own settings.'
              )}
            </p>
          </div>
          <div class="lab-field">
            <label for={`${ID}-task`}>Task</label>
            <select
              id={`${ID}-task`}
              value={config.task}
              disabled={!hydrated}
              onChange={(e) => this.setConfig({ task: e.currentTarget.value as LabConfig['task'] })}
            >
              <option value="teacher-student">Teacher–student (16 inputs, 4 classes; no download)</option>
              <option value="mnist">MNIST subset (2,000 images; a 0.4 MB download)</option>
            </select>
          </div>
          <div class="lab-field">
            <label for={`${ID}-optimiser`}>Optimiser</label>
            <select
              id={`${ID}-optimiser`}
              value={config.optimiser}
              disabled={!hydrated}
              onChange={(e) => this.setConfig({ optimiser: e.currentTarget.value as LabConfig['optimiser'] })}
            >
              <option value="sgd">SGD</option>
              <option value="adam">Adam (β₁ = 0.9, β₂ = 0.999, ε = 1e-8)</option>
            </select>
          </div>
          {(['n', 'depth', 'width', 'sw2', 'sb2', 'lr', 'batchSize', 'seed', 'steps'] as const).map((key) => this.numberInput(key))}
          <div class="lab-field lab-check">
            <input
              id={`${ID}-twin`}
              type="checkbox"
              checked={config.twin}
              disabled={!hydrated}
              onChange={(e) => this.setConfig({ twin: e.currentTarget.checked })}
            />
            <label for={`${ID}-twin`}>
              Twin: also train the plain tanh network with hidden weights and biases ×n (hidden learning rate ×n² for SGD; ×n
              with ε/n for Adam) on the same batches
            </label>
          </div>
          <div class="lab-buttons">
            <button type="submit" disabled={!hydrated || status === 'loading'}>
              {status === 'idle' ? 'Train' : 'Train again'}
            </button>
            <button type="button" disabled={!hydrated || (status !== 'running' && status !== 'paused')} onClick={this.pauseOrResume}>
              {status === 'paused' ? 'Resume' : 'Pause'}
            </button>
            <button type="button" disabled={!hydrated || status === 'idle'} onClick={this.reset}>
              Reset
            </button>
          </div>
        </form>

        <div class="lab-results">
          <p class="lab-status" role="status" aria-live="polite" aria-atomic="true" data-readout="live">
            {this.state.live}
          </p>
          <dl class="lab-readouts">
            <dt>Status</dt>
            <dd data-readout="status">
              {STATUS_TEXT[status]}
              {this.state.message ? ` ${this.state.message}` : ''}
            </dd>
            <dt>Steps</dt>
            <dd data-readout="steps">
              {steps} of {shown.steps}
            </dd>
            <dt>Batch loss</dt>
            <dd data-readout="loss">{last === null ? '–' : formatValue(last)}</dd>
            <dt>Test accuracy</dt>
            <dd data-readout="test-accuracy">{test ? `${(100 * test.accuracy).toFixed(1)}% (step ${test.step})` : '–'}</dd>
            <dt>
              χ<sub>1</sub> at initialisation
            </dt>
            <dd data-readout="chi1">{formatValue(run.chi1)}</dd>
            <dt>Speed</dt>
            <dd data-readout="speed">{run.stepsPerSecond === null ? '–' : `${run.stepsPerSecond.toFixed(1)} steps/s`}</dd>
            {shown.twin && (
              <>
                <dt>Twin, largest difference</dt>
                <dd data-readout="twin-max">{run.twinDifferences.length ? formatValue(maxDiff) : '–'}</dd>
              </>
            )}
          </dl>
          <Chart
            id={`${ID}-gradients`}
            title={`Gradient norm ‖∂L/∂h_l‖ by layer, ${gradStep} (log scale)`}
            x={{ domain: [1, Math.max(shown.depth, 2)], log: false }}
            y={gradAxis}
            xTitle="layer l (1 = next to the input)"
            yTitle="‖∂L/∂h_l‖"
            series={gradSeries}
            label={`Gradient norms by layer ${gradStep}, with the mean-field prediction √χ1 per layer (χ1 = ${formatValue(run.chi1)}) for step 0, on a log scale.`}
          />
          <p class="lab-legend">
            <span class="lab-key lab-key-current">current</span> <span class="lab-key lab-key-initial">step 0</span>{' '}
            <span class="lab-key lab-key-predicted">mean-field prediction at step 0: ×√χ1 per layer towards the input</span>
          </p>
          <Chart
            id={`${ID}-loss`}
            title="Loss against step (log scale)"
            x={{ domain: stepDomain, log: false }}
            y={lossAxis}
            xTitle="step"
            yTitle="loss"
            series={lossSeries}
            label={`Loss against step: ${steps} steps${last === null ? '' : `, last batch loss ${formatValue(last)}`}.`}
          />
          <Chart
            id={`${ID}-accuracy`}
            title="Accuracy against step"
            x={{ domain: stepDomain, log: false }}
            y={{ domain: [0, 1], log: false }}
            xTitle="step"
            yTitle="accuracy"
            series={accSeries}
            label={`Accuracy against step${test ? `: test accuracy ${(100 * test.accuracy).toFixed(1)}% at step ${test.step}` : ''}.`}
          />
          <p class="lab-legend">
            Line: the training batch; dots: the test set (every 50 steps).
          </p>
          {shown.twin && (
            <Chart
              id={`${ID}-twin`}
              title="Twin: ‖θ′ − n·θ‖/‖n·θ‖ against step (log scale; 1e-17 = identical)"
              x={{ domain: stepDomain, log: false }}
              y={{ domain: logDomain([floor, ...diffSeries[0]!.points.map((p) => p[1]), 1e-12]), log: true }}
              xTitle="step"
              yTitle="relative difference"
              series={diffSeries}
              label={`Relative parameter difference between the tanh(n·x) network and its plain-tanh twin; largest so far ${formatValue(maxDiff)}.`}
            />
          )}
        </div>
        {busy && <span class="lab-busy" aria-hidden="true" />}
      </div>
    );
  }
}
