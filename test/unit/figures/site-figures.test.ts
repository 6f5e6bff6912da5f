import { describe, expect, it } from 'vitest';
import { figures } from '../../../src/lib/site/manifest.ts';
import { renderSvg } from '../../../src/lib/figures/render.ts';
import { toCsv } from '../../../src/lib/figures/csv.ts';
import { readData } from '../../../src/lib/records/reader.ts';

// Every published figure, from the committed datasets: renders without a single Vega warning
// (the build treats warnings as errors), describes itself, and has a table to download.
describe.each(figures.map((f) => [f.id, f] as const))('figure %s', (id, figure) => {
  const data = readData(figure.record);

  it('renders to one accessible SVG without warnings', async () => {
    const warnings: string[] = [];
    const svg = await renderSvg(figure.spec(data), {
      id,
      title: figure.title,
      description: figure.description(data),
      warn: (m) => warnings.push(m),
    });
    expect(warnings).toEqual([]);
    expect(svg).toMatch(/^<svg[^>]* role="img"/);
    expect(svg).toContain(`<title id="fig-${id}-title">`);
  });

  it('has a description that mentions no undefined or NaN values', () => {
    const text = figure.description(data);
    expect(text.length).toBeGreaterThan(80);
    expect(text).not.toMatch(/undefined|NaN|Infinity/);
  });

  it('has a non-empty CSV of what it plots', () => {
    const rows = figure.rows(data);
    expect(rows.length).toBeGreaterThan(0);
    expect(toCsv(rows).split('\n').length).toBeGreaterThan(rows.length);
  });
});
