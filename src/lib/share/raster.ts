/**
 * SVG → PNG at build time with resvg (a Rust SVG renderer; no browser, no system fonts), so that
 * a figure can be pasted as an image and a page has a link-preview picture.
 *
 * The bytes depend only on the SVG, the scale and the pinned font files and resvg version:
 * system fonts are never loaded, and a PNG carries no timestamp.
 */
import { Resvg } from '@resvg/resvg-js';
import { RASTER_FONT_FAMILY, rasterFontFiles } from './fonts.ts';

/** Figure PNGs are drawn at twice their natural size, sharp on high-density screens. */
export const FIGURE_PNG_SCALE = 2;

export interface Png {
  bytes: Buffer;
  /** Pixel size of the image. */
  width: number;
  height: number;
}

let fontFiles: string[] | undefined;

/** Renders a standalone SVG (with its own width/height or viewBox) to PNG, `scale` × its size. */
export function svgToPng(svg: string, scale = 1): Png {
  fontFiles ??= rasterFontFiles();
  const resvg = new Resvg(svg, {
    fitTo: scale === 1 ? { mode: 'original' } : { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: RASTER_FONT_FAMILY,
      sansSerifFamily: RASTER_FONT_FAMILY,
      serifFamily: RASTER_FONT_FAMILY,
      monospaceFamily: RASTER_FONT_FAMILY,
    },
  });
  const image = resvg.render();
  return { bytes: image.asPng(), width: image.width, height: image.height };
}

/** PNG signature + IHDR: the pixel size written in a PNG file. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) throw new Error('not a PNG file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
