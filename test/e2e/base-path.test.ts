// Deploying under a sub-path (issue 7): builds the site with BASE_PATH=/tanh-nx/ and another
// SITE_URL into its own directory, serves it under /tanh-nx/, and checks that every internal
// link, asset and #anchor of every page resolves without leaving the base path; that canonical
// URLs and citations use SITE_URL; and that search works there.
// Environment: E2E_BASE_PATH_DIST=<dir> tests an existing sub-path build instead of building.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Browser } from './support/browser';
import { repoRoot } from './support/config';
import { checkSiteLinks } from './support/site-check';
import { start, type StaticServer } from './support/static-server';
import { buildEnvironment } from './support/build-env';

const BASE = '/tanh-nx/';
const SITE = 'https://readers.example.net';

let outDir: string;
let ownBuild = false;
let server: StaticServer;

beforeAll(async () => {
  if (process.env.E2E_BASE_PATH_DIST) {
    outDir = path.resolve(repoRoot, process.env.E2E_BASE_PATH_DIST);
  } else {
    // Inside the project (Astro needs that) and git-ignored (.tmp-*/).
    outDir = mkdtempSync(path.join(repoRoot, '.tmp-e2e-base-path-'));
    ownBuild = true;
    const result = spawnSync('npx', ['tsx', 'scripts/build.ts', '--out-dir', outDir], {
      cwd: repoRoot,
      env: { ...buildEnvironment(), BASE_PATH: BASE, SITE_URL: SITE },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`build under ${BASE} failed:\n${result.stdout}\n${result.stderr}`);
  }
  expect(existsSync(path.join(outDir, 'sitemap-index.xml'))).toBe(true);
  server = await start(outDir, { base: BASE });
}, 900_000);

afterAll(async () => {
  await server?.close();
  if (ownBuild) rmSync(outDir, { recursive: true, force: true });
});

describe(`the site built under ${BASE}`, () => {
  it('every internal link, asset and #anchor on every page resolves, under the base path', async () => {
    const { pages, checkedLinks, problems } = await checkSiteLinks(server, outDir);
    expect(pages.length).toBeGreaterThan(4);
    expect(checkedLinks).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it('canonical URLs and citations use SITE_URL and the base path', async () => {
    const doc = await (await fetch(`${server.origin}${BASE}slope-budget/`)).text();
    expect(doc).toContain(`<link rel="canonical" href="${SITE}${BASE}slope-budget/">`);
    expect(doc).toContain(`<meta name="citation_public_url" content="${SITE}${BASE}slope-budget/">`);
    expect(doc).toContain(`url          = {${SITE}${BASE}slope-budget/}`);
  });

  it('search runs under the base path and links results under it', async () => {
    let browser: Browser | undefined;
    try {
      browser = await launch();
      const page = await browser.context.newPage();
      const failed: string[] = [];
      page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
      await page.goto(`${server.origin}${BASE}search/?q=saturation`);
      await expect
        .poll(() => page.$$eval('.search-results .search-result-title', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)), { timeout: 20_000 })
        .toContain(`${BASE}order-and-chaos/`);
      expect(failed).toEqual([]);
    } finally {
      await browser?.close();
    }
  });
});
