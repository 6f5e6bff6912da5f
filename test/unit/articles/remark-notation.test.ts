import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { NOTATION_FIELD, remarkNotation } from '../../../src/lib/articles/remark-notation.ts';

async function compileArticle(source: string) {
  const file = await compile({ value: source, path: `${process.cwd()}/content/articles/fixture.mdx` }, { remarkPlugins: [remarkMath, remarkNotation] });
  return { js: String(file), notation: (file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter[NOTATION_FIELD] };
}

/** [symbol, TeX inside the link] for every notation link, in order. */
function notationLinks(js: string): [string, string][] {
  return [...js.matchAll(/href: "\.\.\/notation\/#sym-([^"]+)",\s*className: "notation-link",\s*"data-symbol": "([^"]+)",\s*title: "[^"]+",\s*children: _jsx\(_components\.code, \{\s*className: "language-math math-inline",\s*children: "((?:[^"\\]|\\.)*)"/g)].map(
    (m) => {
      expect(m[2]).toBe(m[1]);
      return [m[1]!, m[3]!];
    },
  );
}

describe('remark-notation: first uses link to /notation/', () => {
  it('links the first inline use of each symbol, once per article', async () => {
    const { js } = await compileArticle('Here $\\chi_1$ and again $\\chi_1 > 1$, then $q^*$.\n\nLater $q^* = 0$ and $t_1(n)$.\n');
    expect(notationLinks(js)).toEqual([
      ['chi1', '\\\\chi_1'],
      ['q-star', 'q^*'],
      ['t1', 't_1(n)'],
    ]);
  });

  it('a formula with two new symbols links the earlier one; the other is linked at its next use', async () => {
    const { js } = await compileArticle('So $\\sigma_w^2 \\mathbb E = \\chi_1$ and then $\\chi_1 = 1$ and $\\sigma_w^2$.\n');
    expect(notationLinks(js)).toEqual([
      ['sigma-w2', '\\\\sigma_w^2 \\\\mathbb E = \\\\chi_1'],
      ['chi1', '\\\\chi_1 = 1'],
    ]);
  });

  it('finds first uses inside components but not in headings, links, <Ref> or display math', async () => {
    const { js, notation } = await compileArticle(
      [
        '## Where $\\xi_c$ is',
        '',
        'See [$q^*$](../x/) and <Ref to="sec:x">$c^*$</Ref>.',
        '',
        '$$',
        'G = 1',
        '$$',
        '',
        '<Note>Reason: $c^* = 1$, $G$ and $\\xi_c$.</Note>',
        '',
      ].join('\n'),
    );
    expect(notationLinks(js)).toEqual([
      ['c-star', 'c^* = 1'],
      ['G', 'G'],
      ['xi-c', '\\\\xi_c'],
    ]);
    expect(notation).toEqual(['xi-c', 'q-star', 'c-star', 'G']);
  });

  it('an article without the symbols gets no links', async () => {
    const { js } = await compileArticle('Plain $x^2 + \\ln y$ text.\n');
    expect(notationLinks(js)).toEqual([]);
    expect(js).not.toContain('notation-link');
  });
});

describe('remark-notation: the thread’s quotes in <Claim>s come before the claim’s reason', () => {
  it('links the first use in a claim’s quote and passes it to the Claim as notationLinks', async () => {
    // The ledger's quote for this claim: "So for $|x| > t_1(n)$, the derivative will be smaller than $\frac{1}{n}$."
    const { js, notation } = await compileArticle('<Claim id="slopes-below-one-over-n">Exact: $t_1(2) = 0.658$ and $n = 2$.</Claim>\n');
    const attr = /notationLinks: "((?:[^"\\]|\\.)*)"/.exec(js);
    expect(attr).not.toBeNull();
    const links = JSON.parse(JSON.parse(`"${attr![1]}"`)) as { index: number; href: string }[];
    expect(links).toEqual([
      { index: 0, href: '../notation/#sym-t1', title: 'slope threshold: see Notation' },
      { index: 1, href: '../notation/#sym-n', title: 'slope multiplier: see Notation' },
    ]);
    // t1 and n were first used in the quote, so the reason's formulas are not links.
    expect(notationLinks(js)).toEqual([]);
    expect(notation).toEqual(['n', 't1']);
  });
});
