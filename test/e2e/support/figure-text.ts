// How large a figure's text renders, in CSS px, whatever way the figure is drawn: an inline
// <svg>, or an <img>/<picture> showing an SVG file (whose inside the page cannot reach, so the
// file the browser chose — `currentSrc` — is fetched and laid out at the image's rendered width in
// a closed-off shadow root, where no page style reaches it).
//
// A text's rendered size = its computed font-size (in the SVG's user units) × the scale of its
// screen transform (getScreenCTM: the viewBox scaling and every transform on the way, rotation
// included). Used by test/e2e/figure-text.test.ts and scripts/measure-pages.ts.

import type { Page } from 'playwright-core';

export interface FigureText {
  /** The figure's anchor id (`fig-…`). */
  figure: string;
  /** How the graphic is drawn: `inline` (an <svg> in the page) or the SVG file's path. */
  source: string;
  /** Rendered width of the graphic, CSS px. */
  width: number;
  /** Number of text elements measured. */
  texts: number;
  /** The smallest rendered text: its size in CSS px and its content. */
  smallest: { px: number; text: string } | null;
  /** Every text below `threshold` px (content and size), at most 20. */
  below: Array<{ px: number; text: string }>;
}

/** Measures every figure (`figure.figure`) on the open page; texts below `threshold` px are listed. */
export async function measureFigureText(page: Page, threshold: number): Promise<FigureText[]> {
  // tsx (esbuild's keepNames) wraps named functions in a `__name` helper that the page lacks.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(async (threshold) => {
    const measureSvg = (svg: SVGSVGElement) => {
      const sizes: Array<{ px: number; text: string }> = [];
      for (const text of Array.from(svg.querySelectorAll('text'))) {
        const content = (text.textContent ?? '').trim();
        if (content === '') continue;
        const ctm = text.getScreenCTM();
        if (!ctm) continue;
        const style = getComputedStyle(text);
        if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
        const scale = Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c));
        sizes.push({ px: parseFloat(style.fontSize) * scale, text: content.slice(0, 60) });
      }
      return sizes;
    };
    const out = [];
    for (const figure of Array.from(document.querySelectorAll<HTMLElement>('figure.figure'))) {
      const graphic = figure.querySelector<HTMLElement>('.figure-graphic') ?? figure;
      const inline = graphic.querySelector<SVGSVGElement>('svg');
      const img = graphic.querySelector<HTMLImageElement>('img');
      let sizes: Array<{ px: number; text: string }> = [];
      let source = 'inline';
      let width = 0;
      if (inline) {
        width = inline.getBoundingClientRect().width;
        sizes = measureSvg(inline);
      } else if (img) {
        if (!img.complete) await img.decode().catch(() => undefined);
        source = new URL(img.currentSrc || img.src).pathname;
        width = img.getBoundingClientRect().width;
        const markup = await (await fetch(img.currentSrc || img.src)).text();
        const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
        const host = document.createElement('div');
        host.style.cssText = `position:absolute;left:-20000px;top:0;width:${width}px;font-size:16px`;
        const root = host.attachShadow({ mode: 'closed' });
        const svg = document.importNode(parsed, true) as unknown as SVGSVGElement;
        // As an image, the SVG is drawn at the <img>'s box: its width, whatever its own says.
        svg.setAttribute('width', String(width));
        svg.removeAttribute('height');
        svg.style.display = 'block';
        root.append(svg);
        document.body.append(host);
        sizes = measureSvg(svg);
        host.remove();
      }
      sizes.sort((a, b) => a.px - b.px);
      out.push({
        figure: figure.id,
        source,
        width: Math.round(width * 10) / 10,
        texts: sizes.length,
        smallest: sizes[0] ? { px: Math.round(sizes[0].px * 100) / 100, text: sizes[0].text } : null,
        below: sizes.filter((s) => s.px < threshold).slice(0, 20).map((s) => ({ px: Math.round(s.px * 100) / 100, text: s.text })),
      });
    }
    return out;
  }, threshold);
}
