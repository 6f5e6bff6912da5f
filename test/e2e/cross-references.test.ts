// Cross-references in the built site (issue 17, item 4), read from dist/ without a browser:
//   - every <Ref> link (a.cross-ref) and every notation link (a.notation-link) points at an id
//     that exists on its target page, and a figure reference's text names the number that
//     figure's caption shows;
//   - figures are numbered 1, 2, … in order on each page; numbered equations carry their number
//     (KaTeX's \tag) in order and an eq-… anchor;
//   - each article links every notation symbol its math uses at most once, and /notation/ has
//     the entries they point to.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { basePath, distDir } from './support/config';
import { pagesToCheck } from './support/sitemap';

const pages = pagesToCheck(distDir, basePath).filter((p) => p.endsWith('/'));

function fileFor(sitePath: string): string {
  return path.join(distDir, sitePath.slice(basePath.length), 'index.html');
}

const parsed = new Map<string, Root>();
function page(sitePath: string): Root {
  if (!parsed.has(sitePath)) parsed.set(sitePath, fromHtml(readFileSync(fileFor(sitePath), 'utf8')));
  return parsed.get(sitePath)!;
}

function elements(node: Root | Element, test: (e: Element) => boolean, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) out.push(child);
    elements(child, test, out);
  }
  return out;
}

/** The text of an element (what a reader sees, without KaTeX's MathML copy). */
function toText(node: Element): string {
  if (hasClass('katex-mathml')(node)) return '';
  return node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? toText(c) : '')).join('');
}

const hasClass = (name: string) => (e: Element) => ((e.properties.className as string[] | undefined) ?? []).includes(name);
const byId = (root: Root, id: string) => elements(root, (e) => e.properties.id === id)[0];

/** The site path and fragment a link on `from` points to. */
function resolve(from: string, href: string): { target: string; id: string } {
  const url = new URL(href, `http://site${from}`);
  return { target: url.pathname, id: decodeURIComponent(url.hash.slice(1)) };
}

const withRefs = pages.filter((p) => elements(page(p), hasClass('cross-ref')).length > 0);

describe('cross-references in dist/', () => {
  it('the built site has cross-references and numbered equations to check', () => {
    expect(withRefs.length).toBeGreaterThanOrEqual(4);
    expect(pages.some((p) => elements(page(p), hasClass('equation')).length > 0)).toBe(true);
  });

  for (const sitePath of pages) {
    it(`${sitePath}: figures and equations are numbered in order; every Ref and notation link resolves`, () => {
      const root = page(sitePath);
      const labels = elements(root, hasClass('figure-label')).map((e) => toText(e));
      expect(labels).toEqual(labels.map((_, i) => `Figure ${i + 1}`));
      const equations = elements(root, hasClass('equation'));
      equations.forEach((eq, i) => {
        expect(String(eq.properties.id)).toMatch(/^eq-[a-z0-9-]+$/);
        const tags = elements(eq, hasClass('tag'));
        expect(tags).toHaveLength(1);
        expect(toText(tags[0]!).trim()).toBe(`(${i + 1})`);
      });

      for (const link of elements(root, hasClass('cross-ref'))) {
        const href = String(link.properties.href);
        const { target, id } = resolve(sitePath, href);
        const there = byId(page(target), id);
        expect(there, `${sitePath}: ${href} (${link.properties.dataRef})`).toBeDefined();
        const text = toText(link);
        const figure = /^Figure (\d+)/.exec(text);
        if (figure) expect(toText(elements(there!, hasClass('figure-label'))[0]!)).toBe(`Figure ${figure[1]}`);
        const equation = /^Equation \((\d+)\)/.exec(text);
        if (equation) expect(toText(elements(there!, hasClass('tag'))[0]!).trim()).toBe(`(${equation[1]})`);
        if (text.startsWith('Section ‘')) expect(there!.tagName).toMatch(/^h[2-6]$/);
      }

      const symbols = new Set<string>();
      for (const link of elements(root, (e) => e.tagName === 'a' && hasClass('notation-link')(e))) {
        const { target, id } = resolve(sitePath, String(link.properties.href));
        expect(target).toBe(`${basePath}notation/`);
        expect(byId(page(target), id), `${sitePath}: notation link to #${id}`).toBeDefined();
        expect(symbols.has(id), `${sitePath}: #${id} linked twice`).toBe(false);
        symbols.add(id);
      }
    });
  }

  it('articles link first uses of their symbols to /notation/ (χ1 and t1 on the claims page too)', () => {
    const linked = (p: string) => elements(page(p), (e) => e.tagName === 'a' && hasClass('notation-link')(e)).map((e) => resolve(p, String(e.properties.href)).id);
    expect(linked(`${basePath}claims/`)).toEqual(expect.arrayContaining(['sym-t1', 'sym-chi1']));
    expect(linked(`${basePath}order-and-chaos/`)).toEqual(expect.arrayContaining(['sym-q-star', 'sym-chi1', 'sym-xi-c']));
  });
});
