import type { APIRoute, GetStaticPaths } from 'astro';
import { figures } from '../../lib/site/manifest';
import { figureSvg } from '../../lib/share/figure-svg';
import { standaloneSvg } from '../../lib/share/standalone-svg';

/** Every figure as an SVG file at its natural size: the same drawing as on its page. */
export const getStaticPaths: GetStaticPaths = () => figures.map((f) => ({ params: { id: f.id } }));

export const GET: APIRoute = async ({ params }) =>
  new Response(standaloneSvg(await figureSvg(params.id!)), { headers: { 'Content-Type': 'image/svg+xml' } });
