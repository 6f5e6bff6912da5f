// Search (issue 7): every page's header form is a plain GET to /search/?q=…; the search page runs
// the query through Pagefind, finds a page by a word of its prose, shows no TeX, and keeps the
// query in the URL as it changes. Math is not indexed at all.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Browser } from './support/browser';
import { basePath, distDir } from './support/config';
import { start, type StaticServer } from './support/static-server';

const ARTICLE = `${basePath}slope-budget/`;
const SEARCH = `${basePath}search/`;

let server: StaticServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await start(distDir, { base: basePath });
  browser = await launch();
  page = await browser.context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Shown {
  status: string;
  results: { title: string; href: string; excerpt: string }[];
}

async function shown(): Promise<Shown> {
  return page.evaluate(() => ({
    status: document.querySelector('.search-status')?.textContent ?? '',
    results: Array.from(document.querySelectorAll('.search-results > li'), (li) => ({
      title: li.querySelector('.search-result-title')?.textContent ?? '',
      href: li.querySelector<HTMLAnchorElement>('.search-result-title')?.href ?? '',
      excerpt: li.querySelector('.search-result-excerpt')?.textContent ?? '',
    })),
  }));
}

/** Waits until the page shows the outcome of a search for `query` (results or "no page matches"). */
async function resultsFor(query: string): Promise<Shown> {
  await expect.poll(async () => (await shown()).status, { timeout: 20_000 }).toMatch(new RegExp(`(match|matches) “${query}”`));
  return shown();
}

/** A long word of plain prose (no math) from the article, so the test does not depend on its wording. */
async function proseWord(): Promise<string> {
  await page.goto(server.origin + ARTICLE);
  return page.evaluate(() => {
    const words: string[] = [];
    for (const p of Array.from(document.querySelectorAll('article p'))) {
      const clone = p.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('.katex, .cite-tip, data').forEach((el) => el.remove());
      words.push(...(clone.textContent ?? '').split(/[^A-Za-z]+/).filter((w) => w.length >= 9));
    }
    return words.sort((a, b) => b.length - a.length || a.localeCompare(b))[0] ?? '';
  });
}

describe('search', () => {
  it('the header form on an article is a GET form to the search page that needs no JavaScript', async () => {
    await page.goto(server.origin + ARTICLE);
    const form = await page.$eval('header form[role="search"]', (f) => ({
      action: new URL((f as HTMLFormElement).action).pathname,
      method: (f as HTMLFormElement).method,
      input: f.querySelector('input')?.getAttribute('name'),
      label: f.querySelector('label')?.textContent?.trim(),
    }));
    expect(form).toEqual({ action: SEARCH, method: 'get', input: 'q', label: 'Search the articles' });
  });

  it('finds the article by a word of its text, submitted from the header form', async () => {
    const word = await proseWord();
    expect(word.length).toBeGreaterThanOrEqual(9);
    await page.fill('header input[name="q"]', word);
    await Promise.all([page.waitForURL((u) => u.pathname === SEARCH), page.press('header input[name="q"]', 'Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe(word);
    const { results } = await resultsFor(word);
    expect(results.map((r) => new URL(r.href).pathname)).toContain(ARTICLE);
    const hit = results.find((r) => new URL(r.href).pathname === ARTICLE)!;
    // Pagefind stems words: the excerpt shows the matching form, which shares the stem.
    expect(hit.excerpt.toLowerCase()).toContain(word.toLowerCase().slice(0, 6));
    expect(await page.inputValue('#search-page-q')).toBe(word);
  });

  it('shows no TeX: excerpts carry no TeX commands, and TeX-only words find nothing', async () => {
    await page.goto(`${server.origin}${SEARCH}?q=tanh`);
    const { results } = await resultsFor('tanh');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.excerpt, r.title).not.toMatch(/\\[a-zA-Z]+|\$|\{|\}/);
    for (const texOnly of ['operatorname', 'mathbb']) {
      await page.goto(`${server.origin}${SEARCH}?q=${texOnly}`);
      expect((await resultsFor(texOnly)).results).toEqual([]);
    }
  });

  it('keeps the query in the URL as the reader types, and a linked search reproduces it', async () => {
    await page.goto(`${server.origin}${SEARCH}?q=saturation`);
    await resultsFor('saturation');
    await page.fill('#search-page-q', 'chaotic');
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 10_000 }).toBe('chaotic');
    const typed = await resultsFor('chaotic');
    await page.goto(page.url());
    const linked = await resultsFor('chaotic');
    expect(linked.results.map((r) => r.href)).toEqual(typed.results.map((r) => r.href));
    await page.fill('#search-page-q', '');
    await expect.poll(() => new URL(page.url()).search, { timeout: 10_000 }).toBe('');
  });

  it('without JavaScript the page says why there are no results and lists the articles', async () => {
    const html = await (await fetch(`${server.origin}${SEARCH}?q=tanh`)).text();
    const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(html)?.[1] ?? '';
    expect(noscript).toContain('needs JavaScript');
    expect(noscript).toContain(`href="${ARTICLE}"`);
  });

  it('logged no error', () => {
    expect(errors).toEqual([]);
  });
});
