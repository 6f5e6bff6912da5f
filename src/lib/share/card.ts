/**
 * The link-preview card (Open Graph / Twitter `summary_large_image`): 1200 × 630, the size
 * Facebook, LinkedIn, Slack, Discord and X ask for (1.91 : 1).
 *
 * A card rather than the bare figure PNG: figures are about 1.6–2 : 1 and previews crop to
 * 1.91 : 1, cutting axis labels; and a preview is read at thumbnail size, where the page's title
 * in large type says more than tick labels do. So the card shows the site's name, the page's
 * title and its lead figure scaled to fit beneath them; a page without a figure gets the site's
 * card (the question it answers).
 */
import { escapeXml } from '../figures/inline-svg.ts';
import { colours } from '../figures/theme.ts';
import { svgParts } from './standalone-svg.ts';
import { RASTER_FONT_FAMILY } from './fonts.ts';

export const CARD_SIZE = { width: 1200, height: 630 } as const;

const MARGIN = 48;
const TITLE_SIZE = 44;
const TITLE_LINE = 54;
/** Noto Sans Bold's mean advance is ≈ 0.56 em for English text: enough to wrap without measuring. */
const TITLE_ADVANCE = 0.56;

/** Greedy word wrap to lines of at most `maxChars` characters; the last line ends in "…" if cut. */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= maxChars || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/[\s,.;:]*$/, '')}…`;
  return kept;
}

export interface CardContent {
  /** Large type at the top: the page's title. */
  title: string;
  /** The lead figure's inline SVG, drawn below the title; without it the title gets the space. */
  figureSvg?: string | undefined;
  /** Small type under the title when there is no figure. */
  subtitle?: string | undefined;
}

/** The card as a standalone SVG of CARD_SIZE. */
export function cardSvg({ title, figureSvg, subtitle }: CardContent): string {
  const { width, height } = CARD_SIZE;
  const font = `font-family="${RASTER_FONT_FAMILY}"`;
  const big = figureSvg === undefined;
  const titleSize = big ? 64 : TITLE_SIZE;
  const titleLine = big ? 78 : TITLE_LINE;
  const maxChars = Math.floor((width - 2 * MARGIN) / (titleSize * TITLE_ADVANCE));
  const lines = wrapText(title, maxChars, big ? 4 : 2);
  const titleTop = MARGIN + 40 + titleLine;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<rect width="100%" height="10" fill="${colours.vanished}"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 24}" ${font} font-size="28" fill="${colours.reference}">tanh(n·x) · tanh-nx</text>`,
    ...lines.map(
      (l, i) => `<text x="${MARGIN}" y="${titleTop + i * titleLine}" ${font} font-size="${titleSize}" font-weight="700" fill="${colours.ink}">${escapeXml(l)}</text>`,
    ),
  ];
  const below = titleTop + (lines.length - 1) * titleLine + 28;
  if (figureSvg !== undefined) {
    const figure = svgParts(figureSvg);
    const box = { width: width - 2 * MARGIN, height: height - below - 20 };
    const scale = Math.min(box.width / figure.width, box.height / figure.height);
    const w = Math.round(figure.width * scale);
    const h = Math.round(figure.height * scale);
    parts.push(
      `<svg x="${Math.round((width - w) / 2)}" y="${below}" width="${w}" height="${h}" viewBox="${figure.viewBox}">${figure.inner}</svg>`,
    );
  } else if (subtitle) {
    wrapText(subtitle, Math.floor((width - 2 * MARGIN) / (30 * 0.52)), 3).forEach((l, i) =>
      parts.push(`<text x="${MARGIN}" y="${below + 40 + i * 42}" ${font} font-size="30" fill="${colours.ink}">${escapeXml(l)}</text>`),
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
