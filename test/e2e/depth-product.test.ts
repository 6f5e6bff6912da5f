// The depth-product simulator on /products-of-slopes/, in headless Chromium: its server-rendered
// and hydrated numbers at the initial state (tanh(2x), q = q*(2), K = 50) equal the
// products-widget record and the numbers the article prints; moving n, the spread and K with the
// mouse and the keyboard redraws the histogram and prints exactly what the math module
// (productPicture, same seed, same samples) gives for the new state; and the page's JavaScript
// stays within the 15 KB gzipped budget. Times per update are logged, not asserted.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ProductPicture, productPicture } from '../../src/lib/math/slope-products-histogram';
import { LayeredNormals } from '../../src/lib/math/slope-products-sampler';
import { barsPath, formatExponent, formatShare, formatSigma, gridIndex } from '../../src/components/islands/depth-product/view';
import { basePath, repoRoot } from './support/config';
import { JS_BUDGET_BYTES, shippedJavaScript, updateTimeReport, useWatchedPage } from './support/watch-page';

const pagePath = `${basePath}products-of-slopes/`;

interface Control {
  min: number;
  max: number;
  step: number;
}
const record = JSON.parse(readFileSync(path.join(repoRoot, 'content/data/products-widget.json'), 'utf8')) as {
  provenance: {
    config: { samples: number; seed: number; n: Control; sigma: Control; depth: Control; initial: { n: number; spread: string; sigma: number; depth: number } };
  };
  data: { qStars: { n: number; qStar: number }[]; initial: Record<string, number> };
};
const config = record.provenance.config;
const normals = new LayeredNormals(config.samples, config.seed);

interface Shown {
  n: number;
  q: number;
  depth: number;
  spread: string;
  readouts: Record<'vanished' | 'exploded' | 'median' | 'rms', { value: number; text: string }>;
  sigmaText: string;
  counts: string;
  bars: string;
  markers: { median: number; rms: number };
  updateMs: number | null;
}

/** The picture the math module gives for a state, and the texts the widget should print. */
function expected(n: number, q: number, depth: number) {
  const picture: ProductPicture = productPicture(normals, n, q, depth);
  const s = picture.summary;
  return {
    picture,
    readouts: {
      vanished: { value: s.vanished.estimate, text: formatShare(s.vanished.estimate) },
      exploded: { value: s.exploded.estimate, text: formatShare(s.exploded.estimate) },
      median: { value: s.log10Median, text: formatExponent(s.log10Median) },
      rms: { value: picture.log10RootMeanSquare, text: formatExponent(picture.log10RootMeanSquare) },
    },
  };
}

const qStarOf = (n: number) => record.data.qStars[gridIndex(n, config.n)]!.qStar;

async function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('.depth-product')!;
    const readout = (name: string) => {
      const el = root.querySelector<HTMLDataElement>(`data[data-readout="${name}"]`)!;
      return { value: Number(el.value), text: (el.textContent ?? '').trim() };
    };
    const bars = root.querySelector('.dp-bars')!;
    const ms = root.dataset.updateMs;
    return {
      n: Number(root.dataset.n),
      q: Number(root.dataset.q),
      depth: Number(root.dataset.depth),
      spread: root.dataset.spread!,
      readouts: { vanished: readout('vanished'), exploded: readout('exploded'), median: readout('median'), rms: readout('rms') },
      sigmaText: (root.querySelector('[data-readout="sigma"]')?.textContent ?? '').trim(),
      counts: bars.getAttribute('data-counts')!,
      bars: bars.getAttribute('d')!,
      markers: { median: Number(root.querySelector('.dp-median')!.getAttribute('x1')), rms: Number(root.querySelector('.dp-rms')!.getAttribute('x1')) },
      updateMs: ms === undefined ? null : Number(ms),
    } as Shown;
  });
}

/** The page shows what the module computes for the state it reports, and the state is the one intended. */
function expectMatchesModule(s: Shown, want?: { n?: number; q?: number; depth?: number }): void {
  if (want?.n !== undefined) expect(s.n).toBe(want.n);
  if (want?.depth !== undefined) expect(s.depth).toBe(want.depth);
  if (want?.q !== undefined) expect(s.q).toBeCloseTo(want.q, 14);
  const e = expected(s.n, s.q, s.depth);
  const where = `at n = ${s.n}, q = ${s.q}, K = ${s.depth}`;
  for (const key of ['vanished', 'exploded', 'median', 'rms'] as const) {
    expect(s.readouts[key].text, `${key} text ${where}`).toBe(e.readouts[key].text);
    expect(Math.abs(s.readouts[key].value - e.readouts[key].value), `${key} value ${where}`).toBeLessThanOrEqual(
      1e-12 * Math.max(1, Math.abs(e.readouts[key].value)),
    );
  }
  expect(s.counts, `histogram ${where}`).toBe(e.picture.histogram.counts.join(','));
  expect(s.bars, `bars ${where}`).toBe(barsPath(e.picture.histogram, config.samples));
  expect(s.sigmaText).toBe(formatSigma(Math.sqrt(s.q)));
}

const site = useWatchedPage();
let page: Page;
const updateTimes: number[] = [];

beforeAll(() => {
  page = site.page;
});

async function recordTime(): Promise<Shown> {
  const s = await shown(page);
  if (s.updateMs !== null) updateTimes.push(s.updateMs);
  return s;
}

/** Clicks a range input at a fraction of its width (the browser snaps to the step). */
async function clickRange(selector: string, fraction: number): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  await page.mouse.click(box.x + fraction * box.width, box.y + box.height / 2);
}

describe('depth-product simulator on /products-of-slopes/', () => {
  it('is server-rendered at its initial state with the record’s numbers, which the article prints', async () => {
    const html = await (await fetch(site.server.origin + pagePath)).text();
    const { n, depth } = config.initial;
    const want = expected(n, qStarOf(n), depth);
    const initial = record.data.initial;
    const ssr = (name: string) => {
      const m = new RegExp(`<data data-readout="${name}" value="([^"]*)">([^<]*)</data>`).exec(html);
      expect(m, `server-rendered readout ${name}`).not.toBeNull();
      return { value: Number(m![1]), text: m![2]! };
    };
    expect(ssr('vanished')).toEqual(want.readouts.vanished);
    expect(ssr('exploded')).toEqual(want.readouts.exploded);
    expect(ssr('median')).toEqual(want.readouts.median);
    expect(ssr('rms')).toEqual(want.readouts.rms);
    // The record was computed by the same function: same numbers.
    expect(initial.vanished).toBe(want.picture.summary.vanished.estimate);
    expect(initial.log10Median).toBe(want.picture.summary.log10Median);
    expect(initial.log10RootMeanSquare).toBe(want.picture.log10RootMeanSquare);
    // And the article prints them from the record, in the same format.
    const printed = (at: string) => {
      const m = new RegExp(`<data class="num" value="[^"]*" title="products-widget: ${at.replace(/[.[\]]/g, '\\$&')} = [^"]*">([^<]*)</data>`).exec(html);
      expect(m, `article prints products-widget ${at}`).not.toBeNull();
      return m![1];
    };
    expect(printed('initial.vanished')).toBe(want.readouts.vanished.text);
    expect(printed('initial.exploded')).toBe(want.readouts.exploded.text);
    expect(printed('initial.log10Median')).toBe(want.readouts.median.text);
    expect(printed('initial.log10RootMeanSquare')).toBe(want.readouts.rms.text);
    expect(html).toContain(`data-counts="${want.picture.histogram.counts.join(',')}"`);
  });

  it('hydrates with the same numbers and drawing', async () => {
    await page.goto(site.server.origin + pagePath, { waitUntil: 'load' });
    await page.locator('.depth-product').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector('astro-island[component-url*="DepthProduct"]')?.hasAttribute('ssr'));
    const s = await shown(page);
    expect(s.spread).toBe('standard');
    expectMatchesModule(s, { n: config.initial.n, depth: config.initial.depth, q: qStarOf(config.initial.n) });
  });

  it('moves K with the keyboard', async () => {
    const before = await shown(page);
    await page.locator('#depth-product-depth').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    let s = await recordTime();
    expectMatchesModule(s, { depth: before.depth + 3, n: before.n });
    expect(s.bars).not.toBe(before.bars);
    expect(s.markers.median).not.toBe(before.markers.median);
    await page.keyboard.press('End');
    s = await recordTime();
    expectMatchesModule(s, { depth: config.depth.max });
    await page.keyboard.press('Home');
    s = await recordTime();
    expectMatchesModule(s, { depth: config.depth.min });
    await page.locator('#depth-product-depth').fill(String(config.initial.depth));
    expectMatchesModule(await recordTime(), { depth: config.initial.depth });
  });

  it('moves K and n with the mouse', async () => {
    let before = await shown(page);
    await clickRange('#depth-product-depth', 0.2);
    let s = await recordTime();
    const depth = Number(await page.locator('#depth-product-depth').inputValue());
    expect(depth).toBeLessThan(before.depth);
    expectMatchesModule(s, { depth });
    expect(s.bars).not.toBe(before.bars);

    before = s;
    await clickRange('#depth-product-n', 0.85);
    s = await recordTime();
    const n = Number(await page.locator('#depth-product-n').inputValue());
    expect(n).toBeGreaterThan(before.n);
    // In the standard spread, q follows q*(n) from the record.
    expectMatchesModule(s, { n, q: qStarOf(n) });
    expect(s.readouts.rms.text).not.toBe(before.readouts.rms.text);
  });

  it('moves n with the keyboard, to both ends', async () => {
    const input = page.locator('#depth-product-n');
    await input.focus();
    const before = await shown(page);
    await page.keyboard.press('ArrowLeft');
    let s = await recordTime();
    expectMatchesModule(s, { n: Number((before.n - config.n.step).toFixed(10)) });
    await page.keyboard.press('Home');
    s = await recordTime();
    expectMatchesModule(s, { n: config.n.min, q: qStarOf(config.n.min) });
    await page.keyboard.press('End');
    s = await recordTime();
    expectMatchesModule(s, { n: config.n.max, q: qStarOf(config.n.max) });
    await input.fill(String(config.initial.n));
    expectMatchesModule(await recordTime(), { n: config.initial.n });
  });

  it('switches to a chosen spread and moves σ with mouse and keyboard', async () => {
    const before = await shown(page);
    await page.getByLabel(/σ chosen below/).check();
    let s = await recordTime();
    expect(s.spread).toBe('fixed');
    // Switching keeps σ, snapped to the slider's step.
    const sigma0 = Number(await page.locator('#depth-product-sigma').inputValue());
    expect(Math.abs(sigma0 - Math.sqrt(before.q))).toBeLessThanOrEqual(config.sigma.step / 2 + 1e-12);
    expectMatchesModule(s, { q: sigma0 * sigma0 });

    await page.locator('#depth-product-sigma').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    s = await recordTime();
    const sigma1 = Number((sigma0 + 4 * config.sigma.step).toFixed(10));
    expectMatchesModule(s, { q: sigma1 * sigma1 });

    await clickRange('#depth-product-sigma', 0.1);
    s = await recordTime();
    const sigma2 = Number(await page.locator('#depth-product-sigma').inputValue());
    expect(sigma2).toBeLessThan(sigma1);
    expectMatchesModule(s, { q: sigma2 * sigma2 });

    // σ = 0: every slope is exactly n, so g = n^K for every sample.
    await page.locator('#depth-product-sigma').press('Home');
    s = await recordTime();
    expectMatchesModule(s, { q: 0 });
    expect(s.readouts.median.text).toBe(formatExponent(s.depth * Math.log10(s.n)));

    // n moves without touching σ in this mode.
    await page.locator('#depth-product-n').press('ArrowRight');
    s = await recordTime();
    expect(s.q).toBe(0);
    expectMatchesModule(s);
  });

  it('returns to the standard spread from the keyboard', async () => {
    await page.getByLabel(/σ chosen below/).focus();
    await page.keyboard.press('ArrowUp'); // radio groups move with the arrow keys
    const s = await recordTime();
    expect(s.spread).toBe('standard');
    expectMatchesModule(s, { q: qStarOf(s.n) });
  });

  it(`ships at most ${JS_BUDGET_BYTES} B of gzipped JavaScript and logs no console error`, async () => {
    const js = await shippedJavaScript(page, site.watch, '/products-of-slopes/');
    console.log(js.report);
    console.log(updateTimeReport('depth-product: time per update in Chromium', updateTimes).report);
    expect(js.total).toBeLessThanOrEqual(JS_BUDGET_BYTES);
    expect(site.watch.consoleErrors).toEqual([]);
  });
});
