/**
 * Depth-product simulator (/products-of-slopes/): choose n, the spread of the pre-activations and
 * the depth K, and see the histogram of log10 of the product g of K slopes of tanh(n·x) over
 * 10,000 seeded Monte Carlo samples, the fractions vanished (g < 10⁻⁶) and exploded (g > 10⁶),
 * and markers for the median of g and for √E[g²]. Computed in the browser by the function the
 * build uses for the `products-widget` dataset (src/lib/math/slope-products-histogram.ts), from
 * the same seeded stream, so its initial numbers are the ones the article prints. Set-up and
 * q*(n) come from that dataset via depth-product/DepthProduct.astro; colours are CSS custom
 * properties set there.
 */

// A class component: the hooks module would add ~1.1 KB gzipped to a page with a 15 KB budget.
import { Component } from 'preact';
import { EXPLODED_ABOVE, VANISHED_BELOW } from '../../lib/math/slope-products';
import { type ProductPicture, productPicture } from '../../lib/math/slope-products-histogram';
import { LayeredNormals } from '../../lib/math/slope-products-sampler';
import {
  type Control,
  barsPath,
  formatExponent,
  formatN,
  formatShare,
  formatSigma,
  formatTick,
  gridIndex,
  histogramDomain,
  plotArea,
  plotSize,
  shareMax,
  snap,
  xOf,
  yOf,
} from './depth-product/view';

export type Spread = 'standard' | 'fixed';

export interface DepthProductProps {
  samples: number;
  seed: number;
  n: Control;
  sigma: Control;
  depth: Control;
  /** q*(n) of the standard initialisation for n = n.min + k·n.step (dataset `products-widget`). */
  qStars: readonly number[];
  /** The standard initialisation, as text (e.g. "σ_w² = 1, σ_b² = 0"). */
  standard: string;
  initial: { n: number; spread: Spread; sigma: number; depth: number };
  /**
   * The picture at the initial state, as the build computed it (dataset `products-widget`): shown
   * on the server and on hydration without recomputing, so hydrating costs no long task; every
   * later state is computed here.
   */
  initialPicture: ProductPicture;
}

interface State {
  n: number;
  spread: Spread;
  /** σ chosen with the slider (used when spread is 'fixed'). */
  sigma: number;
  depth: number;
}

const ID = 'depth-product';
const LOG10_VANISHED = Math.log10(VANISHED_BELOW);
const LOG10_EXPLODED = Math.log10(EXPLODED_ABOVE);
/** Layers of normals drawn per idle slice: 4 × 10,000 normals, a few ms. */
const LAYERS_PER_SLICE = 4;

export default class DepthProduct extends Component<DepthProductProps, State> {
  state: State = { ...this.props.initial };
  /** The widget's standard normals, drawn once and extended as K grows. */
  private normals: LayeredNormals | null = null;
  private scratch: Float64Array | null = null;
  private cached: { key: string; picture: ProductPicture; ms?: number } | null = {
    key: this.keyOf(this.props.initial.n, this.varianceOf(this.props.initial), this.props.initial.depth),
    picture: this.props.initialPicture,
  };

  private keyOf(n: number, q: number, depth: number): string {
    return `${n},${q},${depth}`;
  }

  /**
   * Draws the standard normals for every depth the K control offers while the browser is idle, a
   * few layers per slice (a few ms each), so that no later update has to draw them.
   */
  componentDidMount(): void {
    const idle = (work: () => void) =>
      'requestIdleCallback' in window ? window.requestIdleCallback(work) : setTimeout(work, 1);
    const drawFrom = (k: number) => {
      if (k > this.props.depth.max) return;
      this.normals ??= new LayeredNormals(this.props.samples, this.props.seed);
      this.normals.layer(Math.min(k + LAYERS_PER_SLICE - 1, this.props.depth.max));
      idle(() => drawFrom(k + LAYERS_PER_SLICE));
    };
    idle(() => drawFrom(1));
  }

  /** q for the current state: q*(n), or the chosen σ². */
  private varianceOf(state: State): number {
    return state.spread === 'standard' ? this.props.qStars[gridIndex(state.n, this.props.n)]! : state.sigma * state.sigma;
  }

  private pictureOf(state: State): { picture: ProductPicture; ms?: number } {
    const q = this.varianceOf(state);
    const key = this.keyOf(state.n, q, state.depth);
    if (this.cached?.key !== key) {
      const started = typeof window === 'undefined' ? undefined : performance.now();
      this.normals ??= new LayeredNormals(this.props.samples, this.props.seed);
      this.scratch ??= new Float64Array(this.props.samples);
      const picture = productPicture(this.normals, state.n, q, state.depth, this.scratch);
      this.cached = { key, picture, ms: started === undefined ? undefined : performance.now() - started };
    }
    return this.cached;
  }

  render() {
    const props = this.props;
    const state = this.state;
    const { picture, ms } = this.pictureOf(state);
    const { summary, histogram } = picture;
    const sigma = Math.sqrt(picture.q);
    const top = shareMax(histogram, props.samples);
    const [from, to] = histogramDomain(histogram);
    const xVanished = xOf(histogram, Math.max(from, LOG10_VANISHED));
    const xExploded = xOf(histogram, Math.min(to, LOG10_EXPLODED));
    const xMedian = xOf(histogram, summary.log10Median);
    const xRms = xOf(histogram, picture.log10RootMeanSquare);
    const yTicks = [0, top / 2, top];

    const vanished = formatShare(summary.vanished.estimate);
    const exploded = formatShare(summary.exploded.estimate);
    const median = formatExponent(summary.log10Median);
    const rms = formatExponent(picture.log10RootMeanSquare);
    const label =
      `Histogram of log10 g for ${props.samples} samples of the product of K = ${state.depth} slopes of tanh(${formatN(state.n)}·x) ` +
      `with pre-activation spread σ = ${formatSigma(sigma)}: ${vanished} below 10^−6, ${exploded} above 10^6; ` +
      `median 10^${median}, √E[g²] = 10^${rms}.`;

    const set = (next: Partial<State>) => this.setState(next);
    const onN = (e: Event) => set({ n: snap(Number((e.currentTarget as HTMLInputElement).value), props.n) });
    const onSigma = (e: Event) => set({ spread: 'fixed', sigma: snap(Number((e.currentTarget as HTMLInputElement).value), props.sigma) });
    const onDepth = (e: Event) => set({ depth: snap(Number((e.currentTarget as HTMLInputElement).value), props.depth) });
    const onSpread = (spread: Spread) => () => set(spread === 'fixed' ? { spread, sigma: snap(sigma, props.sigma) } : { spread });

    return (
      <div
        class={ID}
        data-n={String(state.n)}
        data-q={String(picture.q)}
        data-depth={String(state.depth)}
        data-spread={state.spread}
        data-update-ms={ms === undefined ? undefined : ms.toFixed(3)}
      >
        <div class="dp-controls">
          <div class="dp-control">
            <label for={`${ID}-n`}>Steepness n of tanh(n·x)</label>
            <input
              id={`${ID}-n`}
              type="range"
              min={props.n.min}
              max={props.n.max}
              step={props.n.step}
              value={state.n}
              aria-valuetext={`n = ${formatN(state.n)}`}
              onInput={onN}
            />
            <output for={`${ID}-n`}>{formatN(state.n)}</output>
          </div>
          <fieldset class="dp-control dp-spread">
            <legend>Pre-activations x ~ N(0, q)</legend>
            <label>
              <input type="radio" name={`${ID}-spread`} value="standard" checked={state.spread === 'standard'} onChange={onSpread('standard')} /> q = q*(n) of
              the standard initialisation ({props.standard})
            </label>
            <label>
              <input type="radio" name={`${ID}-spread`} value="fixed" checked={state.spread === 'fixed'} onChange={onSpread('fixed')} /> q = σ², σ
              chosen below
            </label>
          </fieldset>
          <div class="dp-control">
            <label for={`${ID}-sigma`}>Spread σ = √q</label>
            <input
              id={`${ID}-sigma`}
              type="range"
              min={props.sigma.min}
              max={props.sigma.max}
              step={props.sigma.step}
              value={sigma}
              aria-valuetext={`σ = ${formatSigma(sigma)}`}
              onInput={onSigma}
            />
            <output for={`${ID}-sigma`} data-readout="sigma">
              {formatSigma(sigma)}
            </output>
          </div>
          <div class="dp-control">
            <label for={`${ID}-depth`}>Depth K (number of slopes multiplied)</label>
            <input
              id={`${ID}-depth`}
              type="range"
              min={props.depth.min}
              max={props.depth.max}
              step={props.depth.step}
              value={state.depth}
              aria-valuetext={`K = ${state.depth}`}
              onInput={onDepth}
            />
            <output for={`${ID}-depth`}>{state.depth}</output>
          </div>
        </div>

        <svg class="dp-plot" viewBox={`0 0 ${plotSize.width} ${plotSize.height}`} role="img" aria-label={label} aria-describedby={`${ID}-about`}>
          {from < LOG10_VANISHED && (
            <rect class="dp-vanished-region" x={plotArea.left} y={plotArea.top} width={xVanished - plotArea.left} height={plotArea.bottom - plotArea.top} />
          )}
          {to > LOG10_EXPLODED && (
            <rect class="dp-exploded-region" x={xExploded} y={plotArea.top} width={plotArea.right - xExploded} height={plotArea.bottom - plotArea.top} />
          )}
          {yTicks.map((t) => (
            <g key={`y${t}`}>
              <line class="dp-grid" x1={plotArea.left} x2={plotArea.right} y1={yOf(t, top)} y2={yOf(t, top)} />
              <text class="dp-tick" x={plotArea.left - 8} y={yOf(t, top) + 5} text-anchor="end">
                {formatShare(t).replace('.00%', '%')}
              </text>
            </g>
          ))}
          {histogram.ticks.map((t) => (
            <text key={`x${t}`} class="dp-tick" x={xOf(histogram, t)} y={plotArea.bottom + 20} text-anchor="middle">
              {formatTick(t)}
            </text>
          ))}
          <text class="dp-axis-title" x={(plotArea.left + plotArea.right) / 2} y={plotSize.height - 8} text-anchor="middle">
            log₁₀ g (g = product of K slopes)
          </text>
          <path class="dp-bars" d={barsPath(histogram, props.samples)} data-counts={histogram.counts.join(',')} data-from={String(histogram.from)} data-step={String(histogram.step)} />
          <line class="dp-axis" x1={plotArea.left} x2={plotArea.right} y1={plotArea.bottom} y2={plotArea.bottom} />
          <line class="dp-marker dp-median" x1={xMedian} x2={xMedian} y1={plotArea.top - 4} y2={plotArea.bottom} />
          <text class="dp-marker-label" x={xMedian} y={plotArea.top - 20} text-anchor={xMedian < xRms ? 'end' : 'start'}>
            median
          </text>
          <line class="dp-marker dp-rms" x1={xRms} x2={xRms} y1={plotArea.top - 4} y2={plotArea.bottom} />
          <text class="dp-marker-label" x={xRms} y={plotArea.top - 8} text-anchor={xMedian < xRms ? 'start' : 'end'}>
            √E[g²]
          </text>
        </svg>

        <div class="dp-readouts" aria-live="polite">
          <dl>
            <div>
              <dt>Vanished, g &lt; 10⁻⁶</dt>
              <dd>
                <data data-readout="vanished" value={String(summary.vanished.estimate)}>
                  {vanished}
                </data>{' '}
                <span class="dp-interval">
                  (95%: {formatShare(summary.vanished.low)}–{formatShare(summary.vanished.high)})
                </span>
              </dd>
            </div>
            <div>
              <dt>Exploded, g &gt; 10⁶</dt>
              <dd>
                <data data-readout="exploded" value={String(summary.exploded.estimate)}>
                  {exploded}
                </data>{' '}
                <span class="dp-interval">
                  (95%: {formatShare(summary.exploded.low)}–{formatShare(summary.exploded.high)})
                </span>
              </dd>
            </div>
            <div>
              <dt>Median of g</dt>
              <dd>
                10
                <sup>
                  <data data-readout="median" value={String(summary.log10Median)}>
                    {median}
                  </data>
                </sup>
              </dd>
            </div>
            <div>
              <dt>√E[g²], exact</dt>
              <dd>
                10
                <sup>
                  <data data-readout="rms" value={String(picture.log10RootMeanSquare)}>
                    {rms}
                  </data>
                </sup>
              </dd>
            </div>
          </dl>
        </div>
      </div>
    );
  }
}
