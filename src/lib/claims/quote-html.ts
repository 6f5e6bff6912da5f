/**
 * A quote from the thread as HTML: the text escaped, and its LaTeX — `$…$` inline and `$$…$$`
 * displayed, exactly as the thread wrote it — typeset by KaTeX at build time with the same
 * options as the articles' math (rehype-katex), so the page ships no math JavaScript.
 * Bad input fails loudly: an unpaired `$` or TeX that KaTeX rejects throws, naming the quote.
 */
import katex from 'katex';

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function typeset(tex: string, displayMode: boolean, quote: string): string {
  try {
    return katex.renderToString(tex, { displayMode, throwOnError: true, strict: 'error', output: 'htmlAndMathml' });
  } catch (error) {
    throw new Error(`quote "${quote.slice(0, 60)}…": cannot typeset $${tex}$: ${(error as Error).message}`);
  }
}

/** The TeX of a quote's math, in order: `$…$` inline and `$$…$$` displayed (the segments quoteHtml typesets). */
export function quoteMath(quote: string): { tex: string; display: boolean }[] {
  return [...quote.matchAll(/\$\$([\s\S]*?)\$\$|\$([^$]*)\$/g)].map((m) => (m[1] !== undefined ? { tex: m[1], display: true } : { tex: m[2]!, display: false }));
}

/** A link around one typeset formula of a quote: which (its index among quoteMath's) and where to. */
export interface QuoteMathLink {
  index: number;
  href: string;
  title: string;
}

/**
 * The quote's HTML (inline content: KaTeX's display math is a span, so it fits in a <p>). `links`
 * make formulas links (remark-notation's first uses of symbols on the page).
 */
export function quoteHtml(quote: string, links: readonly QuoteMathLink[] = []): string {
  let html = '';
  let index = 0;
  let rest = quote;
  while (rest.length > 0) {
    const start = rest.indexOf('$');
    if (start < 0) {
      html += escapeHtml(rest);
      break;
    }
    html += escapeHtml(rest.slice(0, start));
    const display = rest.startsWith('$$', start);
    const delimiter = display ? '$$' : '$';
    const from = start + delimiter.length;
    const end = rest.indexOf(delimiter, from);
    if (end < 0) throw new Error(`quote "${quote.slice(0, 60)}…": unpaired ${delimiter} at "${rest.slice(start, start + 30)}"`);
    const math = typeset(rest.slice(from, end), display, quote);
    const link = links.find((l) => l.index === index);
    html += link ? `<a class="notation-link" href="${escapeHtml(link.href)}" title="${escapeHtml(link.title)}">${math}</a>` : math;
    index += 1;
    rest = rest.slice(end + delimiter.length);
  }
  return html;
}
