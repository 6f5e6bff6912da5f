// Link previews and figure images (issue 17 item 3) in the built site, read in Chromium:
// every page has Open Graph and Twitter-card tags (title, description, canonical URL, a PNG card
// of the stated size with alt text) and the card file is in dist/; under every figure the PNG
// (2× the figure's natural size) and SVG links answer with the right type, are the files in
// dist/ and decode in the browser at the expected size; the Markdown snippet, rendered by a
// CommonMark parser (micromark, as Stack Exchange and Reddit render CommonMark), is the image
// linked to the figure's anchor followed by the attribution line of "Cite this figure".
// That a second render gives byte-identical PNGs is test/unit/share/raster.test.ts.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { micromark } from 'micromark';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Browser } from './support/browser';
import { basePath, distDir } from './support/config';
import { readSitemap } from './support/sitemap';
import { start, type StaticServer } from './support/static-server';

const sitemap = readSitemap(distDir, basePath);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

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

/** The dist/ file an absolute site URL (`https://site/base/x/y.png`) names. */
function distFileOf(url: string, origin: string): string {
  const u = new URL(url);
  expect(u.origin, url).toBe(origin);
  expect(u.pathname.startsWith(basePath), `${url} is under the base path ${basePath}`).toBe(true);
  return path.join(distDir, decodeURI(u.pathname.slice(basePath.length)));
}

/**
 * Width and height of a whole, well-formed PNG: the signature, every chunk's CRC, IHDR first and
 * IEND last, and image data that inflates to exactly one filtered row per line of pixels.
 */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < bytes.length; ) {
    expect(at + 12, 'chunk header and CRC inside the file').toBeLessThanOrEqual(bytes.length);
    const length = bytes.readUInt32BE(at);
    expect(at + 12 + length, 'chunk inside the file').toBeLessThanOrEqual(bytes.length);
    const typeAndData = bytes.subarray(at + 4, at + 8 + length);
    expect(crc32(typeAndData), 'chunk CRC').toBe(bytes.readUInt32BE(at + 8 + length));
    chunks.push({ type: typeAndData.subarray(0, 4).toString('latin1'), data: typeAndData.subarray(4) });
    at += 12 + length;
  }
  expect(chunks[0]?.type).toBe('IHDR');
  expect(chunks.at(-1)?.type).toBe('IEND');
  const ihdr = chunks[0]!.data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const [bitDepth, colourType, , , interlace] = [...ihdr.subarray(8, 13)];
  expect(interlace, 'not interlaced').toBe(0);
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colourType!];
  expect(channels, `colour type ${colourType}`).toBeDefined();
  const pixels = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  expect(pixels.length, 'image data size').toBe(height * (1 + Math.ceil((width * channels! * bitDepth!) / 8)));
  return { width, height };
}

/** Fetches a same-origin path from the served site: status, content type and bytes. */
async function fetchServed(sitePath: string): Promise<{ type: string; bytes: Buffer }> {
  const res = await fetch(server.origin + sitePath);
  expect(res.status, sitePath).toBe(200);
  return { type: res.headers.get('content-type') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The size Chromium decodes an image at (its natural size), loaded from the current page. */
function decodedSize(src: string): Promise<{ width: number; height: number }> {
  return page.evaluate(async (s) => {
    const img = new Image();
    img.src = s;
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight };
  }, src);
}

interface FigureOnPage {
  id: string;
  label: string;
  title: string;
  width: number;
  height: number;
  png: string | null;
  svg: string | null;
  markdown: string | null;
  markdownLabelled: boolean;
  attribution: string | null;
}

describe.each(sitemap.paths)('page %s', (sitePath) => {
  it('has Open Graph and Twitter-card tags with a PNG card of the stated size that is in dist/', async () => {
    await page.goto(server.origin + sitePath);
    const tags = await page.evaluate(() => {
      const all = (selector: string) => [...document.querySelectorAll<HTMLMetaElement>(selector)].map((m) => m.content);
      const og = (p: string) => all(`meta[property="${p}"]`);
      const tw = (n: string) => all(`meta[name="${n}"]`);
      return {
        title: document.title,
        description: all('meta[name="description"]'),
        canonical: [...document.querySelectorAll<HTMLLinkElement>('link[rel="canonical"]')].map((l) => l.href),
        ogTitle: og('og:title'),
        ogDescription: og('og:description'),
        ogUrl: og('og:url'),
        ogImage: og('og:image'),
        ogImageType: og('og:image:type'),
        ogImageWidth: og('og:image:width'),
        ogImageHeight: og('og:image:height'),
        ogImageAlt: og('og:image:alt'),
        twitterCard: tw('twitter:card'),
        twitterImage: tw('twitter:image'),
        twitterTitle: tw('twitter:title'),
        firstFigureTitle: document.querySelector<HTMLImageElement>('figure.figure .figure-graphic img')?.alt ?? null,
      };
    });
    expect(tags.canonical).toHaveLength(1);
    const canonical = tags.canonical[0]!;
    expect(new URL(canonical).pathname).toBe(sitePath);
    expect(tags.ogTitle).toEqual([tags.title]);
    expect(tags.twitterTitle).toEqual([tags.title]);
    expect(tags.ogDescription).toHaveLength(1);
    expect(tags.ogDescription[0]!.length).toBeGreaterThan(20);
    expect(tags.ogDescription).toEqual(tags.description);
    expect(tags.ogUrl).toEqual([canonical]);
    expect(tags.twitterCard).toEqual(['summary_large_image']);
    expect(tags.ogImage).toHaveLength(1);
    expect(tags.twitterImage).toEqual(tags.ogImage);
    expect(tags.ogImageType).toEqual(['image/png']);
    expect(tags.ogImageAlt).toHaveLength(1);
    expect(tags.ogImageAlt[0]!.length).toBeGreaterThan(20);
    // A page with figures shows its lead (first) figure on its card, and says so in the alt text.
    if (tags.firstFigureTitle !== null) expect(tags.ogImageAlt[0]).toContain(tags.firstFigureTitle.replace(/[.]$/, ''));

    const width = Number(tags.ogImageWidth[0]);
    const height = Number(tags.ogImageHeight[0]);
    expect([tags.ogImageWidth.length, tags.ogImageHeight.length]).toEqual([1, 1]);
    expect(width).toBeGreaterThan(0);
    const file = distFileOf(tags.ogImage[0]!, new URL(canonical).origin);
    expect(existsSync(file), `${file} exists`).toBe(true);
    const bytes = readFileSync(file);
    expect(pngSize(bytes)).toEqual({ width, height });
    const imagePath = new URL(tags.ogImage[0]!).pathname;
    const served = await fetchServed(imagePath);
    expect(served.type).toMatch(/^image\/png/);
    expect(served.bytes.equals(bytes)).toBe(true);
    expect(await decodedSize(imagePath)).toEqual({ width, height });
  });

  it('offers every figure as a 2× PNG, an SVG and a Markdown snippet with image, anchor link and attribution', async () => {
    await page.goto(server.origin + sitePath);
    const canonical = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="canonical"]')!.href);
    const figures: FigureOnPage[] = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('figure.figure')].map((f) => {
        const img = f.querySelector<HTMLImageElement>('.figure-graphic img')!;
        const textarea = f.querySelector<HTMLTextAreaElement>('textarea[data-figure-markdown]');
        return {
          id: f.id,
          label: f.querySelector('.figure-label')?.textContent?.trim() ?? '',
          title: img.alt,
          width: Number(img.getAttribute('width')),
          height: Number(img.getAttribute('height')),
          png: f.querySelector<HTMLAnchorElement>('a[data-figure-image="png"]')?.getAttribute('href') ?? null,
          svg: f.querySelector<HTMLAnchorElement>('a[data-figure-image="svg"]')?.getAttribute('href') ?? null,
          markdown: textarea?.value ?? null,
          markdownLabelled: textarea !== null && textarea.labels !== null && textarea.labels.length === 1,
          attribution: f.querySelector('[data-figure-citation]')?.textContent ?? null,
        };
      }),
    );
    for (const f of figures) {
      const where = `${sitePath}#${f.id}`;
      expect(f.width, where).toBeGreaterThan(0);
      expect(f.height, where).toBeGreaterThan(0);
      expect(f.png, `${where}: PNG link`).not.toBeNull();
      expect(f.svg, `${where}: SVG link`).not.toBeNull();

      // PNG: served as image/png, the dist/ file, 2× the figure's natural size.
      const pngUrl = new URL(f.png!, server.origin + sitePath);
      const pngFile = path.join(distDir, pngUrl.pathname.slice(basePath.length));
      expect(existsSync(pngFile), `${where}: ${pngFile}`).toBe(true);
      const png = await fetchServed(pngUrl.pathname);
      expect(png.type, where).toMatch(/^image\/png/);
      expect(png.bytes.equals(readFileSync(pngFile)), where).toBe(true);
      const twice = { width: 2 * f.width, height: 2 * f.height };
      expect(pngSize(png.bytes), where).toEqual(twice);
      expect(await decodedSize(pngUrl.pathname), where).toEqual(twice);

      // SVG: served as image/svg+xml, the dist/ file, a standalone image at the natural size.
      const svgUrl = new URL(f.svg!, server.origin + sitePath);
      const svgFile = path.join(distDir, svgUrl.pathname.slice(basePath.length));
      expect(existsSync(svgFile), `${where}: ${svgFile}`).toBe(true);
      const svg = await fetchServed(svgUrl.pathname);
      expect(svg.type, where).toMatch(/^image\/svg\+xml/);
      expect(svg.bytes.equals(readFileSync(svgFile)), where).toBe(true);
      expect(svg.bytes.toString('utf8'), where).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(await decodedSize(svgUrl.pathname), where).toEqual({ width: f.width, height: f.height });

      // Markdown: [![Figure N: title](absolute PNG URL)](canonical#anchor), then *attribution*.
      expect(f.markdown, `${where}: Markdown snippet`).not.toBeNull();
      expect(f.markdownLabelled, `${where}: the snippet's textarea has a label`).toBe(true);
      expect(f.attribution, `${where}: attribution`).not.toBeNull();
      const expectedPng = new URL(pngUrl.pathname, canonical).href;
      const rendered = await page.evaluate((markup) => {
        const doc = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
        const paragraphs = [...doc.body.children];
        const link = paragraphs[0]?.querySelector(':scope > a');
        const img = link?.querySelector(':scope > img');
        return {
          tags: paragraphs.map((p) => p.tagName),
          linkHref: link?.getAttribute('href') ?? null,
          linkChildren: link ? [...link.childNodes].length : 0,
          imgSrc: img?.getAttribute('src') ?? null,
          imgAlt: img?.getAttribute('alt') ?? null,
          emphasis: paragraphs[1]?.querySelector(':scope > em')?.textContent ?? null,
          secondText: paragraphs[1]?.textContent ?? null,
        };
      }, micromark(f.markdown!));
      expect(rendered.tags, where).toEqual(['P', 'P']);
      expect(rendered.linkHref, where).toBe(`${canonical}#${f.id}`);
      expect(rendered.linkChildren, where).toBe(1);
      expect(rendered.imgSrc, where).toBe(expectedPng);
      expect(rendered.imgAlt, where).toBe(`${f.label}: ${f.title.replace(/[.]$/, '')}`);
      expect(rendered.emphasis, where).toBe(f.attribution);
      expect(rendered.secondText, where).toBe(f.attribution);
    }
  });
});

describe('figure images', () => {
  it('the site places at least one figure, so the per-figure checks above ran', async () => {
    const counts = sitemap.paths.map((p) => (readFileSync(path.join(distDir, p.slice(basePath.length), 'index.html'), 'utf8').match(/<figure class="figure"/g) ?? []).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
  });
});
