/**
 * Where a figure's image files and a page's preview card live, what Markdown pastes a figure into
 * a Stack Exchange answer or a Reddit comment, and the Open Graph / Twitter tags of a page.
 * Pure functions, so pages, endpoints and tests compute the same strings.
 */
import { pages } from '../site/manifest.ts';
import { figureImagePath } from '../figures/figure-image.ts';
import { CARD_SIZE } from './card.ts';

/** Site path (no base) of a figure's PNG; its SVG is the page's own wide image file. */
export const figurePngPath = (id: string): string => `figures/${id}.png`;
export const figureSvgPath = (id: string): string => figureImagePath(id, 'wide');

/** The card of a page without a figure: the site's own. */
export const SITE_CARD = 'site';
/** Site path (no base) of a card: `cards/<page>.png` (page: a manifest slug, or SITE_CARD). */
export const cardPath = (card: string): string => `cards/${card}.png`;

/** Pages that get a card of their own: those with a lead figure (their first). */
export function cardPages(): { card: string; leadFigure: string }[] {
  return pages.filter((p) => p.figures.length > 0).map((p) => ({ card: p.page, leadFigure: p.figures[0]!.id }));
}

/** The card a page slug ('' = home page) uses, and its lead figure's id if it has one. */
export function cardFor(slug: string): { card: string; leadFigure?: string } {
  const own = cardPages().find((c) => c.card === (slug === '' ? 'index' : slug));
  return own ?? { card: SITE_CARD };
}

/** Markdown that cannot break out of `[…]`: brackets and backslashes escaped. */
const markdownText = (text: string) => text.replace(/([\\[\]*_`])/g, '\\$1');

/**
 * What a reader pastes under a figure they quote: the PNG, linked to the figure on its page, and
 * the attribution line of "Cite this figure" in italics. Stack Exchange and Reddit both render it.
 */
export function figureMarkdown(options: { label: string; title: string; pngUrl: string; figureUrl: string; attribution: string }): string {
  const alt = markdownText(`${options.label}: ${options.title.replace(/[.]$/, '')}`);
  return `[![${alt}](${options.pngUrl})](${options.figureUrl})\n\n*${markdownText(options.attribution)}*`;
}

export interface OpenGraphInput {
  title: string;
  description: string;
  /** Absolute canonical URL. */
  url: string;
  /** Absolute URL of the card PNG. */
  imageUrl: string;
  imageAlt: string;
  siteName: string;
}

/** [attribute, name, content]: Open Graph uses `property`, Twitter `name`. */
export function openGraphTags(o: OpenGraphInput): [attribute: 'property' | 'name', key: string, content: string][] {
  return [
    ['property', 'og:type', 'article'],
    ['property', 'og:site_name', o.siteName],
    ['property', 'og:title', o.title],
    ['property', 'og:description', o.description],
    ['property', 'og:url', o.url],
    ['property', 'og:image', o.imageUrl],
    ['property', 'og:image:type', 'image/png'],
    ['property', 'og:image:width', String(CARD_SIZE.width)],
    ['property', 'og:image:height', String(CARD_SIZE.height)],
    ['property', 'og:image:alt', o.imageAlt],
    ['name', 'twitter:card', 'summary_large_image'],
    ['name', 'twitter:title', o.title],
    ['name', 'twitter:description', o.description],
    ['name', 'twitter:image', o.imageUrl],
    ['name', 'twitter:image:alt', o.imageAlt],
  ];
}
