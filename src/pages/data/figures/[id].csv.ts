import type { APIRoute, GetStaticPaths } from 'astro';
import { figures } from '../../../lib/site/manifest';
import { readData } from '../../../lib/records/reader';
import { toCsv } from '../../../lib/figures/csv';

/** The table each figure plots, as CSV. */
export const getStaticPaths: GetStaticPaths = () => figures.map((f) => ({ params: { id: f.id } }));

export const GET: APIRoute = ({ params }) => {
  const figure = figures.find((f) => f.id === params.id)!;
  return new Response(toCsv(figure.rows(readData(figure.record))), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
