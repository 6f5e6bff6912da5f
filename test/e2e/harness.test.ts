// Tests of the e2e harness itself (static server, sitemap reader) on a tiny site written to a
// temporary directory, so that a failing page test can be trusted to be about the site.

import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffDirs } from './support/dir-diff';
import { readSitemap } from './support/sitemap';
import { normaliseBase, start, type StaticServer } from './support/static-server';

let root: string;
let site: string;

const FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>home</title>',
  '404.html': '<!doctype html><title>not found</title>',
  'about/index.html': '<!doctype html><title>about</title>',
  'style.css': 'body{}',
  'app.js': 'export {}',
  'app.mjs': 'export {}',
  'data/f.json': '{}',
  'data/f.csv': 'a\n1\n',
  'f.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'sitemap-index.xml':
    '<?xml version="1.0"?><sitemapindex><sitemap><loc>https://example.org/base/sitemap-0.xml</loc></sitemap></sitemapindex>',
  'sitemap-0.xml':
    '<?xml version="1.0"?><urlset><url><loc>https://example.org/base/</loc></url>' +
    '<url><loc>https://example.org/base/about/</loc></url><url><loc>https://example.org/base/a%20b/?x=1&amp;y=2</loc></url></urlset>',
  'font.woff2': 'x',
  'pagefind/pagefind.js': '',
  'pagefind/pagefind-ui.js': '',
  'pagefind/pagefind.en_1.pf_meta': 'x',
  'pagefind/index/en_1.pf_index': 'x',
  'pagefind/fragment/en_1.pf_fragment': 'x',
  'pagefind/wasm.en.pagefind': 'x',
  'm.wasm': 'x',
};

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'tanh-nx-harness-'));
  site = path.join(root, 'site');
  for (const [rel, text] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(site, rel)), { recursive: true });
    await writeFile(path.join(site, rel), text);
  }
  await writeFile(path.join(root, 'secret.txt'), 'secret');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A raw GET that does not normalise `..` the way fetch/URL would. */
function rawGet(origin: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(['/', '/base/'])('static server with base %s', (base) => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await start(site, { base });
  });
  afterAll(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 under the base path', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${base.replace(/\//g, '\\/')}$`));
  });

  it.each([
    ['', 'text/html'],
    ['about/', 'text/html'],
    ['style.css', 'text/css'],
    ['app.js', 'text/javascript'],
    ['app.mjs', 'text/javascript'],
    ['data/f.json', 'application/json'],
    ['data/f.csv', 'text/csv'],
    ['f.svg', 'image/svg+xml'],
    ['sitemap-index.xml', 'application/xml'],
    ['font.woff2', 'font/woff2'],
    ['m.wasm', 'application/wasm'],
    ['pagefind/pagefind.js', 'text/javascript'],
    ['pagefind/pagefind-ui.js', 'text/javascript'],
    ['pagefind/pagefind.en_1.pf_meta', 'application/octet-stream'],
    ['pagefind/index/en_1.pf_index', 'application/octet-stream'],
    ['pagefind/fragment/en_1.pf_fragment', 'application/octet-stream'],
    ['pagefind/wasm.en.pagefind', 'application/octet-stream'],
  ])('serves %s as %s', async (rel, type) => {
    const res = await fetch(server.url + rel);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
  });

  it('redirects a directory without a trailing slash', async () => {
    const res = await fetch(`${server.url}about`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`${base}about/`);
  });

  it('answers an unknown path with 404.html and status 404', async () => {
    for (const p of [`${server.url}nope/`, `${server.url}nope.css`, `${server.origin}/elsewhere/`]) {
      const res = await fetch(p);
      expect(res.status, p).toBe(404);
      expect(await res.text()).toContain('not found');
    }
  });

  it('refuses path traversal', async () => {
    for (const p of [`${base}../secret.txt`, `${base}%2e%2e/secret.txt`, `${base}..%2fsecret.txt`, `${base}a/..%5c..%5csecret.txt`]) {
      const res = await rawGet(server.origin, p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.body, p).not.toContain('secret');
    }
  });
});

describe('sitemap reader', () => {
  it('follows the index and strips origin (keeping the base path)', () => {
    const info = readSitemap(site, '/base/');
    expect(info.paths).toEqual(['/base/', '/base/a b/', '/base/about/']);
    expect(info.origins).toEqual(['https://example.org']);
  });

  it('normalises base paths', () => {
    expect(['', '/', 'x', '/x', '/x/', 'x/y/'].map(normaliseBase)).toEqual(['/', '/', '/x/', '/x/', '/x/', '/x/y/']);
  });
});

describe('directory diff (used by the reproducible-build test)', () => {
  it('finds missing, extra and differing files, with context', async () => {
    const a = path.join(root, 'diff-a');
    const b = path.join(root, 'diff-b');
    for (const [dir, files] of [
      [a, { 'same.txt': 'same', 'x/page.html': '<p>built at 1</p>', 'only-a.css': '' }],
      [b, { 'same.txt': 'same', 'x/page.html': '<p>built at 2</p>', 'only-b.js': '' }],
    ] as const) {
      for (const [rel, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
        await writeFile(path.join(dir, rel), text);
      }
    }
    const diff = await diffDirs(a, b);
    expect(diff.files).toBe(3);
    expect(diff.onlyInA).toEqual(['only-a.css']);
    expect(diff.onlyInB).toEqual(['only-b.js']);
    expect(diff.differing).toHaveLength(1);
    expect(diff.differing[0]).toContain('x/page.html: 17 vs 17 bytes, first difference at byte 12');
    expect(diff.differing[0]).toContain('built at 2');
    expect(await diffDirs(a, a)).toEqual({ files: 3, onlyInA: [], onlyInB: [], differing: [] });
  });
});
