// Structured metadata (issue 17): every JSON-LD block on every page parses; each article has one
// ScholarlyArticle with the fields search engines need, pinned to the same version and commit as
// /CITATION.cff; /reproduce/ has one Dataset per record with working JSON and CSV downloads;
// robots.txt points at the sitemap; a JSON-LD block does not loosen the page's script policy.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { basePath, distDir } from './support/config';
import { readSitemap } from './support/sitemap';

const sitemap = readSitemap(distDir, basePath);
const read = (sitePath: string) => readFileSync(path.join(distDir, sitePath.slice(basePath.length), 'index.html'), 'utf8');
const cff = parse(readFileSync(path.join(distDir, 'CITATION.cff'), 'utf8')) as Record<string, string>;
const articleIds = readdirArticles();

function readdirArticles(): string[] {
  const dir = path.join(distDir, 'cite');
  return existsSync(dir) ? sitemap.paths.filter((p) => existsSync(path.join(dir, `${p.slice(basePath.length).replace(/\/$/, '')}.bib`))) : [];
}

function blocks(doc: string): Record<string, unknown>[] {
  return [...doc.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
}

/** The local file a URL of this site names. */
function fileOfUrl(url: string): string {
  const { pathname } = new URL(url);
  expect(pathname.startsWith(basePath), url).toBe(true);
  return path.join(distDir, decodeURIComponent(pathname.slice(basePath.length)));
}

describe('JSON-LD', () => {
  it.each(sitemap.paths)('%s: every block parses and has a schema.org context and type', (sitePath) => {
    for (const b of blocks(read(sitePath))) {
      expect(b['@context']).toBe('https://schema.org');
      expect(typeof b['@type']).toBe('string');
    }
  });

  it('there are articles to check', () => expect(articleIds.length).toBeGreaterThanOrEqual(6));

  it.each(articleIds)('%s: one ScholarlyArticle with headline, author, dates, version, commit, isBasedOn, citations', (sitePath) => {
    const doc = read(sitePath);
    const articles = blocks(doc).filter((b) => b['@type'] === 'ScholarlyArticle');
    expect(articles).toHaveLength(1);
    const a = articles[0]! as Record<string, any>;
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(doc)![1];
    expect(a.url).toBe(canonical);
    expect(a.headline).toBe(/<meta name="citation_title" content="([^"]*)"/.exec(doc)![1]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'"));
    expect(a.author[0].name).toBe('tanh-nx contributors');
    expect(a.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Date.parse(a.dateModified)).toBeGreaterThanOrEqual(Date.parse(a.datePublished));
    expect(a.version).toBe(cff.version);
    expect(a.identifier).toBe(`${cff['repository-code']}/tree/${cff.commit}`);
    if (cff.doi) expect(a.sameAs).toBe(`https://doi.org/${cff.doi}`);
    expect(a.isBasedOn.url).toMatch(/^https:\/\/datascience\.stackexchange\.com\//);
    // As many cited works as the page's reference list has entries.
    const listed = (doc.match(/<section class="references"[\s\S]*?<\/section>/)?.[0].match(/<li\b/g) ?? []).length;
    expect(a.citation).toHaveLength(listed);
    for (const c of a.citation) expect(typeof c.name).toBe('string');
  });

  it('/reproduce/: one Dataset per record, each download a file of the site', () => {
    const datasets = blocks(read(`${basePath}reproduce/`)).filter((b) => b['@type'] === 'Dataset') as Record<string, any>[];
    const records = readFileSync(path.join(distDir, 'reproduce', 'index.html'), 'utf8').match(/id="dataset-[a-z0-9-]+"/g) ?? [];
    expect(datasets.length).toBeGreaterThanOrEqual(20);
    expect(datasets).toHaveLength(new Set(records).size);
    for (const d of datasets) {
      expect(d.name, d.identifier).toBeTruthy();
      expect(d.description.length).toBeGreaterThanOrEqual(50);
      expect(Number.isNaN(Date.parse(d.dateModified))).toBe(false);
      expect(d.creator[0].name).toBe('tanh-nx contributors');
      expect(d.measurementTechnique).toContain(`commit ${cff.commit}`);
      expect(d.url).toContain(`#dataset-${d.identifier}`);
      const json = d.distribution.filter((x: any) => x.encodingFormat === 'application/json');
      expect(json).toHaveLength(1);
      const record = JSON.parse(readFileSync(fileOfUrl(json[0].contentUrl), 'utf8')) as { id: string; provenance: { generatedAt: string } };
      expect(record.id).toBe(d.identifier);
      expect(d.dateModified).toBe(record.provenance.generatedAt);
      for (const x of d.distribution) expect(existsSync(fileOfUrl(x.contentUrl)), x.contentUrl).toBe(true);
    }
  });

  it('a page with JSON-LD and no scripts still runs none', () => {
    const doc = read(`${basePath}reproduce/`);
    expect(blocks(doc).length).toBeGreaterThan(0);
    expect(/script-src ([^;"]*)/.exec(doc)?.[1]).toBe("'none'");
  });
});

describe('robots.txt', () => {
  it('allows crawling and names the sitemap index of this site', () => {
    const text = readFileSync(path.join(distDir, 'robots.txt'), 'utf8');
    expect(text).toMatch(/^User-agent: \*$/m);
    const sitemapUrl = /^Sitemap: (\S+)$/m.exec(text)?.[1];
    expect(sitemapUrl).toBeDefined();
    expect(existsSync(fileOfUrl(sitemapUrl!))).toBe(true);
    expect(sitemap.origins).toContain(new URL(sitemapUrl!).origin);
  });
});
