// Citations pin the build (issue 17): settings, version, and the same pins in BibTeX, the text
// citation, the Highwire tags, the site's CITATION.cff and the repository's .zenodo.json.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../references/bibtex-reader.ts';
import { citeSettings, DEFAULT_REPO_URL } from '../../../src/lib/cite/settings.ts';
import { commitOf, newestDate, shortCommit, siteVersion, versionLabel, type SiteVersion } from '../../../src/lib/cite/version.ts';
import { cffForBuild } from '../../../src/lib/cite/cff.ts';
import { rebuildCommands } from '../../../src/lib/cite/rebuild.ts';
import { figureCitationText, highwireTags, pageBibtex, pageCitationText, type CitablePage } from '../../../src/lib/site/citation.ts';

const root = new URL('../../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const version: SiteVersion = { version: '1.2.3', commit: COMMIT, dataDate: '2026-12-02T17:43:15.305Z' };
const page: CitablePage = { title: 'The slope budget', url: 'https://example.org/slope-budget/', published: new Date('2026-11-27'), slug: 'slope-budget', version, doi: '10.5281/zenodo.1234567' };

describe('settings', () => {
  it('REPO_URL defaults, loses a trailing slash and .git, and must be an http(s) URL', () => {
    expect(citeSettings({}).repoUrl).toBe(DEFAULT_REPO_URL);
    expect(citeSettings({ REPO_URL: 'https://github.com/a/b.git' }).repoUrl).toBe('https://github.com/a/b');
    expect(citeSettings({ REPO_URL: 'https://github.com/a/b/' }).repoUrl).toBe('https://github.com/a/b');
    expect(() => citeSettings({ REPO_URL: 'github.com/a/b' })).toThrow(/REPO_URL/);
    expect(() => citeSettings({ REPO_URL: 'ftp://x.org/a' })).toThrow(/http/);
  });
  it('DOI is optional, accepts doi.org URLs and doi: prefixes, and rejects non-DOIs', () => {
    expect(citeSettings({}).doi).toBeUndefined();
    expect(citeSettings({ DOI: '10.5281/zenodo.42' }).doi).toBe('10.5281/zenodo.42');
    expect(citeSettings({ DOI: 'https://doi.org/10.5281/zenodo.42' }).doi).toBe('10.5281/zenodo.42');
    expect(citeSettings({ DOI: 'doi:10.5281/zenodo.42' }).doi).toBe('10.5281/zenodo.42');
    expect(() => citeSettings({ DOI: 'zenodo.42' })).toThrow(/DOI/);
  });
});

describe('version', () => {
  it('newest date compares instants, not strings', () => {
    expect(newestDate(['2026-12-02T17:43:15.305Z', '2026-12-03T00:00:00+08:00', '2026-12-01T00:00:00Z'])).toBe('2026-12-02T17:43:15.305Z');
    expect(() => newestDate([])).toThrow();
    expect(() => newestDate(['yesterday'])).toThrow(/not a date/);
  });
  it('commit comes from GIT_COMMIT/GITHUB_SHA when set, else git; a malformed one throws', () => {
    expect(commitOf(root, { GITHUB_SHA: COMMIT })).toBe(COMMIT);
    expect(() => commitOf(root, { GIT_COMMIT: 'abc' })).toThrow(/full commit/);
    expect(commitOf('/', {})).toBe('unknown');
    expect(shortCommit(COMMIT)).toBe('0123456');
    expect(shortCommit('unknown')).toBe('unknown');
  });
  it("this checkout's version is package.json's, its commit is HEAD, its data date the newest record's", () => {
    const v = siteVersion(root);
    expect(v.version).toBe(pkg.version);
    expect(v.commit).toMatch(/^[0-9a-f]{40}$/);
    const dates = readFileSync(`${root}content/data/activation-curves.json`, 'utf8').match(/"generatedAt": "([^"]+)"/)![1]!;
    expect(Date.parse(v.dataDate)).toBeGreaterThanOrEqual(Date.parse(dates));
  });
});

describe('every citation names the same version, commit and DOI', () => {
  it('BibTeX: version field, doi field, the full commit in note (read back with citation-js)', () => {
    const bib = pageBibtex(page);
    const entry = parseBibtex(bib)[0] as unknown as Record<string, unknown>;
    expect(entry.version).toBe('1.2.3');
    expect(entry.DOI).toBe('10.5281/zenodo.1234567');
    expect(String(entry.note)).toContain(`commit ${COMMIT}`);
    expect(String(entry.note)).toContain('data of 2026-12-02');
  });
  it('text and figure citations: version, short commit, DOI, and the URL last', () => {
    const text = pageCitationText(page);
    expect(text).toContain(versionLabel(version));
    expect(text).toContain('commit 0123456');
    expect(text).toContain('https://doi.org/10.5281/zenodo.1234567');
    expect(text.endsWith(page.url)).toBe(true);
    const fig = figureCitationText({ number: 2, title: 'Thresholds', page, anchor: 'fig-x' });
    expect(fig).toContain('version 1.2.3 (commit 0123456');
    expect(fig.endsWith('https://example.org/slope-budget/#fig-x')).toBe(true);
  });
  it('Highwire: citation_doi, citation_version, citation_commit; none without pins', () => {
    const tags = Object.fromEntries(highwireTags(page));
    expect(tags.citation_doi).toBe('10.5281/zenodo.1234567');
    expect(tags.citation_version).toBe('1.2.3');
    expect(tags.citation_commit).toBe(COMMIT);
    const bare = highwireTags({ ...page, version: undefined, doi: undefined }).map(([n]) => n);
    expect(bare).not.toContain('citation_doi');
    expect(bare).not.toContain('citation_version');
  });
  it("the site's CITATION.cff: repository-code from REPO_URL, commit, doi, version", () => {
    const repositoryCff = readFileSync(`${root}CITATION.cff`, 'utf8');
    const pins = { ...citeSettings({ REPO_URL: 'https://github.com/someone/fork', DOI: '10.5281/zenodo.9' }), version: { ...version, version: pkg.version } };
    const out = parse(cffForBuild(repositoryCff, pins)) as Record<string, unknown>;
    expect(out['cff-version']).toBe('1.2.0');
    expect(out['repository-code']).toBe('https://github.com/someone/fork');
    expect(out.commit).toBe(COMMIT);
    expect(out.doi).toBe('10.5281/zenodo.9');
    expect(out.version).toBe(pkg.version);
    expect(out.title).toBe((parse(repositoryCff) as { title: string }).title);
    // A CITATION.cff that disagrees with package.json fails the build.
    expect(() => cffForBuild(repositoryCff, { ...pins, version: { ...version, version: '9.9.9' } })).toThrow(/version/);
  });
  it('the repository CITATION.cff and .zenodo.json agree with package.json and the default REPO_URL', () => {
    const repoCff = parse(readFileSync(`${root}CITATION.cff`, 'utf8')) as Record<string, unknown>;
    const zenodo = JSON.parse(readFileSync(`${root}.zenodo.json`, 'utf8')) as Record<string, unknown> & { creators: { name: string }[]; related_identifiers: { identifier: string; relation: string }[] };
    expect(String(repoCff.version)).toBe(pkg.version);
    expect(repoCff['repository-code']).toBe(DEFAULT_REPO_URL);
    expect(zenodo.version).toBe(pkg.version);
    expect(zenodo.title).toBe(repoCff.title);
    expect(zenodo.upload_type).toBe('software');
    expect(zenodo.creators.map((c) => c.name)).toEqual((repoCff.authors as { name: string }[]).map((a) => a.name));
    expect(zenodo.related_identifiers.find((r) => r.relation === 'isSupplementTo')?.identifier).toBe(DEFAULT_REPO_URL);
  });
  it('/reproduce/ rebuild commands check out the pinned commit', () => {
    const cmds = rebuildCommands({ pins: { repoUrl: 'https://github.com/a/b', version }, siteUrl: 'https://x.org', basePath: '/b/' });
    expect(cmds.split('\n')).toEqual(['git clone https://github.com/a/b', 'cd b', `git checkout ${COMMIT}`, 'npm ci', 'SITE_URL=https://x.org BASE_PATH=/b/ npm run build']);
  });
});
