import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';

import { renderSvg } from '../../../src/lib/figures/render';
import { chartSize, colourForN } from '../../../src/lib/figures/theme';
import { clippedLines, gradientLegend } from './fixtures/specs';
import { descendants, elementChildren, parseXml, textOf, type XmlElement } from './xml';

const quiet = { warn: () => {} };
const options = { id: 't1-curve', title: 'tanh(n·x)', description: 'Three curves.', ...quiet };

function idsOf(svg: XmlElement): string[] {
  return descendants(svg).flatMap((e) => (e.attributes.id === undefined ? [] : [e.attributes.id]));
}

/** Every `url(#…)` and `href="#…"` target in the markup. */
function referencesIn(markup: string): string[] {
  return [...markup.matchAll(/url\(#([^)]+)\)|href="#([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
}

describe('the XML checker used below', () => {
  it('rejects malformed XML and undeclared prefixes', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(() => parseXml('<a xlink:href="#x"/>')).toThrow();
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow();
  });
});

describe('renderSvg: determinism', () => {
  it('gives byte-identical SVG for two renders in one process (Vega’s id counters notwithstanding)', async () => {
    const first = await renderSvg(clippedLines(), options);
    await renderSvg(gradientLegend(), { ...options, id: 'other' }); // advances Vega's global counters
    const second = await renderSvg(clippedLines(), options);
    expect(second).toBe(first);
  });

  it('gives byte-identical SVG for concurrent renders', async () => {
    const all = await Promise.all([1, 2, 3].map(() => renderSvg(clippedLines(), options)));
    expect(new Set(all).size).toBe(1);
  });

  it('gives byte-identical SVG in a fresh Node process', async () => {
    const cli = fileURLToPath(new URL('fixtures/render-cli.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, 'clippedLines', 't1-curve'], {
      maxBuffer: 16 * 1024 * 1024,
    });
    const here = await renderSvg(clippedLines(), { ...options, title: 'Title', description: 'Description' });
    expect(stdout).toBe(here);
  }, 60_000);
});

describe('renderSvg: ids', () => {
  it('prefixes every id with fig-<id>- and resolves every reference inside the same SVG', async () => {
    const markup = await renderSvg(clippedLines(), options);
    const ids = idsOf(parseXml(markup));
    expect(ids.filter((id) => id.includes('clip')).length).toBeGreaterThanOrEqual(3); // one per line: clipping happened
    for (const id of ids) expect(id.startsWith('fig-t1-curve-')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const references = referencesIn(markup);
    expect(references.length).toBeGreaterThanOrEqual(3);
    for (const reference of references) expect(ids).toContain(reference);
  });

  it('prefixes gradient ids too (a continuous colour legend)', async () => {
    const markup = await renderSvg(gradientLegend(), { ...options, id: 'heatmap' });
    const ids = idsOf(parseXml(markup));
    expect(ids).toContain('fig-heatmap-gradient_1');
    expect(markup).toContain('fill="url(#fig-heatmap-gradient_1)"');
    for (const reference of referencesIn(markup)) expect(ids).toContain(reference);
  });

  it('lets two figures share a page: no id in common', async () => {
    const a = idsOf(parseXml(await renderSvg(clippedLines(), { ...options, id: 'curves-a' })));
    const b = idsOf(parseXml(await renderSvg(clippedLines(), { ...options, id: 'curves-b' })));
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    // Both together in one document still parse, with unique ids.
    const page = parseXml(`<div>${await renderSvg(clippedLines(), { ...options, id: 'curves-a' })}${await renderSvg(gradientLegend(), { ...options, id: 'heatmap' })}</div>`);
    const all = idsOf(page);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('renderSvg: accessibility markup', () => {
  it('makes the root one image named by a title and a desc that exist, with escaped text', async () => {
    const title = `tanh(n·x) for n < 1, = 1 & > 1: "steeper" isn't better`;
    const description = 'Curves for n = 0.5, 1 and 2 <between −2 and 2> & a rule at y = 0.';
    const markup = await renderSvg(clippedLines(), { ...options, title, description });
    const svg = parseXml(markup);
    expect(svg.attributes.role).toBe('img');
    expect(svg.attributes.focusable).toBe('false');
    expect(svg.attributes.tabindex).toBeUndefined();
    const labelledBy = svg.attributes['aria-labelledby']!.split(' ');
    expect(labelledBy).toEqual(['fig-t1-curve-title', 'fig-t1-curve-desc']);
    const [first, second] = elementChildren(svg);
    expect(first).toMatchObject({ name: 'title', attributes: { id: labelledBy[0] } });
    expect(second).toMatchObject({ name: 'desc', attributes: { id: labelledBy[1] } });
    expect(textOf(first!)).toBe(title);
    expect(textOf(second!)).toBe(description);
    expect(markup).toContain('&lt;between −2 and 2&gt; &amp; a rule');
  });

  it('leaves no role, aria-* or tabindex on any inner element (Vega adds them per mark)', async () => {
    const raw = await rawVegaSvg(clippedLines());
    expect(raw).toMatch(/role="graphics-symbol"/); // what we strip is really there
    const svg = parseXml(await renderSvg(clippedLines(), options));
    for (const element of descendants(svg)) {
      const leftovers = Object.keys(element.attributes).filter(
        (name) => name === 'role' || name.startsWith('aria-') || name === 'tabindex',
      );
      expect(leftovers, `<${element.name}>`).toEqual([]);
    }
  });

  it('scales with CSS: width 100%, no height, the viewBox kept at the theme’s natural size', async () => {
    const svg = parseXml(await renderSvg(clippedLines(), options));
    expect(svg.attributes.width).toBe('100%');
    expect(svg.attributes.height).toBeUndefined();
    expect(svg.attributes.viewBox).toBe(`0 0 ${chartSize.width} ${chartSize.height}`);
    expect([svg.attributes['data-width'], svg.attributes['data-height']]).toEqual([
      String(chartSize.width),
      String(chartSize.height),
    ]);
  });
});

/** A hex colour as the optimiser writes it: lower case, `#rrggbb` shortened to `#rgb` where it can. */
function svgColour(hex: string): string {
  return hex.toLowerCase().replace(/^#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3$/, '#$1$2$3');
}

describe('renderSvg: theme', () => {
  it('draws n with its theme colour and labels in the chart font', async () => {
    const markup = await renderSvg(clippedLines(), options);
    for (const n of [0.5, 1, 2]) expect(markup).toContain(`stroke="${svgColour(colourForN(n))}"`);
    expect(markup).toMatch(/font-family="system-ui/);
    expect(markup).toContain(`fill="${svgColour('#FFFFFF')}"`); // white background
  });

  it('lets a spec override the theme and its own size', async () => {
    const spec = { ...clippedLines(), width: 300, height: 150, autosize: 'pad', config: { background: '#FAFAFA' } };
    const svg = parseXml(await renderSvg(spec as TopLevelSpec, options));
    expect(svg.attributes['data-width']).not.toBe(String(chartSize.width));
    expect(elementChildren(svg)[2]).toMatchObject({ attributes: { fill: svgColour('#FAFAFA') } });
  });

  it('passes warnings on, prefixed with the figure id', async () => {
    const warnings: string[] = [];
    const spec: TopLevelSpec = {
      data: { values: [{ a: 1 }] },
      mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'a', type: 'quantitative', scale: { type: 'log', zero: true } } },
    };
    await renderSvg(spec, { ...options, warn: (m) => warnings.push(m) });
    expect(warnings.length).toBeGreaterThan(0);
    for (const warning of warnings) expect(warning).toMatch(/^Figure "t1-curve": /);
  });
});

describe('renderSvg: errors name the figure', () => {
  it('rejects a spec Vega-Lite cannot compile, keeping the original error as the cause', async () => {
    const spec = { data: { values: [] } } as unknown as TopLevelSpec; // no mark, layer, concat…
    const error = await renderSvg(spec, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Figure "t1-curve": Vega-Lite could not compile the spec: Invalid specification/);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('rejects a spec whose expression Vega cannot parse', async () => {
    const spec: TopLevelSpec = {
      data: { values: [{ x: 1 }] },
      transform: [{ calculate: 'tanh(datum.x)', as: 'y' }], // Vega's expressions have no tanh
      mark: 'point',
      encoding: { x: { field: 'y', type: 'quantitative' } },
    };
    await expect(renderSvg(spec, options)).rejects.toThrow(/^Figure "t1-curve": .*tanh/);
  });

  it('rejects a spec that fails while Vega runs (an error Vega itself only logs)', async () => {
    const spec: TopLevelSpec = {
      data: { values: [{ x: 1 }] },
      transform: [{ calculate: 'datum.x.y.z', as: 'y' }], // TypeError at run time
      mark: 'point',
      encoding: { x: { field: 'y', type: 'quantitative' } },
    };
    await expect(renderSvg(spec, options)).rejects.toThrow(/^Figure "t1-curve": Vega reported: /);
  });

  it('rejects a bad figure id and an empty title before rendering', async () => {
    await expect(renderSvg(clippedLines(), { ...options, id: 'T1' })).rejects.toThrow(/Invalid figure id "T1"/);
    await expect(renderSvg(clippedLines(), { ...options, title: '' })).rejects.toThrow(/Figure "t1-curve": the title is empty/);
  });
});

/** Vega's own output, for checking what the post-processing removes. */
async function rawVegaSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
