/**
 * A figure's SVG (src/lib/figures/figure-image.ts) on a white ground, as the rasteriser's input and
 * a card's picture: its natural size and viewBox are read from the root (`data-width`,
 * `data-height`, `viewBox`), which every rendered figure carries.
 */

const ROOT = /^<svg\b([^>]*)>/;

export interface SvgParts {
  /** Everything between the root's tags. */
  inner: string;
  width: number;
  height: number;
  viewBox: string;
}

/** The root's natural size, viewBox and content. Throws if the SVG is not one of ours. */
export function svgParts(inlineSvg: string): SvgParts {
  const root = ROOT.exec(inlineSvg);
  if (!root || !inlineSvg.endsWith('</svg>')) throw new Error('not a figure SVG: expected one <svg> root element');
  const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(root[1]!)?.[1];
  const width = Number(attribute('data-width'));
  const height = Number(attribute('data-height'));
  const viewBox = attribute('viewBox');
  if (!(width > 0) || !(height > 0) || !viewBox) throw new Error('figure SVG without data-width, data-height and viewBox');
  return { inner: inlineSvg.slice(root[0].length, -'</svg>'.length), width, height, viewBox };
}

/** The figure as a standalone SVG file at its natural size, white behind it (as on the page). */
export function standaloneSvg(inlineSvg: string): string {
  const { inner, width, height, viewBox } = svgParts(inlineSvg);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${viewBox}">` +
    `<rect width="100%" height="100%" fill="#fff"/>${inner}</svg>`
  );
}
