// The W3C Nu HTML checker (vnu.jar from the npm package vnu-jar, Java from Debian's
// default-jre-headless) over every built page: any error fails, naming the page, line and message.
// It catches what html-validate's rules do not model, such as a <style> in <body> that is not
// the first child of its parent (Astro's island style, now moved into the head at build time).
// A known-invalid document is checked first, so the test can fail.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { basePath, distDir } from './support/config';
import { nuErrors, type NuMessage } from './support/nu-checker';
import { pagesToCheck } from './support/sitemap';

/** The built file for a site path: `/x/` → `x/index.html`, `/404.html` → `404.html`. */
function fileFor(sitePath: string): string {
  const rel = sitePath.slice(basePath.length);
  return path.join(distDir, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
}

const describeMessage = (m: NuMessage): string =>
  `${path.relative(distDir, fileURLToPath(m.url))}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.message}`;

const scratch = mkdtempSync(path.join(os.tmpdir(), 'nu-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('the checker runs and reports a style element that is not the first child of its parent', () => {
  const bad = path.join(scratch, 'bad.html');
  writeFileSync(bad, '<!doctype html><html lang="en"><head><title>x</title></head><body><main><p>x</p><style>p{}</style></main></body></html>');
  const messages = nuErrors([bad]).map((m) => m.message);
  expect(messages.some((m) => /“style” element .* must be the first child/.test(m))).toBe(true);
});

it('reports no error on any page of the built site', () => {
  const files = pagesToCheck(distDir, basePath).map(fileFor);
  expect(files.length).toBeGreaterThan(10);
  expect(nuErrors(files).map(describeMessage)).toEqual([]);
});
