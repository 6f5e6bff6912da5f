// Citation (issue 7) in the built site: every page's Highwire meta tags agree with its canonical
// URL and title; its BibTeX (shown, and downloadable for articles) reads back in a reference
// manager's parser; a figure link opens at the figure; inline citations link to the reference
// list and show the entry on hover and focus; sections link to themselves; the table of contents
// and previous/next follow the article.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBibtex } from '../unit/references/bibtex-reader';
import { launch, type Browser } from './support/browser';
import { basePath, distDir } from './support/config';
import { readSitemap } from './support/sitemap';
import { start, type StaticServer } from './support/static-server';

const sitemap = readSitemap(distDir, basePath);
const SLOPE = `${basePath}slope-budget/`;
const CHAOS = `${basePath}order-and-chaos/`;
const citablePages = sitemap.paths.filter((p) => p !== `${basePath}search/`);

let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await start(distDir, { base: basePath });
  browser = await launch();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function html(sitePath: string): Promise<string> {
  const res = await fetch(server.origin + sitePath);
  expect(res.status, sitePath).toBe(200);
  return res.text();
}

function meta(doc: string, name: string): string[] {
  return [...doc.matchAll(new RegExp(`<meta name="${name}" content="([^"]*)"`, 'g'))].map((m) =>
    m[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'"),
  );
}

function bibtexOf(doc: string): string {
  const pre = /<pre class="bibtex" data-bibtex><code>([\s\S]*?)<\/code><\/pre>/.exec(doc)?.[1];
  expect(pre, 'a BibTeX block').toBeDefined();
  return pre!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe.each(citablePages)('page %s is citable', (sitePath) => {
  it('has Highwire citation_* tags matching its canonical URL, with the authors and a date', async () => {
    const doc = await html(sitePath);
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(doc)?.[1];
    expect(canonical).toBeDefined();
    expect(new URL(canonical!).pathname).toBe(sitePath);
    expect(meta(doc, 'citation_title')).toHaveLength(1);
    expect(meta(doc, 'citation_author')).toEqual(['tanh-nx contributors']);
    expect(meta(doc, 'citation_publication_date')[0]).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    expect(meta(doc, 'citation_public_url')).toEqual([canonical]);
    expect(meta(doc, 'citation_fulltext_html_url')).toEqual([canonical]);
  });

  it('has a BibTeX entry that a reference manager reads back with the same title, author, year and URL', async () => {
    const doc = await html(sitePath);
    const entries = parseBibtex(bibtexOf(doc));
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry!.title).toBe(meta(doc, 'citation_title')[0]);
    expect(entry!.author).toEqual([{ family: 'tanh-nx contributors' }]);
    expect(entry!.URL).toBe(meta(doc, 'citation_public_url')[0]);
    expect(String(entry!.issued?.['date-parts'][0]?.[0])).toBe(meta(doc, 'citation_publication_date')[0]!.slice(0, 4));
  });
});

describe('articles', () => {
  it('an article cites with its own title and date, and its .bib download holds the same entry', async () => {
    const doc = await html(SLOPE);
    const h1 = /<h1>([^<]*)<\/h1>/.exec(doc)?.[1];
    expect(meta(doc, 'citation_title')).toEqual([h1]);
    const published = /Published <time datetime="(\d{4}-\d{2}-\d{2})"/.exec(doc)?.[1];
    expect(meta(doc, 'citation_publication_date')).toEqual([published!.replaceAll('-', '/')]);
    const bibHref = /<a href="([^"]+\.bib)" download>/.exec(doc)?.[1];
    expect(bibHref).toBeDefined();
    const file = await fetch(new URL(bibHref!, server.origin + SLOPE));
    expect(file.status).toBe(200);
    expect((await file.text()).trim()).toBe(bibtexOf(doc).trim());
  });

  it('a figure link opens the page scrolled to the figure', async () => {
    const ids = [...(await html(CHAOS)).matchAll(/<figure class="figure" id="(fig-[^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(2);
    const last = ids[ids.length - 1]!;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.origin}${CHAOS}#${last}`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const where = await page.$eval(`#${last}`, (el) => ({ top: el.getBoundingClientRect().top, scrollY: window.scrollY }));
    expect(where.scrollY).toBeGreaterThan(0);
    expect(where.top).toBeGreaterThanOrEqual(-1);
    expect(where.top).toBeLessThan(100);
  });

  it('each figure has a "Cite this figure" entry with its number, title, page and anchored URL', async () => {
    await page.goto(server.origin + CHAOS);
    const figures = await page.$$eval('figure[id^="fig-"]', (els) =>
      els.map((fig) => ({
        id: fig.id,
        label: fig.querySelector('.figure-label')?.textContent ?? '',
        labelHref: fig.querySelector('.figure-label')?.getAttribute('href'),
        title: fig.querySelector('figcaption strong')?.textContent?.replace(/\.$/, '') ?? '',
        citation: fig.querySelector('[data-figure-citation]')?.textContent ?? '',
      })),
    );
    const pageTitle = await page.$eval('h1', (h) => h.textContent ?? '');
    const canonical = await page.$eval('link[rel="canonical"]', (l) => l.getAttribute('href') ?? '');
    expect(figures.length).toBeGreaterThan(0);
    figures.forEach((f, i) => {
      expect(f.label).toBe(`Figure ${i + 1}`);
      expect(f.labelHref).toBe(`#${f.id}`);
      expect(f.citation).toContain(`Figure ${i + 1}, “${f.title}”`);
      expect(f.citation).toContain(pageTitle);
      expect(f.citation.endsWith(`${canonical}#${f.id}`)).toBe(true);
    });
  });

  it('inline citations link to an entry of the reference list and show it on hover and on focus', async () => {
    await page.goto(server.origin + CHAOS);
    const cites = await page.$$eval('.cite-link', (links) =>
      links.map((a) => ({ href: a.getAttribute('href') ?? '', describedBy: a.getAttribute('aria-describedby') ?? '', text: a.textContent ?? '' })),
    );
    expect(cites.length).toBeGreaterThan(0);
    const listed = await page.$$eval('.references .reference-list > li', (lis) => lis.map((li) => li.id));
    for (const c of cites) {
      expect(listed, c.text).toContain(c.href.slice(1));
      expect(await page.$eval(`#${c.describedBy}`, (el) => el.getAttribute('role'))).toBe('tooltip');
    }
    const tip = page.locator(`#${cites[0]!.describedBy}`);
    expect(await tip.isVisible()).toBe(false);
    await page.hover('.cite-link >> nth=0');
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain(cites[0]!.text.replace(/ \d{4}$/, '').replace(' et al.', ''));
    await page.mouse.move(0, 0);
    expect(await tip.isVisible()).toBe(false);
    await page.focus('.cite-link >> nth=0');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await tip.isVisible()).toBe(true);
  });

  it('every section heading links to itself, and the table of contents lists them', async () => {
    await page.goto(server.origin + SLOPE);
    const headings = await page.$$eval('.section-heading', (els) =>
      els.map((el) => ({ id: el.querySelector('h2, h3')?.id ?? '', href: el.querySelector('.heading-link')?.getAttribute('href') ?? '' })),
    );
    expect(headings.length).toBeGreaterThan(2);
    for (const h of headings) expect(h.href).toBe(`#${h.id}`);
    const toc = await page.$$eval('nav.toc a', (as) => as.map((a) => a.getAttribute('href')));
    expect(toc.slice(0, headings.length)).toEqual(headings.map((h) => `#${h.id}`));
    expect(toc).toContain('#cite-this-page');
  });

  it('previous and next follow the reading order', async () => {
    const articles = await page.evaluate(async () => Array.from(document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Articles"] a'), (a) => new URL(a.href).pathname));
    const at = articles.indexOf(CHAOS);
    expect(at).toBeGreaterThan(0);
    await page.goto(server.origin + CHAOS);
    const prev = await page.$eval('a[rel="prev"]', (a) => new URL((a as HTMLAnchorElement).href).pathname);
    expect(prev).toBe(articles[at - 1]);
    const next = await page.$$eval('a[rel="next"]', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(next).toEqual(articles[at + 1] ? [articles[at + 1]] : []);
  });
});
