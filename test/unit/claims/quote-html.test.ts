import { describe, expect, it } from 'vitest';
import { quoteHtml } from '../../../src/lib/claims/quote-html';

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
