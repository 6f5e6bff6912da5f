import type { APIRoute, GetStaticPaths } from 'astro';
import { figures } from '../../lib/site/manifest';
import { readData } from '../../lib/records/reader';
import { FIGURE_LAYOUTS, figureImage, figureImagePath } from '../../lib/figures/figure-image';

/** Every figure as an SVG file, in its wide and narrow layouts (shown by <Figure> in a <picture>). */
export const getStaticPaths: GetStaticPaths = () =>
  figures.flatMap((figure) =>
    FIGURE_LAYOUTS.map((layout) => ({
      params: { name: figureImagePath(figure.id, layout).replace(/^figure-images\//, '').replace(/\.svg$/, '') },
      props: { id: figure.id, layout },
    })),
  );

export const GET: APIRoute = async ({ props }) => {
  const figure = figures.find((f) => f.id === props.id)!;
  const { svg } = await figureImage(figure, readData(figure.record), props.layout);
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
