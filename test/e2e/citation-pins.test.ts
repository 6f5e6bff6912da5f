// Citations pin the build (issue 17), in the built site: on every page the footer, the Highwire
// tags, the "Cite this page" BibTeX (read back with citation-js), every "Cite this figure" text,
// the downloadable .bib files and the site's /CITATION.cff name one version and one commit — this
// checkout's package version and HEAD — and /reproduce/ tells how to check that commit out.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../unit/references/bibtex-reader';
import { basePath, distDir, repoRoot } from './support/config';
import { readSitemap } from './support/sitemap';

const sitemap = readSitemap(distDir, basePath);
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const head =
  process.env.GIT_COMMIT || process.env.GITHUB_SHA || spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).stdout.trim();

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const fileOf = (sitePath: string) => path.join(distDir, sitePath.slice(basePath.length), 'index.html');
const read = (sitePath: string) => readFileSync(fileOf(sitePath), 'utf8');
const meta = (doc: string, name: string) => [...doc.matchAll(new RegExp(`<meta name="${name}" content="([^"]*)"`, 'g'))].map((m) => unescape(m[1]!));
const attr = (doc: string, name: string) => unescape(new RegExp(`${name}="([^"]*)"`).exec(doc)?.[1] ?? '');

const cff = parse(readFileSync(path.join(distDir, 'CITATION.cff'), 'utf8')) as Record<string, unknown>;

describe('one version and one commit everywhere', () => {
  it('the site is this checkout: package.json version, HEAD commit', () => {
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    expect(cff.version).toBe(pkg.version);
    expect(cff.commit, 'dist/ was built from another commit: rebuild').toBe(head);
    expect(cff['repository-code']).toMatch(/^https?:\/\//);
  });

  it.each(sitemap.paths)('%s: footer, Highwire tags, BibTeX and figure citations agree with CITATION.cff', (sitePath) => {
    const doc = read(sitePath);
    expect(attr(doc, 'data-site-version'), 'footer version').toBe(cff.version);
    expect(attr(doc, 'data-site-commit'), 'footer commit').toBe(cff.commit);
    expect(doc).toContain(`href="${cff['repository-code'] as string}/tree/${cff.commit as string}"`);
    const dataDate = attr(doc, 'data-site-data-date');
    expect(Number.isNaN(Date.parse(dataDate))).toBe(false);
    const doi = (cff.doi as string | undefined) ?? undefined;
    const bibPre = /<pre class="bibtex" data-bibtex><code>([\s\S]*?)<\/code><\/pre>/.exec(doc)?.[1];
    if (sitePath === `${basePath}search/`) {
      expect(bibPre).toBeUndefined();
      return;
    }
    expect(meta(doc, 'citation_version')).toEqual([cff.version]);
    expect(meta(doc, 'citation_commit')).toEqual([cff.commit]);
    expect(meta(doc, 'citation_doi')).toEqual(doi ? [doi] : []);
    const entry = parseBibtex(unescape(bibPre!))[0] as unknown as Record<string, unknown>;
    expect(entry.version).toBe(cff.version);
    expect(entry.DOI).toBe(doi);
    expect(String(entry.note)).toContain(`commit ${cff.commit as string}, data of ${dataDate.slice(0, 10)}`);
    const short = (cff.commit as string).slice(0, 7);
    for (const m of doc.matchAll(/<p data-figure-citation[^>]*>([\s\S]*?)<\/p>/g)) {
      expect(unescape(m[1]!)).toContain(`version ${cff.version as string} (commit ${short}, data of ${dataDate.slice(0, 10)})`);
    }
  });

  it('each article .bib file pins the same version and commit', () => {
    const bibs = sitemap.paths.map((p) => path.join(distDir, 'cite', `${p.slice(basePath.length).replace(/\/$/, '')}.bib`)).filter(existsSync);
    expect(bibs.length).toBeGreaterThanOrEqual(6);
    for (const file of bibs) {
      const entry = parseBibtex(readFileSync(file, 'utf8'))[0] as unknown as Record<string, unknown>;
      expect(entry.version, file).toBe(cff.version);
      expect(String(entry.note), file).toContain(`commit ${cff.commit as string}`);
    }
  });

  it('/reproduce/ gives the commands that check out and build that commit', () => {
    const doc = read(`${basePath}reproduce/`);
    const cmds = unescape(/<pre class="rebuild-commands"[^>]*><code>([\s\S]*?)<\/code><\/pre>/.exec(doc)?.[1] ?? '').split('\n');
    expect(cmds[0]).toBe(`git clone ${cff['repository-code'] as string}`);
    expect(cmds).toContain(`git checkout ${cff.commit as string}`);
    expect(cmds.at(-1)).toMatch(/npm run build$/);
    expect(doc).toContain('id="rebuild-this-version"');
  });
});
