// HTML validation (issue 7): every built page passes html-validate (offline) with the project's
// .htmlvalidate.json: the HTML standard, accessibility and document presets, with two narrow
// adjustments for what the build legitimately emits (Astro's island `<style>`, which it writes
// into the body, is moved into the head at build time: src/lib/postbuild/head-styles.ts):
//   - `prefer-native-element` accepts `role="region"`: a scrolling table sits in
//     `<div role="region" aria-label tabindex="0">`, the pattern that makes the scroll area
//     reachable by keyboard without adding a section to the document outline;
//   - `require-sri` applies to cross-origin resources only (the site loads none; same-origin
//     integrity hashes would protect nothing).
// A known-invalid document is checked with the same configuration, so the test can fail.

import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, type Report } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { basePath, distDir, repoRoot } from './support/config';
import { pagesToCheck } from './support/sitemap';

const pages = pagesToCheck(distDir, basePath);

const validator = new HtmlValidate(new FileSystemConfigLoader());

/** The built file for a site path: `/x/` → `x/index.html`, `/404.html` → `404.html`. */
function fileFor(sitePath: string): string {
  const rel = sitePath.slice(basePath.length);
  return path.join(distDir, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
}

function describeReport(report: Report): string[] {
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${path.relative(distDir, r.filePath)}:${m.line}:${m.column} [${m.ruleId}] ${m.message}`),
  );
}

it('the configuration is the repository’s and catches invalid HTML', async () => {
  const config = await validator.getConfigFor(path.join(repoRoot, 'any.html'));
  expect(config.getRules().get('require-sri')?.[1]).toEqual({ target: 'crossorigin' });
  const report = await validator.validateString(
    '<!doctype html><html lang="en"><head><title>x</title></head><body><p id="a">x</p><ul><div id="a"></div></ul></body></html>',
    path.join(repoRoot, 'bad.html'),
  );
  const rules = new Set(report.results.flatMap((r) => r.messages.map((m) => m.ruleId)));
  expect(rules).toContain('no-dup-id');
  expect(rules).toContain('element-permitted-content');
});

describe.each(pages)('page %s', (sitePath) => {
  it('is valid HTML', async () => {
    const report = await validator.validateFile(fileFor(sitePath));
    expect(describeReport(report)).toEqual([]);
    expect(report.valid).toBe(true);
  });
});
