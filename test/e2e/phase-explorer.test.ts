// The phase-diagram explorer on /order-and-chaos/, in headless Chromium: its server-rendered and
// hydrated readouts at the initial point (plain tanh at σ_w² = 4, σ_b² = 0, i.e. tanh(2x) at the
// standard initialisation) match the mean-field module and the number the article prints; dragging
// the point, the keyboard on the σ_w² / σ_b² sliders and the n slider each move the drawn point
// and give the readouts the module computes at the new point; and the page's JavaScript stays
// within the 15 KB gzipped budget.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/lib/articles/format-number';
import { tanh1 } from '../../src/lib/math/activations';
import { chi1, depthScaleC, qStar } from '../../src/lib/math/meanfield';
import { plotSize, sb2ToY, sw2ToX } from '../../src/components/islands/phase-explorer/plane';
import { basePath, repoRoot } from './support/config';
import { JS_BUDGET_BYTES, shippedJavaScript, updateTimeReport, useWatchedPage } from './support/watch-page';

const pagePath = `${basePath}order-and-chaos/`;

interface Shown {
  sw2: number;
  sb2: number;
  chi1: { value: number; text: string };
  qStar: { value: number; text: string };
  depthScaleC: { value: number; text: string };
  phase: string;
  point: { cx: number; cy: number };
  updateMs: number | null;
}

/** What the page should print for plain tanh at (σ_w², σ_b²), from the math module directly. */
function expected(sw2: number, sb2: number) {
  const c = chi1(tanh1, sw2, sb2);
  const q = qStar(tanh1, sw2, sb2);
  const xi = depthScaleC(tanh1, sw2, sb2);
  return {
    chi1: { value: c, text: formatNumber(c, { digits: 3 }) },
    qStar: { value: q, text: q === 0 ? '0' : formatNumber(q, { sig: 4 }) },
    depthScaleC: { value: xi, text: xi === Infinity ? '∞' : formatNumber(xi, { sig: 3 }) },
    phase: Math.abs(c - 1) < 5e-4 ? 'critical' : c < 1 ? 'ordered' : 'chaotic',
  };
}

async function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('.phase-explorer')!;
    const readout = (name: string) => {
      const el = root.querySelector<HTMLDataElement>(`[data-readout="${name}"]`)!;
      return { value: Number(el.value), text: (el.textContent ?? '').trim() };
    };
    const circle = root.querySelector('.pe-point')!;
    const ms = root.dataset.updateMs;
    return {
      sw2: Number(root.dataset.sw2),
      sb2: Number(root.dataset.sb2),
      chi1: readout('chi1'),
      qStar: readout('qStar'),
      depthScaleC: readout('depthScaleC'),
      phase: (root.querySelector('[data-readout="phase"]')?.textContent ?? '').trim(),
      point: { cx: Number(circle.getAttribute('cx')), cy: Number(circle.getAttribute('cy')) },
      updateMs: ms === undefined ? null : Number(ms),
    };
  });
}

function expectReadoutsMatchModule(s: Shown): void {
  const want = expected(s.sw2, s.sb2);
  const where = `at σ_w² = ${s.sw2}, σ_b² = ${s.sb2}`;
  for (const key of ['chi1', 'qStar', 'depthScaleC'] as const) {
    expect(s[key].text, `${key} text ${where}`).toBe(want[key].text);
    if (Number.isFinite(want[key].value)) {
      expect(Math.abs(s[key].value - want[key].value), `${key} value ${where}`).toBeLessThanOrEqual(
        1e-12 * Math.max(1, Math.abs(want[key].value)),
      );
    } else {
      expect(s[key].value, `${key} value ${where}`).toBe(want[key].value);
    }
  }
  expect(s.phase, `phase ${where}`).toBe(want.phase);
  // The drawn point sits where the plane maps (σ_w², σ_b²).
  expect(s.point.cx).toBeCloseTo(sw2ToX(s.sw2), 6);
  expect(s.point.cy).toBeCloseTo(sb2ToY(s.sb2), 6);
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

describe('phase-diagram explorer on /order-and-chaos/', () => {
  it('is server-rendered at tanh(2x) (σ_w² = 4, σ_b² = 0) with the module’s numbers and the article’s χ1', async () => {
    const html = await (await fetch(site.server.origin + pagePath)).text();
    const ssr = (name: string) => {
      const m = new RegExp(`<data data-readout="${name}" value="([^"]*)">([^<]*)</data>`).exec(html);
      expect(m, `server-rendered readout ${name}`).not.toBeNull();
      return { value: Number(m![1]), text: m![2]! };
    };
    const want = expected(4, 0);
    expect(ssr('chi1')).toEqual(want.chi1);
    expect(ssr('qStar')).toEqual(want.qStar);
    expect(ssr('depthScaleC')).toEqual(want.depthScaleC);
    // The build prints χ1 at n = 2 from the chi1-vs-n dataset (tanh(2x) at σ_w² = 1): same text.
    const record = JSON.parse(readFileSync(path.join(repoRoot, 'content/data/chi1-vs-n.json'), 'utf8')) as {
      data: { curve: { n: number; sb2: number; chi1: number }[] };
    };
    const atTwo = record.data.curve.find((r) => r.n === 2 && r.sb2 === 0)!;
    expect(formatNumber(atTwo.chi1, { digits: 3 })).toBe(want.chi1.text);
    const printed = /<data class="num" value="[^"]*" title="chi1-vs-n: curve\[n=2,sb2=0\]\.chi1 = [^"]*">([^<]*)<\/data>/.exec(html);
    expect(printed?.[1]).toBe(want.chi1.text);
  });

  it('hydrates with the same readouts', async () => {
    await page.goto(site.server.origin + pagePath, { waitUntil: 'load' });
    await page.locator('.phase-explorer').scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => !document.querySelector('astro-island[component-url*="PhaseExplorer"]')?.hasAttribute('ssr'),
    );
    const s = await shown(page);
    expect([s.sw2, s.sb2]).toEqual([4, 0]);
    expectReadoutsMatchModule(s);
    expect(s.phase).toBe('chaotic');
  });

  it('follows a mouse drag of the point', async () => {
    const before = await shown(page);
    const box = (await page.locator('.phase-explorer-plot').boundingBox())!;
    const toScreen = (sw2: number, sb2: number) => ({
      x: box.x + (sw2ToX(sw2) / plotSize.width) * box.width,
      y: box.y + (sb2ToY(sb2) / plotSize.height) * box.height,
    });
    const from = toScreen(before.sw2, before.sb2);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    // Drag through the chaotic phase to (2.5, 0.3), checking the readouts on the way.
    const path = [
      [3.6, 0.05],
      [3.2, 0.12],
      [2.9, 0.2],
      [2.5, 0.3],
    ] as const;
    for (const [sw2, sb2] of path) {
      const to = toScreen(sw2, sb2);
      await page.mouse.move(to.x, to.y, { steps: 4 });
      const s = await recordTime();
      expect(Math.abs(s.sw2 - sw2)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(s.sb2 - sb2)).toBeLessThanOrEqual(0.005);
      expectReadoutsMatchModule(s);
    }
    await page.mouse.up();
    const after = await shown(page);
    expect(after.point.cx).toBeLessThan(before.point.cx);
    expect(after.point.cy).toBeLessThan(before.point.cy); // up = larger σ_b²
    expect((await page.locator('#phase-explorer-sw2').inputValue())).toBe(String(after.sw2));
  });

  it('moves with the keyboard on the σ_w² and σ_b² sliders', async () => {
    const start = await shown(page);
    await page.locator('#phase-explorer-sw2').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    let s = await recordTime();
    expect(s.sw2).toBeCloseTo(start.sw2 - 0.2, 9);
    expect(s.sb2).toBe(start.sb2);
    expect(s.point.cx).toBeLessThan(start.point.cx);
    expectReadoutsMatchModule(s);

    await page.locator('#phase-explorer-sb2').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    const prev = s;
    s = await recordTime();
    expect(s.sb2).toBeCloseTo(prev.sb2 - 0.015, 9);
    expect(s.point.cy).toBeGreaterThan(prev.point.cy);
    expectReadoutsMatchModule(s);

    // Into the ordered phase: σ_w² down to its minimum, then to 1 at σ_b² = 0 (critical: χ1 = 1, ξ_c = ∞).
    await page.locator('#phase-explorer-sb2').press('Home');
    await page.locator('#phase-explorer-sw2').press('Home');
    s = await recordTime();
    expect([s.sw2, s.sb2]).toEqual([0.05, 0]);
    expectReadoutsMatchModule(s);
    expect(s.phase).toBe('ordered');
    for (let i = 0; i < 19; i++) await page.keyboard.press('ArrowRight');
    s = await recordTime();
    expect(s.sw2).toBe(1);
    expectReadoutsMatchModule(s);
    expect(s.phase).toBe('critical');
    expect(s.depthScaleC.text).toBe('∞');
  });

  it('moves along the tanh(n·x) ray with the n slider (both bases)', async () => {
    // Base σ_b² = 0.05: choosing it puts the point on the ray (n², 0.05·n²).
    await page.getByLabel('s = 0.05').check();
    let s = await recordTime();
    expect(s.sb2).toBeCloseTo(0.05 * s.sw2, 12);
    expectReadoutsMatchModule(s);
    const n = page.locator('#phase-explorer-n');
    await n.focus();
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight']) {
      const before = s;
      await page.keyboard.press(key);
      s = await recordTime();
      const value = Number(await n.inputValue());
      expect(s.sw2).toBeCloseTo(value * value, 12);
      expect(s.sb2).toBeCloseTo(0.05 * value * value, 12);
      expect(s.point.cx).toBeGreaterThan(before.point.cx);
      expect(s.point.cy).toBeLessThan(before.point.cy);
      expectReadoutsMatchModule(s);
    }
    expect(await page.locator('[data-readout="equivalent"]').textContent()).toContain('tanh(');

    // Back to the σ_b² = 0 ray, then n = 2: tanh(2x) again, the initial numbers.
    await page.getByLabel('s = 0', { exact: true }).check();
    await n.fill('2');
    s = await recordTime();
    expect([s.sw2, s.sb2]).toEqual([4, 0]);
    expectReadoutsMatchModule(s);
    await n.press('End');
    s = await recordTime();
    expect(s.sw2).toBeCloseTo(2.2 * 2.2, 12);
    expectReadoutsMatchModule(s);
  });

  it('updates fast enough to follow the pointer', async () => {
    // A sweep across the chaotic phase, where ξ_c (a 2-D fixed point) is the costly part.
    const box = (await page.locator('.phase-explorer-plot').boundingBox())!;
    const times: number[] = [];
    for (let i = 0; i <= 20; i++) {
      const sw2 = 1.5 + (3.4 * i) / 20;
      const sb2 = 0.02 + (0.45 * i) / 20;
      const x = box.x + (sw2ToX(sw2) / plotSize.width) * box.width;
      const y = box.y + (sb2ToY(sb2) / plotSize.height) * box.height;
      if (i === 0) {
        await page.mouse.move(x, y);
        await page.mouse.down();
      } else await page.mouse.move(x, y);
      const s = await recordTime();
      if (s.updateMs !== null) times.push(s.updateMs);
    }
    await page.mouse.up();
    expectReadoutsMatchModule(await shown(page));
    const { median, report } = updateTimeReport('phase explorer: time per update (qStar + chi1 + depthScaleC)', updateTimes);
    console.log(report);
    expect(times.length).toBeGreaterThan(10);
    expect(median).toBeLessThan(16);
  });

  it(`ships at most ${JS_BUDGET_BYTES} B of gzipped JavaScript and logs no console error`, async () => {
    const js = await shippedJavaScript(page, site.watch, '/order-and-chaos/');
    console.log(js.report);
    expect(js.total).toBeLessThanOrEqual(JS_BUDGET_BYTES);
    expect(site.watch.consoleErrors).toEqual([]);
  });
});
