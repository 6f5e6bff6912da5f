import type { APIRoute, GetStaticPaths } from 'astro';
import { figureById } from '../../lib/site/manifest';
import { figureSvg } from '../../lib/share/figure-svg';
import { cardSvg } from '../../lib/share/card';
import { SITE_CARD, cardPages } from '../../lib/share/links';
import { svgToPng } from '../../lib/share/raster';
import { getCollection } from 'astro:content';
import { SITE_QUESTION } from '../../lib/site/pages';

/** Link-preview cards: one per page with a figure (its lead figure), and the site's own. */
export const getStaticPaths: GetStaticPaths = () => [...cardPages().map((c) => c.card), SITE_CARD].map((card) => ({ params: { card } }));

export const GET: APIRoute = async ({ params }) => {
  const own = cardPages().find((c) => c.card === params.card);
  const articles = await getCollection('articles');
  const title = articles.find((a) => a.id === params.card)?.data.title ?? SITE_QUESTION;
  const svg = own
    ? cardSvg({ title, figureSvg: await figureSvg(figureById(own.leadFigure).id) })
    : cardSvg({ title: SITE_QUESTION, subtitle: 'Every figure and number computed from recorded data: slopes in float64, mean-field theory and real training runs.' });
  return new Response(new Uint8Array(svgToPng(svg).bytes), { headers: { 'Content-Type': 'image/png' } });
};
