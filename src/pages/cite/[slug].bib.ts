import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { pageBibtex } from '../../lib/site/citation';
import { withBase } from '../../lib/site/paths';
import { buildPins } from '../../lib/cite/build-pins';

/** Each article's BibTeX entry as a file a reference manager imports (Cite this page → download). */
export const getStaticPaths: GetStaticPaths = async () =>
  (await getCollection('articles')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));

export const GET: APIRoute = ({ props, site }) => {
  const { entry } = props as { entry: Awaited<ReturnType<typeof getCollection<'articles'>>>[number] };
  const url = new URL(withBase(`${entry.id}/`), site).href;
  const { version, doi } = buildPins();
  const bibtex = pageBibtex({ title: entry.data.title, url, published: entry.data.published, updated: entry.data.updated, slug: entry.id, version, doi });
  return new Response(`${bibtex}\n`, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
