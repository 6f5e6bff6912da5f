// Every page of the built site, in a real headless Chromium, served from 127.0.0.1 the way a
// static host would serve it: loads cleanly (no console/page errors, failed or off-site requests),
// figures are accessible images with working data downloads, math renders with the self-hosted
// KaTeX fonts, pages without islands ship no JavaScript, axe finds nothing in either colour
// scheme, and every internal link (and #anchor) resolves.

import AxeBuilder from '@axe-core/playwright';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Browser } from './support/browser';
import { basePath, distDir } from './support/config';
import { readSitemap } from './support/sitemap';
import { start, type StaticServer } from './support/static-server';

/** WCAG 2.0, 2.1 and 2.2 levels A and AA, and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const sitemap = readSitemap(distDir, basePath);
const notFoundPage = `${basePath}404.html`;
const pages = [...new Set([...sitemap.paths, notFoundPage])];
const articleWithMath = `${basePath}slope-budget/`;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await start(distDir, { base: basePath });
  browser = await launch();
  // Never let a request leave the machine: off-site requests are aborted (and each page records them).
  await browser.context.route(
    (u) => u.origin !== server.origin && !isIgnorableScheme(u.href),
    (route) => route.abort('blockedbyclient'),
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Origins whose URLs mean "this site": the local server and the `site` the sitemap was built for. */
function toLocal(href: string): URL | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.origin === server.origin) return url;
  if (sitemap.origins.includes(url.origin)) return new URL(url.pathname + url.search + url.hash, server.origin);
  return null;
}

interface PageRecord {
  page: Page;
  url: string;
  status: number | null;
  loadMs: number;
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  offsiteRequests: string[];
  requests: { url: string; type: string }[];
}

function isIgnorableScheme(url: string): boolean {
  return /^(data|blob|about):/i.test(url);
}

async function openPage(sitePath: string): Promise<PageRecord> {
  const page = await browser.context.newPage();
  const url = server.origin + encodeURI(sitePath);
  const record: PageRecord = {
    page,
    url,
    status: null,
    loadMs: 0,
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    offsiteRequests: [],
    requests: [],
  };
  const isOffsite = (u: string) => !isIgnorableScheme(u) && new URL(u).origin !== server.origin;
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    record.consoleErrors.push(`${msg.text()}${loc.url ? ` (at ${loc.url}:${loc.lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => record.pageErrors.push(error.stack ?? String(error)));
  page.on('request', (req: Request) => {
    const u = req.url();
    if (isIgnorableScheme(u)) return;
    record.requests.push({ url: u, type: req.resourceType() });
    if (isOffsite(u)) record.offsiteRequests.push(`${req.resourceType()} ${u}`);
  });
  page.on('requestfailed', (req) => {
    if (isOffsite(req.url())) return; // reported as off-site
    record.failedRequests.push(`${req.resourceType()} ${req.url()}: ${req.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (res) => {
    const req = res.request();
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) return; // checked separately
    if (res.status() >= 400) record.failedRequests.push(`${req.resourceType()} ${res.url()}: HTTP ${res.status()}`);
  });

  const started = Date.now();
  const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  record.status = response?.status() ?? null;
  // Scroll through the page so that `client:visible` islands hydrate (and lazy images load).
  await page.evaluate(async () => {
    const step = Math.max(200, Math.floor(window.innerHeight / 2));
    for (let y = 0, i = 0; y < document.documentElement.scrollHeight && i < 400; y += step, i++) {
      window.scrollTo(0, y);
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(200); // let late hydration errors surface
  record.loadMs = Date.now() - started;
  return record;
}

/** Ids on the page at `url` (any element with `id`, plus `<a name>`), via the browser; cached. */
const idCache = new Map<string, Promise<Set<string>>>();
function idsOf(url: string): Promise<Set<string>> {
  let ids = idCache.get(url);
  if (!ids) {
    ids = (async () => {
      const page = await browser.context.newPage();
      try {
        await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
        const list = await page.evaluate(() => [
          ...Array.from(document.querySelectorAll('[id]'), (el) => el.id),
          ...Array.from(document.querySelectorAll('a[name]'), (el) => el.getAttribute('name') ?? ''),
        ]);
        return new Set(list);
      } finally {
        await page.close();
      }
    })();
    idCache.set(url, ids);
  }
  return ids;
}

const statusCache = new Map<string, Promise<{ status: number; finalUrl: string; type: string; body: string }>>();
function fetchLocal(url: string) {
  let result = statusCache.get(url);
  if (!result) {
    result = fetch(url).then(async (res) => ({
      status: res.status,
      finalUrl: res.url,
      type: res.headers.get('content-type') ?? '',
      body: await res.text(),
    }));
    statusCache.set(url, result);
  }
  return result;
}

it('the sitemap lists the home page and the first article, under the base path', () => {
  expect(pages.every((p) => p.startsWith(basePath)), `every page under ${basePath}: ${pages.join(', ')}`).toBe(true);
  expect(sitemap.paths).toContain(basePath);
  expect(sitemap.paths).toContain(articleWithMath);
});

it('answers an unknown address, however deep, with status 404 and the not-found page, whose links work there', async () => {
  const page = await browser.context.newPage();
  try {
    const response = await page.goto(`${server.origin}${basePath}no/such/page/`, { waitUntil: 'load' });
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').first().textContent()).toMatch(/not found/i);
    const hrefs = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLAnchorElement>('main a[href]'), (a) => a.href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      const local = toLocal(href);
      if (local) expect((await fetchLocal(local.href.replace(/#.*$/, ''))).status, href).toBe(200);
    }
  } finally {
    await page.close();
  }
});

describe.each(pages)('page %s', (sitePath) => {
  let rec: PageRecord;

  beforeAll(async () => {
    rec = await openPage(sitePath);
    console.log(`[e2e] ${sitePath}: loaded in ${rec.loadMs} ms, ${rec.requests.length} requests`);
  });

  afterAll(async () => {
    await rec?.page.close();
  });

  it('is served with status 200', () => {
    expect(rec.status, rec.url).toBe(200);
  });

  it('logs no console error', () => {
    expect(rec.consoleErrors).toEqual([]);
  });

  it('throws no uncaught page error', () => {
    expect(rec.pageErrors).toEqual([]);
  });

  it('has no failed request (requestfailed or HTTP ≥ 400)', () => {
    expect(rec.failedRequests).toEqual([]);
  });

  it('requests nothing but the local server', () => {
    expect(rec.offsiteRequests).toEqual([]);
  });

  it('has unique ids in the whole DOM (SVGs included)', async () => {
    const duplicates = await rec.page.evaluate(() => {
      const counts = new Map<string, number>();
      for (const el of Array.from(document.querySelectorAll('[id]'))) counts.set(el.id, (counts.get(el.id) ?? 0) + 1);
      return [...counts].filter(([, n]) => n > 1).map(([id, n]) => `#${id} ×${n}`);
    });
    expect(duplicates).toEqual([]);
  });

  it('has figures that are labelled images with a caption and data downloads', async () => {
    const { problems, downloads } = await rec.page.evaluate(() => {
      const problems: string[] = [];
      const downloads: string[] = [];
      const figures = Array.from(document.querySelectorAll<HTMLElement>('figure[id^="fig-"]'));
      const seen = new Set<string>();
      for (const fig of figures) {
        const where = `figure#${fig.id}`;
        if (seen.has(fig.id)) problems.push(`${where}: duplicate figure id`);
        seen.add(fig.id);
        // A figure is one image (src/lib/figures/figure-image.ts): a <picture> of SVG files in two
        // layouts, named by its alt text and described by its text alternative kept in the page.
        const imgs = fig.querySelectorAll<HTMLImageElement>('.figure-graphic picture > img');
        if (imgs.length !== 1) problems.push(`${where}: ${imgs.length} .figure-graphic picture > img (want exactly 1)`);
        if (fig.querySelector('.figure-graphic svg')) problems.push(`${where}: inline <svg> (figures are SVG images)`);
        const img = imgs[0];
        if (img) {
          if (!(img.getAttribute('alt') ?? '').trim()) problems.push(`${where}: img has no alt text`);
          if (!img.getAttribute('width') || !img.getAttribute('height')) problems.push(`${where}: img has no width/height (space is not reserved)`);
          const ids = (img.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
          if (ids.length === 0) problems.push(`${where}: img has no aria-describedby`);
          for (const id of ids) {
            const target = document.getElementById(id);
            if (!target) problems.push(`${where}: aria-describedby id "${id}" does not exist`);
            else if (!(target.textContent ?? '').trim()) problems.push(`${where}: aria-describedby id "${id}" is empty`);
          }
          const sources = Array.from(fig.querySelectorAll<HTMLSourceElement>('picture > source[srcset]'));
          if (sources.length !== 1 || !sources[0]!.media) problems.push(`${where}: want one <source media srcset> (the narrow layout)`);
          downloads.push(img.src, ...sources.map((source) => new URL(source.srcset, document.baseURI).href));
        }
        const caption = fig.querySelector('figcaption');
        if (!caption || !(caption.textContent ?? '').trim()) problems.push(`${where}: no non-empty <figcaption>`);
        const links = Array.from(fig.querySelectorAll<HTMLAnchorElement>('a[data-download]'));
        const kinds = links.map((a) => new URL(a.href).pathname.split('.').pop()?.toLowerCase());
        for (const kind of ['json', 'csv']) {
          if (!kinds.includes(kind)) problems.push(`${where}: no a[data-download] to a .${kind} file`);
        }
        for (const a of links) {
          if (!a.getAttribute('href')) problems.push(`${where}: a[data-download] without href`);
          else downloads.push(a.href);
        }
      }
      return { problems, downloads };
    });
    for (const href of new Set(downloads)) {
      const local = toLocal(href);
      if (!local) {
        problems.push(`download ${href} is not on this site`);
        continue;
      }
      const res = await fetchLocal(local.href);
      if (res.status !== 200) problems.push(`download ${href}: HTTP ${res.status}`);
      else if (res.body.trim() === '') problems.push(`download ${href}: empty`);
      else if (local.pathname.endsWith('.json')) {
        try {
          JSON.parse(res.body);
        } catch (error) {
          problems.push(`download ${href}: invalid JSON (${String(error)})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('renders math without KaTeX errors, with the self-hosted KaTeX font', async () => {
    const math = await rec.page.evaluate(async () => {
      const first = document.querySelector('.katex-display') ?? document.querySelector('.katex');
      first?.scrollIntoView();
      await document.fonts.ready;
      return {
        errors: Array.from(document.querySelectorAll('.katex-error'), (el) => (el.textContent ?? '').slice(0, 120)),
        katex: document.querySelectorAll('.katex').length,
        display: document.querySelectorAll('.katex-display').length,
        mainFont: Array.from(document.fonts)
          .filter((f) => f.family.replace(/["']/g, '') === 'KaTeX_Main')
          .map((f) => `${f.style} ${f.weight} ${f.status}`),
      };
    });
    expect(math.errors, 'elements with .katex-error').toEqual([]);
    if (sitePath === articleWithMath) expect(math.display, '.katex-display count').toBeGreaterThan(0);
    if (math.katex > 0) {
      expect(
        math.mainFont.some((f) => f.endsWith(' loaded')),
        `a KaTeX_Main face with status "loaded"; faces: ${JSON.stringify(math.mainFont)}`,
      ).toBe(true);
    }
  });

  // src/lib/postbuild/font-subset.ts cuts each KaTeX face down to the characters the build thinks it draws.
  // Chromium reports which fonts really drew each text: a character missing from a subset would
  // show up here as a fallback font (and on screen as a glyph from the wrong typeface).
  it('draws every character of its math in a KaTeX face', async () => {
    const texts = await rec.page.evaluate(() => {
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll('.katex-html span'))) {
        const own = Array.from(el.childNodes)
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('');
        if (own.trim() === '') continue;
        el.setAttribute('data-font-check', String(out.length));
        out.push(own);
      }
      return out;
    });
    if (texts.length === 0) return;
    const cdp = await rec.page.context().newCDPSession(rec.page);
    try {
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-font-check]' });
      expect(nodeIds.length).toBe(texts.length);
      const fallbacks = new Set<string>();
      const used = new Set<string>();
      await Promise.all(
        nodeIds.map(async (nodeId, i) => {
          const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
          for (const font of fonts) {
            if (font.glyphCount === 0) continue;
            used.add(font.familyName);
            if (!font.isCustomFont || !font.familyName.startsWith('KaTeX_')) fallbacks.add(`"${texts[i]}" drawn in ${font.familyName}`);
          }
        }),
      );
      expect([...fallbacks], `text in .katex-html drawn by a fallback font (KaTeX faces used: ${[...used].join(', ')})`).toEqual([]);
      expect(used.size).toBeGreaterThan(0);
    } finally {
      await cdp.detach();
      await rec.page.evaluate(() => document.querySelectorAll('[data-font-check]').forEach((el) => el.removeAttribute('data-font-check')));
    }
  });

  // src/lib/postbuild/font-preload.ts takes a page's faces from its formulas (math-fonts.ts); the browser is the judge of
  // which faces the page really needed. A face loaded late is a layout shift and a slower first
  // paint; a face preloaded for nothing is wasted bytes on a slow connection.
  // Faces whose woff2 the stylesheet embeds (Vite inlines files under 4 KB) need no preload.
  it('preloads exactly the KaTeX font faces it loads from files', async () => {
    const { loaded, preloaded } = await rec.page.evaluate(async () => {
      await document.fonts.ready;
      const stem = (family: string, weight: string, style: string) => {
        const bold = weight === 'bold' || Number(weight) >= 600 ? 'Bold' : '';
        const italic = style === 'italic' ? 'Italic' : '';
        return `${family.replace(/["']/g, '')}-${bold + italic || 'Regular'}`;
      };
      const embedded = new Set<string>();
      for (const sheet of Array.from(document.styleSheets)) {
        for (const rule of Array.from(sheet.cssRules)) {
          if (!(rule instanceof CSSFontFaceRule) || !/url\(\s*["']?data:font\/woff2/.test(rule.style.getPropertyValue('src'))) continue;
          const s = rule.style;
          embedded.add(stem(s.getPropertyValue('font-family'), s.getPropertyValue('font-weight') || 'normal', s.getPropertyValue('font-style') || 'normal'));
        }
      }
      return {
        loaded: Array.from(document.fonts)
          .filter((f) => f.status === 'loaded' && f.family.replace(/["']/g, '').startsWith('KaTeX_'))
          .map((f) => stem(f.family, f.weight, f.style))
          .filter((s) => !embedded.has(s)),
        preloaded: Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]'), (l) =>
          (new URL(l.href).pathname.split('/').pop() ?? '').replace(/\..*$/, ''),
        ),
      };
    });
    expect([...new Set(preloaded)].sort(), 'preloaded faces').toEqual([...new Set(loaded)].sort());
  });

  it('loads no JavaScript unless it has an island', async () => {
    const { islands, scripts } = await rec.page.evaluate(() => ({
      islands: document.querySelectorAll('astro-island').length,
      // JSON-LD is a data block, never executed: not JavaScript.
      scripts: Array.from(document.querySelectorAll<HTMLScriptElement>('script:not([type="application/ld+json"])'), (s) =>
        s.src ? `<script src="${s.getAttribute('src')}">` : `<script> ${(s.textContent ?? '').trim().slice(0, 80)}…`,
      ),
    }));
    if (islands > 0) return;
    const jsRequests = rec.requests
      .filter((r) => r.type === 'script' || /\.m?js$/i.test(new URL(r.url).pathname))
      .map((r) => r.url);
    expect(scripts, '<script> elements on a page without astro-island').toEqual([]);
    expect(jsRequests, 'JavaScript requests from a page without astro-island').toEqual([]);
  });

  // Light and dark schemes have different colours, so axe's contrast rules run in both.
  it.each(['light', 'dark'] as const)('has no axe violations in the %s colour scheme (WCAG 2.x A/AA + best practice)', async (scheme) => {
    await rec.page.emulateMedia({ colorScheme: scheme });
    try {
      const results = await new AxeBuilder({ page: rec.page }).withTags(AXE_TAGS).analyze();
      const report = results.violations.map(
        (v) =>
          `${v.id} [${v.impact ?? '?'}]: ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}: ` +
          v.nodes
            .slice(0, 4)
            .map((n) => n.target.map(String).join(' '))
            .join(' | ') +
          (v.nodes.length > 4 ? ' | …' : '') +
          `) ${v.helpUrl}`,
      );
      if (report.length) console.log(`[e2e] axe violations on ${sitePath} (${scheme}):\n  ${report.join('\n  ')}`);
      expect(report).toEqual([]);
    } finally {
      await rec.page.emulateMedia({ colorScheme: 'light' });
    }
  });

  it('links only to internal pages that exist (200) and #anchors that exist there', async () => {
    const hrefs = await rec.page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]'), (a) => ({
        raw: a.getAttribute('href') ?? '',
        href: a.href,
      })),
    );
    const problems: string[] = [];
    for (const { raw, href } of hrefs) {
      if (/^(mailto|tel|javascript):/i.test(raw)) continue;
      const local = toLocal(href);
      if (!local) continue; // external link: not fetched (no internet here)
      const target = new URL(local.href);
      target.hash = '';
      const res = await fetchLocal(target.href);
      if (res.status !== 200) {
        problems.push(`href="${raw}" → HTTP ${res.status}`);
        continue;
      }
      const fragment = decodeURIComponent(local.hash.slice(1));
      if (fragment === '' || fragment === 'top') continue;
      if (!res.type.startsWith('text/html')) {
        problems.push(`href="${raw}": #${fragment} on a non-HTML resource (${res.type})`);
        continue;
      }
      const ids = await idsOf(res.finalUrl);
      if (!ids.has(fragment)) problems.push(`href="${raw}": no element with id "${fragment}" on ${new URL(res.finalUrl).pathname}`);
    }
    expect([...new Set(problems)]).toEqual([]);
  });
});
