/**
 * Figures as SVG image files: each figure in two layouts, `wide` (its spec as written) and
 * `narrow` (`narrowSpec`: stacked panels for phones), written by src/pages/figure-images/ and
 * shown by <Figure> in a <picture> that loads only the one its viewport needs.
 *
 * Why files, not inline SVG: an inline figure puts every mark, tick and label into the page's
 * DOM (/order-and-chaos/: 9 figures, ≈ 5,600 of its 6,000 elements and ≈ 320 KB of its HTML),
 * which a slow phone parses, styles and lays out before it can show anything; and inlining two
 * layouts to switch between them with CSS would double that. As an <img> a figure is one
 * element, its file is fetched lazily below the fold and cached, and the page keeps the figure's
 * text alternative (its description, referenced by `aria-describedby`) and caption as text that
 * screen readers and the search index read.
 */

import { renderSvg } from './render';
import { narrowSpec } from './narrow';
import type { AnyFigure } from './types';

export type FigureLayout = 'wide' | 'narrow';
export const FIGURE_LAYOUTS: readonly FigureLayout[] = ['wide', 'narrow'];

export interface FigureImage {
  /** The SVG file's text: a standalone SVG document of `width` × `height` user units. */
  svg: string;
  width: number;
  height: number;
}

/** Site path (without the base) of a figure's SVG file in a layout. */
export function figureImagePath(id: string, layout: FigureLayout): string {
  return `figure-images/${id}${layout === 'narrow' ? '.narrow' : ''}.svg`;
}

/** `toInlineSvg`'s root sizes itself to its container; a file states its natural size instead. */
function asStandalone(svg: string): FigureImage {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0];
  const width = Number(/\sdata-width="([\d.]+)"/.exec(root ?? '')?.[1]);
  const height = Number(/\sdata-height="([\d.]+)"/.exec(root ?? '')?.[1]);
  if (!root || !Number.isFinite(width) || !Number.isFinite(height) || !root.includes(' width="100%"')) {
    throw new Error('the rendered SVG has no natural size (data-width, data-height) on its root');
  }
  const sized = root.replace(' width="100%"', ` width="${width}" height="${height}"`);
  return { svg: sized + svg.slice(root.length), width, height };
}

const cache = new Map<string, Promise<FigureImage>>();

/**
 * The figure drawn from `data` in `layout`, rendered once per build process (the page and the
 * file route both ask). Vega's warnings are errors: a figure must render cleanly in both layouts.
 */
export function figureImage(figure: AnyFigure, data: unknown, layout: FigureLayout): Promise<FigureImage> {
  const key = `${figure.id}:${layout}`;
  let image = cache.get(key);
  if (!image) {
    const spec = figure.spec(data);
    image = renderSvg(layout === 'narrow' ? narrowSpec(spec) : spec, {
      id: figure.id,
      title: figure.title,
      description: figure.description(data),
      warn: (message) => {
        throw new Error(`${message} (${layout} layout)`);
      },
    }).then(asStandalone);
    cache.set(key, image);
  }
  return image;
}
