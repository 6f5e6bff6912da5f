/**
 * Each figure's inline SVG, rendered once per build process: the page that places the figure,
 * its SVG and PNG downloads and the link-preview card of its page all use the same string.
 */
import { renderSvg } from '../figures/render.ts';
import { readData } from '../records/reader.ts';
import { figureById } from '../site/manifest.ts';

const rendered = new Map<string, Promise<string>>();

export function figureSvg(id: string): Promise<string> {
  let svg = rendered.get(id);
  if (!svg) {
    const figure = figureById(id);
    const data = readData(figure.record);
    svg = renderSvg(figure.spec(data), {
      id,
      title: figure.title,
      description: figure.description(data),
      warn: (message) => {
        throw new Error(message);
      },
    });
    rendered.set(id, svg);
  }
  return svg;
}
