/**
 * The site's one source of truth for chart fonts, colours and sizes, shared by the Vega-Lite
 * figures rendered at build time (`vegaConfig`) and by island CSS (`cssCustomProperties`).
 *
 * A colour means the same thing on every page: each value of n the site discusses has its own
 * colour, and the semantic colours (good interval, exploding, vanished, critical line) are only
 * ever used for those meanings.
 */

import type { Config } from 'vega-lite';

/**
 * System UI sans-serif for every chart label (the prose uses a serif; charts do not). The same
 * stack as `--sans` in src/styles/global.css, so figures match captions and islands.
 */
export const chartFont = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * Natural size of a figure in SVG user units (= CSS px at 1:1). Figures sit in a ~680 px text
 * column and are scaled down with CSS, to ≈0.53× on a 360 px-wide phone; every figure has the
 * same natural width so that text ends up the same size in all of them.
 */
export const chartSize = { width: 640, height: 400 } as const;

/**
 * Natural size of a figure's narrow (phone) layout, in SVG user units, shown below
 * `narrowBreakpointPx` (src/lib/figures/narrow.ts). `width` × `height` is a single view (axes and
 * legend included); `panelWidth` is the plotting width of each stacked panel of a multi-panel
 * figure (its axes come on top). In a 328 px column (a 360 px phone) a 420-unit figure is scaled
 * 0.78×, so 16 px labels render at 12.5 px.
 */
export const narrowChartSize = { width: 420, height: 320, panelWidth: 320 } as const;

/**
 * Viewport width (CSS px) below which the narrow layout is shown. At 640 px the column is ≈ 600
 * px wide, where even a two-panel wide figure (≈ 760 units) renders 16 px labels at ≈ 12.6 px.
 */
export const narrowBreakpointPx = 640;

/**
 * Font sizes in px at natural size. At the smallest supported scale (≈0.55×) a 16 px label
 * renders at ≈8.8 px, the smallest we consider legible; do not go below it.
 */
export const fontSize = {
  /** Tick labels, legend labels, annotations. */
  label: 16,
  /** Axis and legend titles. */
  axisTitle: 16,
  /** A chart's own title (figures usually leave it to the HTML caption). */
  title: 19,
  subtitle: 16,
} as const;

/** Stroke widths in px at natural size (1.4 px when scaled 0.55×). */
export const strokeWidth = { line: 2.5, rule: 1.5, axis: 1 } as const;

/**
 * Colour for each value of n the site discusses. Cool hues for n < 1, blue for plain tanh
 * (n = 1), warm hues for n > 1, the darkest purple for the largest n.
 *
 * Chosen with a search around the Okabe–Ito hues so that, under simulated protanopia,
 * deuteranopia and tritanopia (Machado et al. 2009, full severity), every pair still differs by
 * CIEDE2000 ΔE ≥ 9, and every colour has ≥ 3:1 contrast against white (WCAG 2.2 SC 1.4.11).
 * Both properties are checked in test/unit/figures/theme.test.ts.
 */
const nColours: ReadonlyMap<number, string> = new Map([
  [0.25, '#005F1E'], // dark green
  [0.5, '#2D9B9B'], // teal
  [1, '#0073B4'], // blue: plain tanh
  [1.5, '#AA874B'], // ochre
  [2, '#F05A00'], // vermillion
  [3, '#CD3278'], // magenta
  [4, '#4B2891'], // purple
]);

/** The values of n that have a colour, ascending. */
export const nsWithColour: readonly number[] = Object.freeze([...nColours.keys()]);

/** The colour that stands for tanh(n·x) on every page; throws for an n without one. */
export function colourForN(n: number): string {
  const colour = nColours.get(n);
  if (colour === undefined) {
    throw new RangeError(
      `No colour for n = ${n}: the theme defines colours for n ∈ {${nsWithColour.join(', ')}} ` +
        '(add one in src/lib/figures/theme.ts, checking contrast and colour-blind separation)',
    );
  }
  return colour;
}

/** Legend/domain label of n, identical in every chart: 2 → "n = 2", 0.25 → "n = 0.25". */
export function nLabel(n: number): string {
  return `n = ${String(n)}`;
}

/**
 * Named colours. Activations other than tanh(n·x) have their own; the semantic ones are meant
 * for regions, bands and annotations (usually as low-opacity fills) and mean only one thing.
 */
export const colours = {
  /** LeCun's 1.7159·tanh(2x/3). */
  lecun: '#8C510A',
  /** ReLU, as the non-saturating comparison. */
  relu: '#4D4D4D',
  /** The interval where the slope of tanh(n·x) is at least 1/n. */
  good: '#4D9221',
  /** Slope (or gain) above 1: gradients grow. */
  exploding: '#B2182B',
  /** Gradients that have vanished (the ordered phase). */
  vanished: '#2166AC',
  /** A gradient of healthy size in a network that is not learning (the one-way street's "stalled"). */
  stalled: '#888888',
  /** The order–chaos (edge-of-chaos) line. */
  critical: '#000000',
  /** Grey guide lines: y = 1, x = 0, thresholds; also axis domains and ticks. */
  reference: '#767676',
  /** Text and axis labels. */
  ink: '#222222',
} as const;

export type ColourName = keyof typeof colours;

/**
 * Every colour that marks data or guides and must reach 3:1 against white: the n colours, then
 * the named ones. Grid lines (`gridColour`) are decorative and deliberately lighter.
 */
export const paletteColours: readonly string[] = Object.freeze([...nColours.values(), ...Object.values(colours)]);

/** Grid lines: decorative, not needed to read a value (ticks and labels are), so kept faint. */
export const gridColour = '#E6E6E6';

/** Page/figure background; contrast is measured against it. */
export const backgroundColour = '#FFFFFF';

/**
 * Default order for a nominal colour scale with no explicit range: the most distinct colours
 * first, so a chart with two or three categories gets clearly different ones.
 */
export const categoricalPalette: readonly string[] = Object.freeze([
  colourForN(1),
  colourForN(2),
  colourForN(0.5),
  colourForN(3),
  colourForN(1.5),
  colourForN(4),
  colourForN(0.25),
  colours.lecun,
  colours.relu,
]);

/**
 * A Vega-Lite colour scale for a list of n values, so every chart colours n identically:
 * `encoding.color = { field: 'label', type: 'nominal', scale: nColourScale([1, 2]) }` where each
 * row's `label` is `nLabel(n)`.
 */
export function nColourScale(ns: readonly number[]): { domain: string[]; range: string[] } {
  const seen = new Set<number>();
  for (const n of ns) {
    if (seen.has(n)) throw new RangeError(`nColourScale: n = ${n} is listed twice`);
    seen.add(n);
  }
  return { domain: ns.map(nLabel), range: ns.map(colourForN) };
}

/** Vega-Lite `config` for every figure, built from the constants above. */
export const vegaConfig: Config = {
  background: backgroundColour,
  font: chartFont,
  padding: 8,
  // Discrete axes get the same fixed size as continuous ones (not Vega-Lite's 20 px per step), so
  // autosize "fit" applies to every single view and text scales alike in every figure.
  view: {
    stroke: null,
    continuousWidth: chartSize.width,
    continuousHeight: chartSize.height,
    discreteWidth: chartSize.width,
    discreteHeight: chartSize.height,
  },
  axis: {
    labelFont: chartFont,
    labelFontSize: fontSize.label,
    labelColor: colours.ink,
    titleFont: chartFont,
    titleFontSize: fontSize.axisTitle,
    titleFontWeight: 'normal',
    titleColor: colours.ink,
    domainColor: colours.reference,
    domainWidth: strokeWidth.axis,
    tickColor: colours.reference,
    tickWidth: strokeWidth.axis,
    gridColor: gridColour,
    gridWidth: 1,
    labelPadding: 4,
    titlePadding: 8,
  },
  legend: {
    labelFont: chartFont,
    labelFontSize: fontSize.label,
    labelColor: colours.ink,
    titleFont: chartFont,
    titleFontSize: fontSize.axisTitle,
    titleFontWeight: 'normal',
    titleColor: colours.ink,
    symbolStrokeWidth: strokeWidth.line,
    // Vega truncates legend labels at 160 px by default; labels here are formulas, never cut them.
    labelLimit: chartSize.width,
    symbolSize: 200,
  },
  header: {
    labelFont: chartFont,
    labelFontSize: fontSize.label,
    labelColor: colours.ink,
    titleFont: chartFont,
    titleFontSize: fontSize.axisTitle,
    titleColor: colours.ink,
  },
  title: {
    font: chartFont,
    fontSize: fontSize.title,
    fontWeight: 'normal',
    color: colours.ink,
    subtitleFont: chartFont,
    subtitleFontSize: fontSize.subtitle,
    subtitleColor: colours.ink,
    anchor: 'start',
  },
  text: { font: chartFont, fontSize: fontSize.label, color: colours.ink },
  line: { strokeWidth: strokeWidth.line },
  rule: { color: colours.reference, strokeWidth: strokeWidth.rule },
  point: { size: 60, filled: true },
  range: { category: [...categoricalPalette] },
};

/**
 * The same theme as CSS custom properties for islands, e.g. `--chart-n-2: #F05A00`,
 * `--chart-good: #4D9221`, `--chart-font: system-ui, …`. Keys are property names.
 */
export function cssCustomProperties(): Record<string, string> {
  const properties: Record<string, string> = {
    '--chart-font': chartFont,
    '--chart-font-size-label': `${fontSize.label}px`,
    '--chart-grid': gridColour,
  };
  for (const n of nsWithColour) properties[`--chart-n-${String(n).replace('.', 'p')}`] = colourForN(n);
  for (const [name, colour] of Object.entries(colours)) properties[`--chart-${name}`] = colour;
  return properties;
}
