import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { narrowSpec } from '../../../src/lib/figures/narrow';
import { narrowChartSize } from '../../../src/lib/figures/theme';

const panel = (title: string) => ({
  width: 280,
  height: 400,
  title,
  mark: 'line',
  encoding: { color: { field: 'n', type: 'nominal', legend: { orient: 'right', direction: 'horizontal', columns: 3 } } },
});

describe('narrowSpec', () => {
  it('stacks side-by-side panels, the rows of a grid in reading order', () => {
    const spec = { vconcat: [{ hconcat: [panel('a'), panel('b')] }, { hconcat: [panel('c'), panel('d')] }] } as unknown as TopLevelSpec;
    const narrow = narrowSpec(spec) as unknown as { vconcat: Array<{ title: string }> };
    expect(narrow.vconcat.map((p) => p.title)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('gives every panel the narrow width, caps its height, and lays a wrapped concat out in one column', () => {
    const spec = { concat: [panel('a'), panel('b'), panel('c')], columns: 2 } as unknown as TopLevelSpec;
    const narrow = narrowSpec(spec) as unknown as { columns: number; concat: Array<{ width: number; height: number }> };
    expect(narrow.columns).toBe(1);
    for (const p of narrow.concat) {
      expect(p.width).toBe(narrowChartSize.panelWidth);
      expect(p.height).toBe(narrowChartSize.height);
    }
  });

  it('puts every legend under the chart, one entry a line', () => {
    const narrow = narrowSpec({ hconcat: [panel('a')], config: { legend: { orient: 'right', direction: 'horizontal' } } } as unknown as TopLevelSpec) as unknown as {
      vconcat: Array<{ encoding: { color: { legend: Record<string, unknown> } } }>;
      config: { legend: Record<string, unknown>; view: { continuousWidth: number } };
    };
    expect(narrow.vconcat[0]!.encoding.color.legend).toMatchObject({ orient: 'bottom', direction: 'vertical', columns: 1 });
    expect(narrow.config.legend).toMatchObject({ orient: 'bottom', direction: 'vertical', columns: 1 });
    expect(narrow.config.view.continuousWidth).toBe(narrowChartSize.width);
  });

  it('leaves the wide spec and its data alone', () => {
    const data = { values: [{ legend: { orient: 'right' } }] };
    const spec = { hconcat: [{ ...panel('a'), data }] } as unknown as TopLevelSpec;
    const before = JSON.stringify(spec);
    const narrow = narrowSpec(spec) as unknown as { vconcat: Array<{ data: unknown }> };
    expect(JSON.stringify(spec)).toBe(before);
    expect(narrow.vconcat[0]!.data).toEqual(data);
  });
});
