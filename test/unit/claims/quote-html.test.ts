import { describe, expect, it } from 'vitest';
import { quoteHtml, quoteMath } from '../../../src/lib/claims/quote-html';
import { ledger } from '../../../src/lib/claims/ledger';

describe('quoteHtml', () => {
  it('escapes the text around the math', () => {
    expect(quoteHtml('a gradient <1 & "more"')).toBe('a gradient &lt;1 &amp; &quot;more&quot;');
  });

  it('typesets $…$ inline and $$…$$ displayed, with KaTeX, keeping the text between', () => {
    const html = quoteHtml('for $n > 1$, see $$g = 1$$ here');
    expect(html.startsWith('for <span class="katex">')).toBe(true);
    expect(html).toContain('<annotation encoding="application/x-tex">n &gt; 1</annotation>');
    expect(html).toContain('<span class="katex-display">');
    expect(html.endsWith(' here')).toBe(true);
    expect(html).not.toContain('$');
  });

  it('fails naming the quote on an unpaired $ or on TeX KaTeX rejects', () => {
    expect(() => quoteHtml('a lone $x here')).toThrow(/quote "a lone \$x here…": unpaired \$/);
    expect(() => quoteHtml('bad $\\frac{1}$ tex')).toThrow(/quote "bad .*cannot typeset/);
  });
});

describe('quoteHtml links and quoteMath', () => {
  it('wraps the formulas named in links, and only those', () => {
    const html = quoteHtml('for $n > 1$ and $x$', [{ index: 1, href: '../notation/#sym-x', title: 'x: see "Notation"' }]);
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toMatch(/and <a class="notation-link" href="\.\.\/notation\/#sym-x" title="x: see &quot;Notation&quot;"><span class="katex">/);
    expect(html.startsWith('for <span class="katex">')).toBe(true);
  });

  it('quoteMath finds the same formulas quoteHtml typesets, for every quote of the ledger', () => {
    expect(quoteMath('a $x$ b $$y$$ c $z$')).toEqual([
      { tex: 'x', display: false },
      { tex: 'y', display: true },
      { tex: 'z', display: false },
    ]);
    for (const claim of ledger) {
      const count = (quoteHtml(claim.quote).match(/<span class="katex">/g) ?? []).length;
      expect(quoteMath(claim.quote), claim.id).toHaveLength(count);
    }
  });
});
