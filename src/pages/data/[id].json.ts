import type { APIRoute, GetStaticPaths } from 'astro';
import { datasets } from '../../lib/data/registry';
import { loadRecord } from '../../lib/articles/evidence';
import { formatJson } from '../../lib/data/json-format';

/** Every dataset, downloadable as its full record: values and provenance. */
export const getStaticPaths: GetStaticPaths = () => datasets.map((d) => ({ params: { id: d.id } }));

export const GET: APIRoute = ({ params }) =>
  new Response(formatJson(loadRecord(params.id!)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
