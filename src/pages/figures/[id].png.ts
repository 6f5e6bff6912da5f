import type { APIRoute, GetStaticPaths } from 'astro';
import { figures } from '../../lib/site/manifest';
import { figureSvg } from '../../lib/share/figure-svg';
import { standaloneSvg } from '../../lib/share/standalone-svg';
import { FIGURE_PNG_SCALE, svgToPng } from '../../lib/share/raster';

/** Every figure as a PNG at twice its natural size, for pasting where SVG is not accepted. */
export const getStaticPaths: GetStaticPaths = () => figures.map((f) => ({ params: { id: f.id } }));

export const GET: APIRoute = async ({ params }) => {
  const png = svgToPng(standaloneSvg(await figureSvg(params.id!)), FIGURE_PNG_SCALE);
  return new Response(new Uint8Array(png.bytes), { headers: { 'Content-Type': 'image/png' } });
};
