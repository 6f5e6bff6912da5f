/**
 * Each figure's SVG in its wide layout, as the page's image file has it (figures/figure-image.ts,
 * rendered once per build process): its PNG download and the link-preview card of its page
 * draw the same drawing.
 */
import { figureImage } from '../figures/figure-image.ts';
import { readData } from '../records/reader.ts';
import { figureById } from '../site/manifest.ts';

export async function figureSvg(id: string): Promise<string> {
  const figure = figureById(id);
  return (await figureImage(figure, readData(figure.record), 'wide')).svg;
}
