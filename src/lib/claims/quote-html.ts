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

/** The quote's HTML (inline content: KaTeX's display math is a span, so it fits in a <p>). */
export function quoteHtml(quote: string): string {
  let html = '';
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
    html += typeset(rest.slice(from, end), display, quote);
    rest = rest.slice(end + delimiter.length);
  }
  return html;
}
