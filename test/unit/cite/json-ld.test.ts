import { describe, expect, it } from 'vitest';
import { datasetEntry, jsonLdText, scholarlyArticle } from '../../../src/lib/cite/json-ld.ts';
import { inlineScriptHashes } from '../../../src/lib/postbuild/csp.ts';

const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const page = { title: 'T', url: 'https://x.org/t/', published: new Date('2026-11-27'), updated: new Date('2026-12-01'), slug: 't', version: { version: '1.0.0', commit: COMMIT, dataDate: '2026-12-02T00:00:00.000Z' }, doi: '10.5281/zenodo.5' };

describe('JSON-LD', () => {
  it('a ScholarlyArticle carries the dates, the version, the commit and the DOI', () => {
    const a = scholarlyArticle({ page, description: 'D', basedOn: { title: 'Q', url: 'https://q.org/1' }, citations: [{ title: 'W', year: 2016 }], repoUrl: 'https://github.com/a/b' });
    expect(a).toMatchObject({ '@type': 'ScholarlyArticle', headline: 'T', datePublished: '2026-11-27', dateModified: '2026-12-01', version: '1.0.0', identifier: `https://github.com/a/b/tree/${COMMIT}`, sameAs: 'https://doi.org/10.5281/zenodo.5' });
    expect(a.citation).toEqual([{ '@type': 'CreativeWork', name: 'W', datePublished: '2016' }]);
  });
  it('a Dataset lists the JSON and every CSV download', () => {
    const d = datasetEntry({ id: 'x', title: 'X', description: 'short', jsonUrl: 'https://x.org/data/x.json', csvUrls: ['https://x.org/a.csv', 'https://x.org/b.csv'], pageUrl: 'https://x.org/reproduce/#dataset-x', generatedAt: '2026-12-02T00:00:00.000Z', producer: 'p.ts', inputHash: 'sha256:1', repoUrl: 'https://github.com/a/b' });
    expect((d.distribution as unknown[]).length).toBe(3);
    expect((d.description as string).length).toBeGreaterThanOrEqual(50);
  });
  it('serialised JSON-LD cannot close its script element, and parses back', () => {
    const text = jsonLdText({ name: '</script><!-- x' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ name: '</script><!-- x' });
  });
  it('the CSP step hashes scripts but not JSON-LD data blocks', () => {
    expect(inlineScriptHashes('<script type="application/ld+json">{"a":1}</script>')).toEqual([]);
    expect(inlineScriptHashes('<script type="module">x()</script>')).toHaveLength(1);
  });
});
