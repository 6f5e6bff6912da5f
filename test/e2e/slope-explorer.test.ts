// The slope explorer island on /slope-budget/ (issue 6, widget 1), in headless Chromium: its
// server-rendered numbers at n = 2 equal the article's, and moving n with the mouse, the keyboard
// and the number box redraws the curves and prints exactly what src/lib/math gives for the new n.
// Also: the page's JavaScript stays within 15 KB gzipped, and nothing is logged as an error.

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { explodingThreshold, t1, tanhNSlope } from '../../src/lib/math/thresholds';
import { basePath } from './support/config';
import { JS_BUDGET_BYTES, shippedJavaScript, useWatchedPage } from './support/watch-page';

const PAGE = `${basePath}slope-budget/`;
const RANGE = '#slope-explorer-n-range';
const NUMBER = '#slope-explorer-n-number';
const SLOPE_PATH = '.slope-explorer__slope';

const site = useWatchedPage();
let page: Page;

/** What the widget should print for n, computed here from the math module (thresholds to 3 decimals, as the article). */
function expected(n: number): Record<string, string> {
  const peak = tanhNSlope(n, 0).toFixed(2);
  if (n <= 1) return { peak };
  return { peak, t1: t1(n).toFixed(3), exploding: explodingThreshold(n).toFixed(3) };
}

/** The printed numbers, by name (peak, t1, exploding; `none` when n ≤ 1). */
async function printed(): Promise<Record<string, string>> {
  return page.$$eval('.slope-explorer [data-value]', (els) =>
    Object.fromEntries(els.filter((el) => el.getAttribute('data-value') !== 'none').map((el) => [el.getAttribute('data-value'), (el.textContent ?? '').trim()])),
  );
}

async function slopePath(): Promise<string> {
  return (await page.getAttribute(SLOPE_PATH, 'd')) ?? '';
}

async function sliderN(): Promise<number> {
  return Number(await page.inputValue(RANGE));
}

/** Waits until the widget shows the numbers for n, then checks all of them and the accessible name. */
async function expectShowing(n: number): Promise<void> {
  const want = expected(n);
  await expect.poll(printed, { timeout: 5_000 }).toEqual(want);
  const label = (await page.getAttribute('.slope-explorer svg[role="img"]', 'aria-label')) ?? '';
  expect(label).toContain(`tanh(${n.toFixed(2)}·x)`);
  if (want.t1) expect(label).toContain(want.t1);
}

/** Asserts that the slope curve was redrawn (its path differs from `before`) and returns the new path. */
async function expectRedrawn(before: string): Promise<string> {
  await expect.poll(slopePath, { timeout: 5_000 }).not.toBe(before);
  return slopePath();
}

beforeAll(async () => {
  page = site.page;
  await page.goto(site.server.origin + PAGE, { waitUntil: 'load' });
});

describe('slope explorer on /slope-budget/', () => {
  it('is server-rendered at n = 2 with the numbers the article prints', async () => {
    // Before hydration (client:visible: the island is below the fold, so not hydrated yet).
    expect(await page.locator('astro-island[ssr]').count()).toBeGreaterThan(0);
    expect(await sliderN()).toBe(2);
    expect(await printed()).toEqual(expected(2));
    const article = await page.$$eval('data.num', (els) =>
      Object.fromEntries(els.map((el) => [el.getAttribute('title')?.split(' = ')[0] ?? '', (el.textContent ?? '').trim()])),
    );
    expect(article['good-interval: t1']).toBe(expected(2).t1);
    expect(article['good-interval: exploding']).toBe(expected(2).exploding);
    expect(expected(2).t1).toBe('0.658');
  });

  it('hydrates when scrolled into view and still shows n = 2', async () => {
    await page.locator('.slope-explorer').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'), undefined, { timeout: 10_000 });
    await page.waitForLoadState('networkidle');
    await expectShowing(2);
  });

  it('follows the slider when its track is clicked with the mouse', async () => {
    const before = await slopePath();
    const box = (await page.locator(RANGE).boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.85, box.y + box.height / 2);
    const n = await sliderN();
    expect(n).toBeGreaterThan(3);
    await expectShowing(n);
    await expectRedrawn(before);
  });

  it('follows the slider when its thumb is dragged with the mouse', async () => {
    const before = await slopePath();
    const box = (await page.locator(RANGE).boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.85, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, y, { steps: 8 });
    await page.mouse.move(box.x + box.width * 0.4, y, { steps: 8 });
    await page.mouse.up();
    const n = await sliderN();
    expect(n).toBeGreaterThan(1);
    expect(n).toBeLessThan(2.5);
    await expectShowing(n);
    await expectRedrawn(before);
  });

  it('moves n by 0.05 per ArrowRight / ArrowLeft', async () => {
    await page.fill(NUMBER, '2');
    await page.locator(NUMBER).blur();
    await expectShowing(2);
    let before = await slopePath();
    await page.focus(RANGE);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await page.inputValue(RANGE)).toBe('2.15');
    await expectShowing(2.15);
    before = await expectRedrawn(before);
    await page.keyboard.press('ArrowLeft');
    await expectShowing(2.1);
    await expectRedrawn(before);
  });

  it('follows a value typed into the number box, and says there is no interval for n ≤ 1', async () => {
    let before = await slopePath();
    await page.fill(NUMBER, '3.3');
    await expectShowing(3.3);
    expect(await sliderN()).toBe(3.3);
    before = await expectRedrawn(before);
    expect(await page.locator('.slope-explorer [data-band]').count()).toBe(2);

    await page.fill(NUMBER, '0.75');
    await expectShowing(0.75);
    await expectRedrawn(before);
    expect(await page.locator('.slope-explorer [data-band]').count()).toBe(0);
    expect(await page.textContent('.slope-explorer [data-value="none"]')).toMatch(/never exceeds 1/);
  });

  it('follows 76 inputs in a row, each shown before the next (time per update printed, not asserted: a timing)', async () => {
    const ms = await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('#slope-explorer-n-range')!;
      const peak = document.querySelector('[data-value="peak"]')!;
      const values: string[] = [];
      for (let k = 5; k <= 80; k++) values.push(String(k / 20));
      const started = performance.now();
      for (const v of values) {
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // Preact re-renders in a microtask; fall back to a macrotask only if it has not yet.
        for (let spins = 0; peak.textContent !== Number(v).toFixed(2); spins++) {
          await new Promise<void>((r) => (spins < 100 ? queueMicrotask(r) : setTimeout(r, 0)));
        }
      }
      return (performance.now() - started) / values.length;
    });
    console.log(`[e2e] slope explorer: ${ms.toFixed(2)} ms per update (input event → DOM updated)`);
    expect(await page.textContent('[data-value="peak"]')).toBe('4.00');
  });

  it(`ships at most ${JS_BUDGET_BYTES} B of gzipped JavaScript`, async () => {
    const js = await shippedJavaScript(page, site.watch, '/slope-budget/');
    console.log(js.report);
    expect(site.watch.scripts.size).toBeGreaterThan(0);
    expect(js.total).toBeLessThanOrEqual(JS_BUDGET_BYTES);
  });

  it('logs no console error', () => {
    expect(site.watch.consoleErrors).toEqual([]);
  });
});
