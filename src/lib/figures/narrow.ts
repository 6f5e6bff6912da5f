/**
 * The narrow (phone) layout of a figure, derived from its wide spec so that each figure module
 * keeps one spec: side-by-side panels are stacked, every panel gets the narrow width, and a
 * single view is sized to `narrowChartSize` (autosize "fit", axes and legends included).
 *
 * Why: a figure is drawn at its natural width and scaled to the column. A 640-unit-wide chart in
 * the 328 px column of a 360 px phone is scaled 0.51×, so 16 px labels render at 8.2 px, and a
 * two-panel figure (≈ 750 units) at 7 px or less. The narrow layout is ≈ 420 units wide at the
 * same font sizes, so its labels render at ≥ 12 px there (checked per figure by
 * test/e2e/figure-text.test.ts, and at build by `assertLegibleAt`).
 */

import type { TopLevelSpec } from 'vega-lite';
import type { Config } from 'vega-lite';
import { narrowChartSize } from './theme';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A view spec's narrow form (recursive over hconcat, vconcat, concat and layer). */
function narrowView(view: Json, nested: boolean): Json {
  const out: Json = { ...view };
  if (Array.isArray(view.hconcat)) {
    delete out.hconcat;
    out.vconcat = flattenVconcat((view.hconcat as Json[]).map((v) => narrowView(v, true)));
  }
  if (Array.isArray(view.vconcat)) out.vconcat = flattenVconcat((view.vconcat as Json[]).map((v) => narrowView(v, true)));
  if (Array.isArray(view.concat)) {
    out.concat = (view.concat as Json[]).map((v) => narrowView(v, true));
    out.columns = 1;
  }
  if (Array.isArray(view.layer)) out.layer = (view.layer as Json[]).map((v) => narrowView(v, true));
  if (typeof view.width === 'number') {
    out.width = nested ? narrowChartSize.panelWidth : narrowChartSize.width;
    if (typeof view.height === 'number') out.height = Math.min(view.height, narrowChartSize.height);
  }
  return out;
}

/** A vconcat whose items are bare vconcats (the stacked rows of a former grid) becomes one list. */
function flattenVconcat(items: Json[]): Json[] {
  return items.flatMap((item) => {
    const keys = Object.keys(item);
    if (Array.isArray(item.vconcat) && keys.every((k) => k === 'vconcat')) return item.vconcat as Json[];
    return [item];
  });
}

/** A legend under the chart, one entry a line, so that its labels (often formulas) never widen the chart. */
const NARROW_LEGEND = { orient: 'bottom', direction: 'vertical', columns: 1 } as const;

function narrowLegend(config: Json | undefined): Json {
  const legend = isObject(config?.legend) ? config.legend : {};
  return { ...legend, ...NARROW_LEGEND };
}

/** Every legend set on an encoding channel, moved under the chart (a right-hand legend would widen it). */
function narrowEncodingLegends(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(narrowEncodingLegends);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'data') out[key] = value;
    else if (key === 'legend' && isObject(value)) {
      out[key] = { ...value, ...NARROW_LEGEND };
    } else out[key] = narrowEncodingLegends(value);
  }
  return out;
}

/** The narrow form of a top-level spec (the input is not changed). */
export function narrowSpec(spec: TopLevelSpec): TopLevelSpec {
  const view = narrowEncodingLegends(narrowView(spec as unknown as Json, false)) as Json;
  const config = (isObject(view.config) ? view.config : {}) as Config & Json;
  const ownView = isObject(config.view) ? config.view : {};
  view.config = { ...config, view: { ...narrowViewConfig.view, ...ownView }, legend: narrowLegend(config as Json) };
  return view as unknown as TopLevelSpec;
}

/** Theme overrides for the narrow layout: single views are `narrowChartSize` wide and high. */
export const narrowViewConfig: Config = {
  view: {
    stroke: null,
    continuousWidth: narrowChartSize.width,
    continuousHeight: narrowChartSize.height,
    discreteWidth: narrowChartSize.width,
    discreteHeight: narrowChartSize.height,
  },
};
