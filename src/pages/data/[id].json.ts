import type { APIRoute, GetStaticPaths } from 'astro';
import { contracts } from '../../lib/records/contracts/index';
import { loadRecord } from '../../lib/articles/evidence';
import { formatJson } from '../../lib/io/json-format';

/** Every dataset, downloadable as its full record: values and provenance. */
export const getStaticPaths: GetStaticPaths = () => contracts.map((c) => ({ params: { id: c.id } }));

export const GET: APIRoute = ({ params }) =>
  new Response(formatJson(loadRecord(params.id!)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
