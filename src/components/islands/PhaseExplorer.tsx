/**
 * Phase-diagram explorer (/order-and-chaos/): a point in the (σ_w², σ_b²) plane of plain tanh
 * networks, moved by dragging, by two labelled range inputs, or by n along the tanh(n·x) ray
 * (n², n²·s) of the standard initialisation. Shows q*, χ1 and ξ_c at the point, computed with
 * the build's own mean-field functions; the critical line χ1 = 1 comes precomputed from the
 * `phase-diagram` dataset (see phase-explorer/PhaseExplorer.astro). Colours are CSS custom
 * properties set by that wrapper from src/lib/figures/theme.
 */

// A class component: the hooks module would add ~1.1 KB gzipped to a page near its JS budget.
import { Component } from 'preact';
import { tanh1 } from '../../lib/math/activations';
import { chi1, depthScaleC, qStar } from '../../lib/math/meanfield';
import {
  type PlanePoint,
  formatChi1,
  formatDepthScale,
  formatQStar,
  formatSb2,
  formatSw2,
  initialBase,
  initialN,
  isOnRay,
  nControl,
  phaseOf,
  plotArea,
  plotSize,
  pointOnRay,
  rayBases,
  sb2Control,
  sb2ToY,
  snapToControl,
  sw2Control,
  sw2ToX,
  view,
  xToSw2,
  yToSb2,
} from './phase-explorer/plane';

export interface PhaseExplorerProps {
  /** The order–chaos line χ1 = 1 of plain tanh, ascending in σ_b² (dataset `phase-diagram`). */
  critical: readonly PlanePoint[];
}

interface Readouts {
  qStar: number;
  chi1: number;
  depthScaleC: number;
  /** Time to compute them, ms (performance.now; absent during server rendering). */
  ms?: number;
}

/**
 * q*, χ1 and ξ_c of plain tanh at the point, timed. Three separate calls (each solves q* again,
 * ~0.1 ms) rather than meanFieldSummary, whose extra quantities would only add bytes.
 */
function readoutsAt({ sw2, sb2 }: PlanePoint): Readouts {
  const started = typeof window === 'undefined' ? undefined : performance.now();
  const readouts: Readouts = {
    qStar: qStar(tanh1, sw2, sb2),
    chi1: chi1(tanh1, sw2, sb2),
    depthScaleC: depthScaleC(tanh1, sw2, sb2),
  };
  if (started !== undefined) readouts.ms = performance.now() - started;
  return readouts;
}

const ID = 'phase-explorer';
const xTicks = [0, 1, 2, 3, 4, 5];
const yTicks = [0, 0.1, 0.2, 0.3, 0.4, 0.5];

function pathThrough(points: readonly PlanePoint[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${sw2ToX(p.sw2).toFixed(1)},${sb2ToY(p.sb2).toFixed(1)}`).join('');
}

function regionsOf(critical: readonly PlanePoint[]) {
  const top = view.sb2[1];
  const ordered = pathThrough([{ sw2: view.sw2[0], sb2: 0 }, ...critical, { sw2: view.sw2[0], sb2: top }]) + 'Z';
  const chaotic = pathThrough([...critical, { sw2: view.sw2[1], sb2: top }, { sw2: view.sw2[1], sb2: 0 }]) + 'Z';
  return { ordered, chaotic, line: pathThrough(critical) };
}

interface State {
  point: PlanePoint;
  base: number;
}

export default class PhaseExplorer extends Component<PhaseExplorerProps, State> {
  state: State = { point: pointOnRay(initialN, initialBase), base: initialBase };
  private svg: SVGSVGElement | null = null;
  private dragging = false;
  private readonly regions = regionsOf(this.props.critical);
  /** The readouts of the last point, recomputed only when the point moves. */
  private cached: { key: string; readouts: Readouts } | null = null;

  render() {
    const { point, base } = this.state;
    const setPoint = (next: PlanePoint) => this.setState({ point: next });
    const setBase = (next: number) => this.setState({ base: next });
    const key = `${point.sw2},${point.sb2}`;
    if (this.cached?.key !== key) this.cached = { key, readouts: readoutsAt(point) };
    const readouts = this.cached.readouts;
    const regions = this.regions;

    const phase = phaseOf(readouts.chi1);
    const n = Math.sqrt(point.sw2);
    const onRay = isOnRay(point, base);

    const rayEnd = pointOnRay(Math.sqrt(view.sw2[1]), base);
    const px = sw2ToX(point.sw2);
    const py = sb2ToY(point.sb2);

    const moveToPointer = (event: PointerEvent): void => {
      const svg = this.svg;
      if (!svg) return;
      const box = svg.getBoundingClientRect();
      const x = ((event.clientX - box.left) / box.width) * plotSize.width;
      const y = ((event.clientY - box.top) / box.height) * plotSize.height;
      setPoint({ sw2: snapToControl(xToSw2(x), sw2Control), sb2: snapToControl(yToSb2(y), sb2Control) });
    };

    const sw2Text = formatSw2(point.sw2);
    const sb2Text = formatSb2(point.sb2);
    const chi1Text = formatChi1(readouts.chi1);
    const qText = formatQStar(readouts.qStar);
    const xiText = formatDepthScale(readouts.depthScaleC);
    // The plot's static description is the wrapper's caption (aria-describedby), so it ships no JS.
    const label = `Phase diagram with the point at σ_w² = ${sw2Text}, σ_b² = ${sb2Text}: ${phase}, χ1 = ${chi1Text}`;

    return (
      <div
        class="phase-explorer"
        data-sw2={String(point.sw2)}
        data-sb2={String(point.sb2)}
        data-update-ms={readouts.ms === undefined ? undefined : readouts.ms.toFixed(3)}
      >
        <svg
          ref={(element) => {
            this.svg = element;
          }}
          class="phase-explorer-plot"
          viewBox={`0 0 ${plotSize.width} ${plotSize.height}`}
          role="img"
          aria-label={label}
          aria-describedby={`${ID}-about`}
          onPointerDown={(event) => {
            if (event.button !== 0) return;
            this.dragging = true;
            (event.currentTarget as SVGSVGElement).setPointerCapture(event.pointerId);
            moveToPointer(event);
          }}
          onPointerMove={(event) => {
            if (this.dragging) moveToPointer(event);
          }}
          onPointerUp={() => (this.dragging = false)}
          onPointerCancel={() => (this.dragging = false)}
        >
          <path class="pe-ordered" d={regions.ordered} />
          <path class="pe-chaotic" d={regions.chaotic} />
          {xTicks.map((t) => (
            <g key={`x${t}`}>
              <line class="pe-grid" x1={sw2ToX(t)} x2={sw2ToX(t)} y1={plotArea.top} y2={plotArea.bottom} />
              <text class="pe-tick" x={sw2ToX(t)} y={plotArea.bottom + 22} text-anchor="middle">
                {t}
              </text>
            </g>
          ))}
          {yTicks.map((t) => (
            <g key={`y${t}`}>
              <line class="pe-grid" x1={plotArea.left} x2={plotArea.right} y1={sb2ToY(t)} y2={sb2ToY(t)} />
              <text class="pe-tick" x={plotArea.left - 8} y={sb2ToY(t) + 5} text-anchor="end">
                {t.toFixed(1)}
              </text>
            </g>
          ))}
          <text
            class="pe-axis-title"
            x={(plotArea.left + plotArea.right) / 2}
            y={plotSize.height - 10}
            text-anchor="middle"
          >
            σ_w² (weight variance × fan-in)
          </text>
          <text
            class="pe-axis-title"
            transform={`translate(18 ${(plotArea.top + plotArea.bottom) / 2}) rotate(-90)`}
            text-anchor="middle"
          >
            σ_b² (bias variance)
          </text>
          <text class="pe-region-label" x={sw2ToX(0.3)} y={sb2ToY(0.45)}>
            ordered
          </text>
          <text class="pe-region-label" x={sw2ToX(4.95)} y={sb2ToY(0.45)} text-anchor="end">
            chaotic
          </text>
          <line class="pe-ray" x1={sw2ToX(0)} y1={sb2ToY(0)} x2={sw2ToX(rayEnd.sw2)} y2={sb2ToY(rayEnd.sb2)} />
          <path class="pe-critical" d={regions.line} />
          <circle class={`pe-point pe-point-${phase}`} cx={px} cy={py} r={9} />
        </svg>

        <div class="phase-explorer-side">
          <div class="pe-control">
            <label for={`${ID}-sw2`}>
              σ<sub>w</sub>² (weight variance)
            </label>
            <input
              id={`${ID}-sw2`}
              type="range"
              min={sw2Control.min}
              max={sw2Control.max}
              step={sw2Control.step}
              value={point.sw2}
              aria-valuetext={sw2Text}
              onInput={(e) => setPoint({ sw2: Number(e.currentTarget.value), sb2: point.sb2 })}
            />
            <output for={`${ID}-sw2`}>{sw2Text}</output>
          </div>
          <div class="pe-control">
            <label for={`${ID}-sb2`}>
              σ<sub>b</sub>² (bias variance)
            </label>
            <input
              id={`${ID}-sb2`}
              type="range"
              min={sb2Control.min}
              max={sb2Control.max}
              step={sb2Control.step}
              value={point.sb2}
              aria-valuetext={sb2Text}
              onInput={(e) => setPoint({ sw2: point.sw2, sb2: Number(e.currentTarget.value) })}
            />
            <output for={`${ID}-sb2`}>{sb2Text}</output>
          </div>
          <fieldset class="pe-control pe-ray-choice">
            <legend>
              Ray of tanh(n·x) at σ<sub>w</sub>² = 1, σ<sub>b</sub>² = s
            </legend>
            {rayBases.map((s) => (
              <label key={s}>
                <input
                  type="radio"
                  name={`${ID}-base`}
                  value={String(s)}
                  checked={base === s}
                  onChange={() => {
                    setBase(s);
                    setPoint(pointOnRay(snapToControl(n, nControl), s));
                  }}
                />{' '}
                s = {s}
              </label>
            ))}
          </fieldset>
          <div class="pe-control">
            <label for={`${ID}-n`}>n of tanh(n·x), moving along the ray (n², n²·s)</label>
            <input
              id={`${ID}-n`}
              type="range"
              min={nControl.min}
              max={nControl.max}
              step={nControl.step}
              value={n}
              aria-valuetext={n.toFixed(2)}
              onInput={(e) => setPoint(pointOnRay(Number(e.currentTarget.value), base))}
            />
            <output for={`${ID}-n`}>{onRay ? n.toFixed(2) : '(off the ray)'}</output>
          </div>

          <div class="pe-readouts" aria-live="polite">
            <p class="pe-where">
              Plain tanh network at σ<sub>w</sub>² = <span data-readout="sw2">{sw2Text}</span>, σ<sub>b</sub>² ={' '}
              <span data-readout="sb2">{sb2Text}</span>:{' '}
              <strong class={`pe-phase pe-phase-${phase}`} data-readout="phase">
                {phase}
              </strong>
            </p>
            <dl>
              <dt>
                χ<sub>1</sub> (gradient² growth per layer)
              </dt>
              <dd>
                <data data-readout="chi1" value={String(readouts.chi1)}>
                  {chi1Text}
                </data>
              </dd>
              <dt>q* (pre-activation variance)</dt>
              <dd>
                <data data-readout="qStar" value={String(readouts.qStar)}>
                  {qText}
                </data>
              </dd>
              <dt>
                ξ<sub>c</sub> (depth scale, layers)
              </dt>
              <dd>
                <data data-readout="depthScaleC" value={String(readouts.depthScaleC)}>
                  {xiText}
                </data>
              </dd>
            </dl>
            <p class="pe-equivalent" data-readout="equivalent">
              {onRay
                ? `The same network as tanh(${n.toFixed(2)}·x) at σ_w² = 1, σ_b² = ${base}: same χ1 and ξ_c; its q* is q*/n² = ${formatQStar(readouts.qStar / point.sw2)}.`
                : 'Off the tanh(n·x) ray: move n to return to it.'}
            </p>
          </div>
        </div>
      </div>
    );
  }
}
