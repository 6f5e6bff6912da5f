// Per-page HTML budgets (issue 17): every built page's HTML bytes, gzip bytes and element count
// within its budget in support/page-budgets.ts (HTML_BUDGETS, set from measurements with a stated
// margin). Reads dist/ only — no browser: the element count is the parsed document's
// (hast-util-from-html), which is what a browser builds before any script runs.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { basePath, distDir } from './support/config';
import { DEFAULT_HTML_BUDGET, HTML_BUDGETS, type HtmlBudget } from './support/page-budgets';
import { pagesToCheck } from './support/sitemap';

interface HtmlWeight {
  htmlBytes: number;
  gzipBytes: number;
  domElements: number;
}

type HastNode = { type: string; children?: HastNode[]; content?: HastNode };

/** Elements in an HTML document as a parser builds it (template contents included). */
export function countElements(html: string): number {
  let count = 0;
  const walk = (node: HastNode) => {
    if (node.type === 'element') count++;
    for (const child of node.children ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(fromHtml(html) as unknown as HastNode);
  return count;
}

export function weigh(html: Buffer): HtmlWeight {
  return { htmlBytes: html.length, gzipBytes: gzipSync(html, { level: 9 }).length, domElements: countElements(html.toString('utf8')) };
}

/** Every way `weight` exceeds `budget`, in words. */
export function overHtmlBudget(weight: HtmlWeight, budget: HtmlBudget): string[] {
  return (['htmlBytes', 'gzipBytes', 'domElements'] as const)
    .filter((key) => weight[key] > budget[key])
    .map((key) => `${key} ${weight[key]} > ${budget[key]}`);
}

const pages = pagesToCheck(distDir, basePath);

function htmlFile(sitePath: string): string {
  const rel = sitePath.slice(basePath.length);
  return path.join(distDir, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
}

describe.each(pages)('page %s', (sitePath) => {
  const key = `/${sitePath.slice(basePath.length)}`;
  const budget = HTML_BUDGETS[key] ?? DEFAULT_HTML_BUDGET;
  it('stays within its HTML budget (bytes, gzip bytes, elements)', () => {
    const weight = weigh(readFileSync(htmlFile(sitePath)));
    const label = HTML_BUDGETS[key] ? 'its budget' : 'the default budget (no entry in HTML_BUDGETS)';
    expect(overHtmlBudget(weight, budget), `${sitePath} against ${label}: ${JSON.stringify(weight)}`).toEqual([]);
  });
});

describe('the HTML budget check', () => {
  it('counts elements as a parser does, implied ones and template contents included', () => {
    // html, head, title, body, p, b, template, i
    expect(countElements('<!doctype html><title>t</title><p>a <b>b</b><template><i>x</i></template>')).toBe(8);
  });
  it('names every excess', () => {
    const budget = { htmlBytes: 100, gzipBytes: 50, domElements: 10 };
    expect(overHtmlBudget({ htmlBytes: 100, gzipBytes: 50, domElements: 10 }, budget)).toEqual([]);
    expect(overHtmlBudget({ htmlBytes: 101, gzipBytes: 20, domElements: 11 }, budget)).toEqual(['htmlBytes 101 > 100', 'domElements 11 > 10']);
  });
  it('has a budget for every page of the site, and none for a page that does not exist', () => {
    const keys = pages.map((p) => `/${p.slice(basePath.length)}`);
    expect(Object.keys(HTML_BUDGETS).filter((k) => !keys.includes(k))).toEqual([]);
    expect(keys.filter((k) => !(k in HTML_BUDGETS))).toEqual([]);
  });
});
