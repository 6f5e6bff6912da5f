/**
 * Slope explorer (issue 6, widget 1): move n and see tanh(n·x), its slope n·sech²(n·x), the
 * interval where the slope is ≥ 1/n (|x| ≤ t₁(n)) and the one where it exceeds 1
 * (|x| < explodingThreshold(n)), with the thresholds printed live. Server-rendered at n = 2, the
 * article's worked example; hydrated with `client:visible`. Drawn as plain SVG (see
 * slope-explorer/svg-geometry.ts for why not d3-scale / d3-shape).
 */

import { useMemo, useState } from 'preact/hooks';
import { colourForN, colours, fontSize, nsWithColour, strokeWidth } from '../../lib/figures/theme';
import {
  N_INITIAL,
  N_MAX,
  N_MIN,
  N_STEP,
  X_MAX,
  describeState,
  formatN,
  formatThreshold,
  slopeState,
  snapN,
} from './slope-explorer/model';
import { linearScale, polylinePath } from './slope-explorer/svg-geometry';
import './slope-explorer/slope-explorer.css';

/** Natural size of the drawing (SVG user units = CSS px at 1:1; scaled down with the column). */
const WIDTH = 640;
const HEIGHT = 340;
const MARGIN = { top: 12, right: 16, bottom: 44, left: 48 };
/** Fixed y range, so the peak visibly grows taller and thinner as n increases. */
const Y_DOMAIN: [number, number] = [-1.1, 4.2];
const ID = 'slope-explorer';

const x = linearScale([-X_MAX, X_MAX], [MARGIN.left, WIDTH - MARGIN.right]);
const y = linearScale(Y_DOMAIN, [HEIGHT - MARGIN.bottom, MARGIN.top]);
const X_TICKS = [-3, -2, -1, 0, 1, 2, 3];
const Y_TICKS = [-1, 0, 1, 2, 3, 4];

/** The colour standing for this n on every page, if it has one; otherwise neutral ink. */
function curveColour(n: number): string {
  return nsWithColour.includes(n) ? colourForN(n) : colours.ink;
}

/** SVG path of y-values over the sample xs. */
function pathOf(xs: readonly number[], ys: readonly number[]): string {
  return polylinePath(xs.map(x), ys.map(y));
}

/** A band |x| ≤ halfWidth across the plotting area. */
function Band({ halfWidth, fill, name }: { halfWidth: number; fill: string; name: string }) {
  return (
    <rect
      class={`${ID}__band`}
      data-band={name}
      x={x(-halfWidth)}
      y={MARGIN.top}
      width={Math.max(0, x(halfWidth) - x(-halfWidth))}
      height={HEIGHT - MARGIN.top - MARGIN.bottom}
      fill={fill}
      fill-opacity={0.16}
    />
  );
}

export default function SlopeExplorer() {
  const [n, setN] = useState(N_INITIAL);
  // What the number box shows while the reader types ("3." is not yet a number).
  const [typed, setTyped] = useState(String(N_INITIAL));
  const state = useMemo(() => slopeState(n), [n]);
  const colour = curveColour(n);
  const slopePath = pathOf(state.xs, state.slopes);
  const tanhPath = pathOf(state.xs, state.values);
  const description = describeState(state);
  const steep = state.t1 !== null && state.exploding !== null;

  function fromSlider(event: Event) {
    const value = snapN(Number((event.currentTarget as HTMLInputElement).value));
    setN(value);
    setTyped(String(value));
  }
  function fromNumberBox(event: Event) {
    const text = (event.currentTarget as HTMLInputElement).value;
    setTyped(text);
    const value = Number(text);
    if (text.trim() !== '' && Number.isFinite(value) && value >= N_MIN && value <= N_MAX) setN(snapN(value));
  }
  function settleNumberBox() {
    setTyped(String(n));
  }

  return (
    <figure class={ID}>
      <div class={`${ID}__controls`}>
        <label for={`${ID}-n-range`}>Steepness n</label>
        <input
          id={`${ID}-n-range`}
          type="range"
          min={N_MIN}
          max={N_MAX}
          step={N_STEP}
          value={n}
          aria-valuetext={`n = ${formatN(n)}`}
          onInput={fromSlider}
        />
        <label for={`${ID}-n-number`}>Value of n</label>
        <input
          id={`${ID}-n-number`}
          type="number"
          inputMode="decimal"
          min={N_MIN}
          max={N_MAX}
          step={N_STEP}
          value={typed}
          onInput={fromNumberBox}
          onBlur={settleNumberBox}
        />
      </div>

      <svg
        class={`${ID}__chart`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={description}
        font-size={fontSize.label}
      >
        {steep && <Band name="good" halfWidth={state.t1!} fill={colours.good} />}
        {steep && <Band name="exploding" halfWidth={state.exploding!} fill={colours.exploding} />}
        <g class={`${ID}__axes`} aria-hidden="true">
          {Y_TICKS.map((v) => (
            <g key={`y${v}`}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(v)} y2={y(v)} stroke="#E6E6E6" />
              <text x={MARGIN.left - 8} y={y(v)} dy="0.32em" text-anchor="end" fill={colours.ink}>
                {formatTick(v)}
              </text>
            </g>
          ))}
          {X_TICKS.map((v) => (
            <text key={`x${v}`} x={x(v)} y={HEIGHT - MARGIN.bottom + 20} text-anchor="middle" fill={colours.ink}>
              {formatTick(v)}
            </text>
          ))}
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} stroke={colours.reference} stroke-width={strokeWidth.axis} />
          <line x1={x(0)} x2={x(0)} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} stroke={colours.reference} stroke-width={strokeWidth.axis} />
          <line
            x1={MARGIN.left}
            x2={WIDTH - MARGIN.right}
            y1={y(1)}
            y2={y(1)}
            stroke={colours.reference}
            stroke-width={strokeWidth.rule}
            stroke-dasharray="6 4"
          />
          {steep && (
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(1 / n)}
              y2={y(1 / n)}
              stroke={colours.good}
              stroke-width={strokeWidth.rule}
              stroke-dasharray="2 4"
            />
          )}
          <text x={WIDTH - MARGIN.right} y={HEIGHT - 6} text-anchor="end" fill={colours.ink}>
            x
          </text>
        </g>
        <path class={`${ID}__tanh`} d={tanhPath} fill="none" stroke={colour} stroke-width={strokeWidth.rule} stroke-dasharray="8 5" />
        <path class={`${ID}__slope`} d={slopePath} fill="none" stroke={colour} stroke-width={strokeWidth.line} />
      </svg>

      <div class={`${ID}__readout`} aria-live="polite" aria-atomic="true">
        <dl>
          <div>
            <dt>Peak slope n (at x = 0)</dt>
            <dd data-value="peak">{formatN(state.peakSlope)}</dd>
          </div>
          {steep ? (
            <>
              <div>
                <dt>
                  Slope ≥ 1/n for |x| ≤ t<sub>1</sub>(n) =
                </dt>
                <dd data-value="t1">{formatThreshold(state.t1!)}</dd>
              </div>
              <div>
                <dt>Slope &gt; 1 for |x| &lt;</dt>
                <dd data-value="exploding">{formatThreshold(state.exploding!)}</dd>
              </div>
            </>
          ) : (
            <div>
              <dt>Intervals</dt>
              <dd data-value="none">
                none: with n ≤ 1 the slope never exceeds 1, so there is no interval where it exceeds 1 (or stays at or above 1/n ≥ 1).
              </dd>
            </div>
          )}
        </dl>
      </div>

      <figcaption id={`${ID}-caption`}>
        <span class={`${ID}__key`}>
          <svg width="28" height="10" aria-hidden="true"><line x1="0" x2="28" y1="5" y2="5" stroke={colour} stroke-width="3" /></svg>
          slope n·sech²(n·x)
        </span>{' '}
        <span class={`${ID}__key`}>
          <svg width="28" height="10" aria-hidden="true"><line x1="0" x2="28" y1="5" y2="5" stroke={colour} stroke-width="2" stroke-dasharray="8 5" /></svg>
          tanh(n·x)
        </span>{' '}
        <span class={`${ID}__key`}>
          <span class={`${ID}__swatch`} style={{ background: colours.good }} aria-hidden="true" />
          slope ≥ 1/n
        </span>{' '}
        <span class={`${ID}__key`}>
          <span class={`${ID}__swatch`} style={{ background: colours.exploding }} aria-hidden="true" />
          slope &gt; 1
        </span>
        . Dashed grey line: slope 1; dotted green line: slope 1/n.
      </figcaption>
    </figure>
  );
}

/** Tick label with a typographic minus. */
function formatTick(v: number): string {
  return String(v).replace('-', '\u2212');
}
